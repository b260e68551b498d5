/** Analysts' comments on entities: anyone who may read sees them; analysts and admins write them. */
import type { FastifyInstance } from 'fastify';
import { COMMENT_MAX_LENGTH } from '../../auth/accounts.js';
import { resolvedMemberIds } from '../../logic/resolved-ids.js';
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
      // A merged party's comments are those made on any of its list entries.
      const members = await resolvedMemberIds(store, req.params.id);
      if (members.length === 0) {
        return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      }
      const { limit, offset } = req.query;
      if (members.length === 1)
        return { entityId: req.params.id, comments: await accounts.listComments(members[0]!, req.query) };
      const all = (
        await Promise.all(members.map((m) => accounts.listComments(m, { limit: limit + offset })))
      ).flat();
      all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
      return { entityId: req.params.id, comments: all.slice(offset, offset + limit) };
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
      // On a list entry, the comment is its own; on a merged party's canonical id, its first entry's.
      const members = await resolvedMemberIds(store, req.params.id);
      const entityId = members.includes(req.params.id) ? req.params.id : members[0];
      if (!entityId)
        return reply.status(404).send({ error: 'not_found', detail: `no entity ${req.params.id}` });
      const comment = await accounts.addComment({
        entityId,
        userId: userOf(req).id,
        text: req.body.text,
      });
      await audit(ctx, req, 'comment_create', entityId, { comment: comment.id });
      return reply.status(201).send(comment);
    },
  );
}
