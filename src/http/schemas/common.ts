import { z } from 'zod';
import { ROLES } from '../../domain/roles';

export const languageSchema = z.enum(['fr', 'de', 'en']);
export const roleSchema = z.enum(ROLES);
export const idSchema = z.uuid();
export const idParams = z.object({ id: idSchema });

/** Trimmed, non-empty text with an upper bound: every free-text field a person types. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

export const errorResponse = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  /** On server-side failures (5xx): the request's id, to quote to support. */
  requestId: z.string().optional(),
});

/** Standard error responses, so the OpenAPI document lists them on every route. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  429: errorResponse,
};

/** The body of an action that needs no input: absent, null or `{}`. */
export const emptyBody = z.object({}).nullish();

export const okResponse = z.object({ ok: z.literal(true) });
