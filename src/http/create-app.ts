import express, { type Express, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { requireAdminKey } from './admin-key.js';
import type { AnswerRecords } from './answer-records.js';
import type { AppState } from './app-state.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { createMetrics } from './metrics.js';
import { createRateLimits, type RateLimitSettings } from './rate-limits.js';
import { requestId } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { buildOpenApi } from './openapi.js';
import { openAiErrorHandler } from './openai/openai-errors.js';
import { adminRouter, type AdminOptions } from './routes/admin.js';
import { amendmentsRouter } from './routes/amendments.js';
import { auditRouter } from './routes/audit.js';
import { chatRouter } from './routes/chat.js';
import { conversationsRouter } from './routes/conversations.js';
import { documentsRouter } from './routes/documents.js';
import { draftsRouter } from './routes/drafts.js';
import { feedbackRouter } from './routes/feedback.js';
import { healthRouter } from './routes/health.js';
import { openAiRouter } from './routes/openai.js';
import { searchRouter } from './routes/search.js';

export interface AppDeps {
  state: AppState;
  logger: Logger;
  /** What users write, kept in the database. */
  stores: AnswerRecords & { feedback: FeedbackStore };
  /** Bearer keys for the OpenAI-compatible endpoints; empty → open. */
  apiKeys?: string[];
  maxBodyBytes: number;
  /** Feedback writes are refused once the store holds this many bytes. */
  feedbackMaxBytes?: number;
  /** Per-client rate limits (off when omitted). */
  rateLimits?: RateLimitSettings;
  admin: AdminOptions;
  /** Extra routers (case search for judges, the web page) mounted before the 404 handler. */
  routers?: Router[];
  health?: () => Record<string, unknown>;
}

/** Builds the Express app without listening (tests drive it with supertest). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const metrics = createMetrics();
  const limits = createRateLimits(deps.rateLimits ?? { windowMs: 60_000, general: 0, cases: 0, feedback: 0 });
  const admin = requireAdminKey(deps.admin.apiKey);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestId,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(securityHeaders);
  app.use(metrics.middleware);
  app.use(limits.general);
  app.use('/v1/cases', limits.cases);
  app.post('/v1/feedback', limits.feedback);
  // Admin routes and reading feedback check the key before any body is read.
  app.use('/v1/admin', admin);
  app.get('/v1/feedback', admin);
  app.use(express.json({ limit: deps.maxBodyBytes }));

  app.use(healthRouter(deps.state, deps.health));
  app.use(searchRouter(deps.state));
  app.use(chatRouter(deps.state, deps.stores));
  app.use(openAiRouter(deps.state, { records: deps.stores, apiKeys: deps.apiKeys ?? [] }));
  app.use(conversationsRouter(deps.stores.conversations));
  app.use(amendmentsRouter(deps.state));
  app.use(documentsRouter(deps.state));
  app.use(draftsRouter(deps.state));
  app.use(feedbackRouter(deps.stores.feedback, { maxBytes: deps.feedbackMaxBytes ?? Number.POSITIVE_INFINITY }));
  app.use(adminRouter(deps.state, deps.admin));
  app.use(auditRouter(deps.stores.audit, deps.admin.apiKey));
  app.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi('0.1.0'));
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.render());
  });
  for (const r of deps.routers ?? []) app.use(r);
  app.use(notFoundHandler);
  app.use(openAiErrorHandler);
  app.use(errorHandler);
  return app;
}
