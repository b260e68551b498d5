/** Analysts' comments on entities: anyone who may read sees them; analysts and admins write them. */
import type { FastifyInstance } from 'fastify';
import { COMMENT_MAX_LENGTH } from '../../auth/accounts.js';
import { audit, userOf } from '../auth.js';
import type { AppContext } from '../context.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export function registerCommentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store, accounts } = ctx;

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/entities/:id/comments',
    {
      schema: {
        tags: ['entities'],
        summary: 'comments on an entity, oldest first',
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req, reply) => {
      if (!(await store.getEntity(req.params.id))) {
        return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      }
      return { entityId: req.params.id, comments: await accounts.listComments(req.params.id, req.query) };
    },
  );

  app.post<{ Params: { id: string }; Body: { text: string } }>(
    '/entities/:id/comments',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['entities'],
        summary: 'comment on an entity (analysts and admins); the author and time are recorded',
        params: idParams,
        body: {
          type: 'object',
          required: ['text'],
          properties: { text: { type: 'string', minLength: 1, maxLength: COMMENT_MAX_LENGTH } },
        },
      },
    },
    async (req, reply) => {
      const entity = await store.getEntity(req.params.id);
      if (!entity)
        return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      const comment = await accounts.addComment({
        entityId: entity.id,
        userId: userOf(req).id,
        text: req.body.text,
      });
      await audit(ctx, req, 'comment_create', entity.id, { comment: comment.id });
      return reply.status(201).send(comment);
    },
  );
}
