/**
 * Headers every response carries, and the answers Fastify and Node give before a route is found
 * (a URL or headers too large, a malformed request line), put in the API's `{error, detail}` shape.
 *
 * The content security policy is the one docs/design-network.md sets for the web app served at
 * `/`: everything from this server, nothing inline but styles, no framing. Swagger UI at /docs
 * runs under it unchanged (its scripts are files of its own; it only inlines styles and data:
 * images).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Routes whose answers carry secrets (session, CSRF token, API keys): never cached. */
const NO_STORE = /^\/auth\//;

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    // A route may set a stricter policy of its own (the reconciliation preview: no scripts at all).
    const own = reply.getHeader('content-security-policy');
    reply.headers(SECURITY_HEADERS);
    if (own) reply.header('content-security-policy', own);
    if (NO_STORE.test(req.url)) reply.header('cache-control', 'no-store');
  });
}

/** Errors Fastify's router raises before a route runs (a path parameter too long, a bad URL). */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode ?? 400;
  const detail =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a path segment of the URL is too long'
      : err.code === 'FST_ERR_BAD_URL'
        ? 'the URL is not valid (bad percent-encoding?)'
        : err.message;
  void reply
    .status(status)
    .headers(SECURITY_HEADERS)
    .send({ error: status === 414 ? 'uri_too_long' : 'bad_request', detail });
}

/** Largest request line read as a URL that is too long rather than headers that are. */
const LONG_REQUEST_LINE = 8 * 1024;

/**
 * Node's answer to a request it cannot parse, before Fastify sees it (headers over 16 KiB, a
 * request line too long, garbage): the same JSON shape as every other error.
 */
export function clientErrorHandler(cause: Error, socket: Socket): void {
  const err = cause as NodeJS.ErrnoException & { rawPacket?: unknown };
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined;
  let status = 400;
  let error = 'bad_request';
  let detail = 'the request could not be read as HTTP';
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    [status, error, detail] = [408, 'request_timeout', 'the request took too long to arrive'];
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    const firstLine = raw?.indexOf('\r\n') ?? -1;
    const urlTooLong = firstLine < 0 ? (raw?.length ?? 0) > LONG_REQUEST_LINE : firstLine > LONG_REQUEST_LINE;
    [status, error, detail] = urlTooLong
      ? [414, 'uri_too_long', 'the URL is too long; send large queries in a POST body']
      : [431, 'request_header_fields_too_large', 'the request headers are larger than 16 KiB'];
  }
  if (socket.writable) {
    const body = JSON.stringify({ error, detail });
    const headers = Object.entries({
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  }
  socket.destroy(err);
}
