/**
 * The JSON body parser. Keys named `__proto__` (and `constructor.prototype`) are refused, as
 * Fastify's own parser does, since merging such an object could change the server's objects; but
 * the answer says that, and where, rather than that the body is not JSON.
 */
import type { FastifyInstance } from 'fastify';
import { FieldError } from '../errors.js';

export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (!text.trim()) {
      done(Object.assign(new Error('the body is empty; send a JSON object'), { statusCode: 400 }));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      done(
        Object.assign(new Error(`the body is not valid JSON (${(err as Error).message})`), {
          statusCode: 400,
        }),
      );
      return;
    }
    const forbidden = /__proto__|constructor/.test(text) ? forbiddenKey(parsed, '') : undefined;
    if (forbidden) {
      done(
        new FieldError(
          forbidden,
          "keys named __proto__ (or constructor.prototype) are not accepted: they could alter the server's objects",
        ),
      );
      return;
    }
    done(null, parsed);
  });
}

/** The path of the first `__proto__` or `constructor.prototype` key, if any. */
function forbiddenKey(value: unknown, path: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    const child = (value as Record<string, unknown>)[key];
    if (key === '__proto__') return here;
    if (key === 'constructor' && child && typeof child === 'object' && Object.hasOwn(child, 'prototype')) {
      return `${here}.prototype`;
    }
    const deeper = forbiddenKey(child, here);
    if (deeper) return deeper;
  }
  return undefined;
}
