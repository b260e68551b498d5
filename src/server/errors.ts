/**
 * Every error leaves the server as JSON `{error, detail}` (plus `field`, or `file`/`line`, when
 * the problem is in one). Validation errors name the request field; unexpected errors are logged
 * and answered with a plain 500 — never a stack trace or an internal message.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ConflictError, FieldError, InputError, NotFoundError, UsageError } from '../errors.js';
import { MassRemovalError } from '../logic/removal-guard.js';

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** `body field "password" is required`: the part of the request, the field's path, the problem. */
export function describeValidation(
  items: ValidationItem[],
  context: string | undefined,
): { field: string | undefined; detail: string } {
  const first = items[0];
  const where = context ?? 'request';
  if (!first) return { field: undefined, detail: `${where} is not valid` };
  const path = first.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let problem = first.message ?? 'is not valid';
  if (first.keyword === 'required') {
    path.push(String(first.params.missingProperty));
    problem = 'is required';
  } else if (first.keyword === 'additionalProperties') {
    path.push(String(first.params.additionalProperty));
    problem = 'is not allowed here';
  } else if (first.keyword === 'enum' && Array.isArray(first.params.allowedValues)) {
    problem = `must be one of ${first.params.allowedValues.join(', ')}`;
  }
  const field = path.join('.') || undefined;
  return { field, detail: field ? `${where} field "${field}" ${problem}` : `${where} ${problem}` };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: 'not_found', detail: `no route ${req.method} ${req.url.split('?')[0]}` });
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      const { field, detail } = describeValidation(err.validation as ValidationItem[], err.validationContext);
      return reply.status(400).send({ error: 'bad_request', detail, ...(field ? { field } : {}) });
    }
    if (err instanceof InputError) {
      return reply.status(400).send({
        error: 'bad_input',
        detail: err.message,
        file: err.file,
        ...(err.line !== undefined ? { line: err.line } : {}),
        ...(err.field !== undefined ? { field: err.field } : {}),
      });
    }
    if (err instanceof MassRemovalError) {
      const { dataset, removed, active } = err;
      return reply
        .status(409)
        .send({ error: 'mass_removal_refused', detail: err.message, dataset, removed, active });
    }
    if (err instanceof NotFoundError)
      return reply.status(404).send({ error: 'not_found', detail: err.message });
    if (err instanceof ConflictError)
      return reply.status(409).send({ error: 'conflict', detail: err.message });
    if (err instanceof FieldError) {
      return reply.status(400).send({ error: 'bad_request', detail: err.message, field: err.field });
    }
    if (err instanceof UsageError)
      return reply.status(400).send({ error: 'bad_request', detail: err.message });
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: ERROR_NAMES[status] ?? 'bad_request', detail: err.message });
    }
    req.log.error({ err }, 'request failed');
    return reply
      .status(500)
      .send({ error: 'internal_error', detail: 'the server failed to answer; the error has been logged' });
  });
}
