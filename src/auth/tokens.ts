/**
 * Secrets handed to clients — session tokens and API keys — and what is stored of them: only a
 * SHA-256 digest, so a copy of the database does not let anyone log in.
 *
 * API key format: `tgl_<id>_<secret>`, where id is 12 hex digits (shown in listings and used to
 * revoke the key) and secret is 32 random bytes in base64url.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time equality of two strings (false when their lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const API_KEY_RE = /^tgl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { id: string; key: string } {
  const id = randomBytes(6).toString('hex');
  return { id, key: `tgl_${id}_${randomToken(32)}` };
}

/** The key's id when the text has the shape of an API key. */
export function apiKeyId(key: string): string | undefined {
  return API_KEY_RE.exec(key)?.[1];
}

/**
 * The CSRF token of a session: derived from the session token, which the browser keeps in an
 * HttpOnly cookie that page scripts cannot read. The web app receives it in the login answer and
 * from GET /auth/me, and sends it back in the X-CSRF-Token header.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('tangle csrf v1').digest('base64url');
}
