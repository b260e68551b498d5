/** Logging in and out, who am I, and the caller's API keys. */
import type { FastifyInstance } from 'fastify';
import type { ApiKeyInfo, User } from '../../auth/accounts.js';
import { roleAtLeast } from '../../auth/roles.js';
import { csrfTokenFor } from '../../auth/tokens.js';
import { audit, clearSessionCookie, setSessionCookie, userOf } from '../auth.js';
import type { AppContext } from '../context.js';

export const userSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    role: { type: 'string', enum: ['viewer', 'analyst', 'admin'] },
    createdAt: { type: 'string' },
  },
} as const;

export const apiKeySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    username: { type: 'string' },
    createdAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;

export function publicUser(user: User): { username: string; role: string; createdAt: string } {
  return { username: user.username, role: user.role, createdAt: user.createdAt };
}

export function publicKey(key: ApiKeyInfo): Omit<ApiKeyInfo, 'userId'> {
  return {
    id: key.id,
    username: key.username,
    name: key.name,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { accounts, config } = ctx;
  const loginLimit = config.rateLimit.login
    ? { max: config.rateLimit.login, timeWindow: config.rateLimit.windowMs }
    : false;

  app.post<{ Body: { username: string; password: string } }>(
    '/auth/login',
    {
      config: { access: 'public', csrf: false, rateLimit: loginLimit },
      schema: {
        tags: ['accounts'],
        summary: 'log in: sets the session cookie and returns the CSRF token for state-changing requests',
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
          },
        },
      },
    },
    async (req, reply) => {
      const user = await accounts.authenticate(req.body.username, req.body.password);
      if (!user) {
        await accounts.recordAudit({
          actor: null,
          via: 'anonymous',
          address: req.ip,
          action: 'login_failed',
          target: req.body.username.slice(0, 64),
          detail: null,
        });
        return reply.status(401).send({ error: 'invalid_credentials', detail: 'wrong username or password' });
      }
      // A login replaces whatever session the browser had.
      if (req.auth?.via === 'session') await accounts.endSession(req.auth.sessionToken!);
      const session = await accounts.createSession(user.id);
      setSessionCookie(reply, session, config.secureCookies);
      await accounts.recordAudit({
        actor: user.username,
        via: 'session',
        address: req.ip,
        action: 'login',
        target: user.username,
        detail: null,
      });
      return { user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['accounts'], summary: 'end the session (needs the CSRF token when logged in)' },
    },
    async (req, reply) => {
      if (req.auth?.via === 'session') {
        await accounts.endSession(req.auth.sessionToken!);
        await audit(ctx, req, 'logout', req.auth.user.username);
      }
      clearSessionCookie(reply, config.secureCookies);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'viewer' },
      schema: { tags: ['accounts'], summary: 'the logged-in user; for a session, also its CSRF token' },
    },
    async (req) => {
      const auth = req.auth!;
      return {
        user: publicUser(auth.user),
        via: auth.via,
        ...(auth.via === 'session' ? { csrfToken: csrfTokenFor(auth.sessionToken!) } : { keyId: auth.keyId }),
      };
    },
  );

  // The browser app asks this on load: who is logged in, if anyone, without a 401 for "nobody".
  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'the session of this browser: the user and CSRF token, or user null; and whether reading needs a login',
      },
    },
    async (req) => {
      const auth = req.auth?.via === 'session' ? req.auth : null;
      return {
        user: auth ? publicUser(auth.user) : null,
        ...(auth ? { csrfToken: csrfTokenFor(auth.sessionToken!) } : {}),
        readAccess: config.readAccess,
      };
    },
  );

  app.post<{ Body: { name?: string } }>(
    '/auth/keys',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['accounts'],
        summary: 'create an API key for yourself; the key is shown in this answer only',
        body: {
          type: ['object', 'null'],
          properties: { name: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (req, reply) => {
      const user = userOf(req);
      const key = await accounts.createApiKey(user.id, req.body?.name ?? '');
      await audit(ctx, req, 'api_key_create', key.id, { name: key.name, owner: user.username });
      return reply.status(201).send({ ...publicKey(key), key: key.key });
    },
  );

  app.get<{ Querystring: { all: boolean } }>(
    '/auth/keys',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['accounts'],
        summary: 'your API keys (admins: everyone’s with all=true); never the keys themselves',
        querystring: { type: 'object', properties: { all: { type: 'boolean', default: false } } },
      },
    },
    async (req, reply) => {
      const user = userOf(req);
      if (req.query.all && !roleAtLeast(user.role, 'admin')) {
        return reply.status(403).send({
          error: 'forbidden',
          detail: `listing everyone’s keys needs the admin role; ${user.username} is ${user.role}`,
        });
      }
      const keys = await accounts.listApiKeys(req.query.all ? {} : { userId: user.id });
      return { keys: keys.map(publicKey) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/auth/keys/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['accounts'],
        summary: 'revoke an API key (your own; admins: anyone’s)',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$' } } },
      },
    },
    async (req, reply) => {
      const user = userOf(req);
      const key = await accounts.getApiKey(req.params.id);
      if (!key || (key.userId !== user.id && !roleAtLeast(user.role, 'admin'))) {
        return reply.status(404).send({ error: 'not_found', detail: `no API key ${req.params.id}` });
      }
      if (key.revokedAt) {
        return reply
          .status(409)
          .send({ error: 'conflict', detail: `API key ${key.id} was revoked at ${key.revokedAt}` });
      }
      await accounts.revokeApiKey(key.id);
      await audit(ctx, req, 'api_key_revoke', key.id, { owner: key.username });
      return publicKey((await accounts.getApiKey(key.id))!);
    },
  );
}
