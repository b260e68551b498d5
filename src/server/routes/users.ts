/** Account administration (admins only). */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../auth/roles.js';
import { ROLES } from '../../auth/roles.js';
import { audit } from '../auth.js';
import type { AppContext } from '../context.js';
import { publicUser, userSchema } from './auth.js';

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { username: string; password: string; role: Role } }>(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'create a user',
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 2, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            role: { type: 'string', enum: [...ROLES] },
          },
        },
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      const user = await ctx.accounts.createUser(req.body);
      await audit(ctx, req, 'user_create', user.username, { role: user.role });
      return reply.status(201).send(publicUser(user));
    },
  );

  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: { tags: ['accounts'], summary: 'every user and their role' },
    },
    async () => ({ users: (await ctx.accounts.listUsers()).map(publicUser) }),
  );
}
