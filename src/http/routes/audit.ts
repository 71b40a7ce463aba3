import { Router } from 'express';
import type { AuditLog } from '../../audit/audit-log.js';
import { assertAdminKey } from '../admin-key.js';

/** `GET /v1/admin/audit?limit=` (X-API-Key = ADMIN_API_KEY): the newest answered questions with their answer ids. */
export function auditRouter(audit: AuditLog, adminKey: string | undefined): Router {
  const r = Router();
  r.get('/v1/admin/audit', async (req, res) => {
    assertAdminKey(req.get('x-api-key'), adminKey);
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 1000);
    res.json({ entries: await audit.list(limit) });
  });
  return r;
}
