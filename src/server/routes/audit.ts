/** The audit log: every write, who made it, when and from where (admins only). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { action?: string; actor?: string; limit: number; offset: number } }>(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'the audit log, newest first',
        querystring: {
          type: 'object',
          properties: {
            action: { type: 'string', maxLength: 64 },
            actor: { type: 'string', maxLength: 64 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => ({ entries: await ctx.accounts.listAudit(req.query) }),
  );
}
