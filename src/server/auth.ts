/**
 * Who is asking, and may they. Every request is identified once (onRequest):
 *
 * - `Authorization: ApiKey <key>` or `Authorization: Bearer <key>`: a machine client. A wrong or
 *   revoked key is refused outright rather than treated as anonymous.
 * - the `tangle_session` cookie: a browser session. An expired session is treated as anonymous
 *   (and the cookie cleared); routes that need a login then answer 401 `session_expired`.
 *
 * Each route states what it needs in its config (`access`): `public`, `read` (anyone when reading
 * is open, any logged-in user otherwise), or a least role. Routes that do not say are `read` for
 * GET/HEAD and `admin` for anything else, so a forgotten option fails closed.
 *
 * CSRF: a state-changing request (not GET/HEAD/OPTIONS) authenticated by the session cookie must
 * carry the session's CSRF token in the `X-CSRF-Token` header (a synchronizer token derived from
 * the session secret; see auth/tokens.ts). API-key requests need none: browsers do not attach
 * Authorization headers on their own. The cookie is also SameSite=Strict.
 *
 * These checks run in preParsing, before the body is read, so unauthorised uploads are not parsed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditVia, NewAuditEntry, NewSession, User } from '../auth/accounts.js';
import { roleAtLeast, type Role } from '../auth/roles.js';
import { csrfTokenFor, safeEqual } from '../auth/tokens.js';
import type { AppContext } from './context.js';

export const SESSION_COOKIE = 'tangle_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Access = 'public' | 'read' | Role;

export interface Identity {
  user: User;
  via: 'session' | 'api_key';
  /** The session token (cookie) or the API key's id. */
  sessionToken?: string;
  keyId?: string;
}

type AuthProblem = 'malformed_authorization' | 'invalid_api_key' | 'revoked_api_key' | 'session_expired';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see server/auth.ts). */
    access?: Access;
    /** false: no CSRF token needed even with a session cookie (POST /auth/login, and POST /match, which only reads). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    auth: Identity | null;
    authProblem: AuthProblem | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

function deny(reply: FastifyReply, status: number, error: string, detail: string): FastifyReply {
  return reply.status(status).send({ error, detail });
}

export function registerAuth(app: FastifyInstance, { accounts, config }: AppContext): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authProblem', null);

  app.addHook('onRequest', async (req, reply) => {
    req.auth = null;
    req.authProblem = null;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^(?:ApiKey|Bearer)\s+(\S+)\s*$/i.exec(header);
      if (!m) {
        req.authProblem = 'malformed_authorization';
        return;
      }
      const found = await accounts.lookupApiKey(m[1]);
      if (found.ok) req.auth = { user: found.user, via: 'api_key', keyId: found.key.id };
      else req.authProblem = found.reason === 'revoked' ? 'revoked_api_key' : 'invalid_api_key';
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await accounts.lookupSession(token);
      if (found.ok) {
        req.auth = { user: found.user, via: 'session', sessionToken: token };
      } else {
        req.authProblem = 'session_expired';
        clearSessionCookie(reply, config.secureCookies);
      }
    }
  });

  app.addHook('preParsing', async (req, reply) => {
    if (req.is404) return;
    const method = req.method;
    const access: Access = req.routeOptions.config.access ?? (SAFE_METHODS.has(method) ? 'read' : 'admin');
    if (access === 'public' && req.auth?.via !== 'session') return;

    const problem = req.authProblem;
    if (access !== 'public' && problem && problem !== 'session_expired') {
      const detail = {
        malformed_authorization: 'the Authorization header must be "ApiKey <key>" or "Bearer <key>"',
        invalid_api_key: 'the API key is not valid',
        revoked_api_key: 'the API key has been revoked',
      }[problem];
      return deny(reply, 401, problem, detail);
    }

    const needed: Role | null =
      access === 'public'
        ? null
        : access === 'read'
          ? config.readAccess === 'open'
            ? null
            : 'viewer'
          : access;
    if (needed) {
      if (!req.auth) {
        return problem === 'session_expired'
          ? deny(reply, 401, 'session_expired', 'your session has ended; log in again')
          : deny(reply, 401, 'unauthorized', 'log in, or send an API key in the Authorization header');
      }
      if (!roleAtLeast(req.auth.user.role, needed)) {
        return deny(
          reply,
          403,
          'forbidden',
          `this needs the ${needed} role; ${req.auth.user.username} is ${req.auth.user.role}`,
        );
      }
    }

    if (req.auth?.via === 'session' && isStateChanging(method) && req.routeOptions.config.csrf !== false) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !given) {
        return deny(
          reply,
          403,
          'csrf_token_missing',
          `send the session's CSRF token in the X-CSRF-Token header`,
        );
      }
      if (!safeEqual(given, csrfTokenFor(req.auth.sessionToken!))) {
        return deny(reply, 403, 'csrf_token_invalid', 'the X-CSRF-Token header does not match the session');
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: Math.max(0, Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

/** The logged-in user; routes with a role in their access config can rely on it. */
export function userOf(req: FastifyRequest): User {
  if (!req.auth) throw new Error('route reached without a user: its access config is wrong');
  return req.auth.user;
}

/** Who did it, how and from where, for an audit entry. */
export function auditFields(req: FastifyRequest): Pick<NewAuditEntry, 'actor' | 'via' | 'address'> {
  const via: AuditVia = req.auth?.via ?? 'anonymous';
  return { actor: req.auth?.user.username ?? null, via, address: req.ip };
}

/** Record a write in the audit log. */
export async function audit(
  ctx: AppContext,
  req: FastifyRequest,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await ctx.accounts.recordAudit({ ...auditFields(req), action, target, detail });
}
