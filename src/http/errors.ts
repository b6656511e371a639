import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorCatalogue } from '../app/errors/index';
import { isDatabaseUnavailable } from '../db/availability';
import { interpolate, type Language } from '../i18n/language';
import { describeIssue } from './validation-messages';

export interface ErrorBody {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  details?: Record<string, unknown>;
  requestId?: string;
}

export function errorBody(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): ErrorBody {
  return { code, message: interpolate(errorCatalogue[code].message[language], params) };
}

/** The single mapping from failures to HTTP: catalogue codes and statuses, never internals in a 5xx. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const language = request.language ?? 'fr';
  if (error instanceof AppError) {
    const body: ErrorBody = { ...errorBody(error.code, language, error.params) };
    if (error.details) body.details = error.details;
    const status = errorCatalogue[error.code].status;
    if (status === 429) setRetryAfter(reply, error.params.retryAfterSeconds);
    return reply.status(status).send(body);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: [v.instancePath.replace(/^\//, '').replaceAll('/', '.')].filter(Boolean).join('.'),
      message: describeIssue({ ...v.params, code: v.keyword, message: v.message }, language),
    }));
    return reply.status(400).send({ ...errorBody('validation_failed', language), fields });
  }
  if (isDatabaseUnavailable(error)) {
    // Nothing was confirmed to the client; the pool reconnects by itself, so a retry will do.
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return reply.status(503).send({ ...errorBody('database_unavailable', language), requestId: request.id });
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 429) {
    setRetryAfter(reply, undefined);
    return reply.status(429).send(errorBody('too_many_requests', language));
  }
  if (status === 413) return reply.status(413).send(errorBody('payload_too_large', language));
  if (status >= 400 && status < 500) {
    return reply.status(400).send(errorBody('malformed_request', language));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ ...errorBody('internal', language), requestId: request.id });
}

/** Every 429 says when to come back, so clients and proxies back off instead of hammering. */
function setRetryAfter(reply: FastifyReply, seconds: string | number | undefined) {
  if (reply.hasHeader('retry-after')) return;
  const value = Number(seconds);
  reply.header('retry-after', String(Number.isFinite(value) && value > 0 ? Math.ceil(value) : 60));
}
