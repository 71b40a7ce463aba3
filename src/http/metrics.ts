import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AggregatorRegistry, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const ASK = 'tro-ly:metrics-request';
const ANSWER = 'tro-ly:metrics-response';

interface MetricsMessage {
  type: string;
  id: string;
  body?: string;
  error?: string;
}

/**
 * The route label: the pattern of the route that matched (`/v1/documents/*rest`), `static` for the
 * page's files, `unmatched` for anything else. Never the raw path, which a client can vary at will.
 */
export function routeLabel(req: Request, res: Response): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`;
  return res.locals.routeLabel === 'static' ? 'static' : 'unmatched';
}

export interface Metrics {
  registry: Registry;
  middleware: RequestHandler;
  /** The exposition text: this process's metrics, or in a cluster worker, every worker's aggregated by the primary. */
  render: () => Promise<string>;
}

/** Prometheus registry with process metrics and a request-duration histogram per route. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => end({ method: req.method, route: routeLabel(req, res), status: String(res.statusCode) }));
    next();
  };
  if (cluster.isWorker) {
    // Constructing one installs prom-client's listener that answers the primary's requests.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  return { registry, middleware, render: cluster.isWorker ? askPrimary : () => registry.metrics() };
}

/** Asks the primary for the cluster-wide metrics (see {@link serveClusterMetrics}). */
function askPrimary(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const onMessage = (m: MetricsMessage) => {
      if (m?.type !== ANSWER || m.id !== id) return;
      cleanup();
      if (m.error !== undefined) reject(new Error(`cluster metrics: ${m.error}`));
      else resolve(m.body ?? '');
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('cluster metrics: the primary did not answer within 10 s'));
    }, 10_000);
    const cleanup = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send?.({ type: ASK, id });
  });
}

/** In the cluster primary: answers workers' requests with every worker's metrics, summed by prom-client. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, m: MetricsMessage) => {
    if (m?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (body) => worker.send({ type: ANSWER, id: m.id, body }),
      (e: unknown) => worker.send({ type: ANSWER, id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}
