import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client';

type Errors = Record<string, string>;

/**
 * Form validation from the API's own zod schema, with messages in the reader's language: the
 * browser refuses exactly what the server would, before the round trip.
 */
export function schemaValidator<S extends z.ZodType>(schema: S, t: TFunction) {
  return (values: Record<string, unknown>): Errors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Errors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (errors[path]) continue;
      errors[path] = describeIssue(issue, values[String(issue.path[0])], t);
    }
    return errors;
  };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown, t: TFunction): string {
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (empty) return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? t('validation.minLength', { count: Number(issue.minimum) })
        : t('validation.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.maxLength', { count: Number(issue.maximum) })
        : t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Puts an API failure where the reader looks: field messages next to their inputs, and returns
 * the message for the form's banner (none when every problem sits on a field).
 */
export function applyApiError(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  knownFields: readonly string[],
): string | null {
  if (!(error instanceof ApiError)) return String(error);
  const placed = error.fields.filter((f) => knownFields.includes(f.path));
  for (const field of placed) setFieldError(field.path, field.message);
  const unplaced = error.fields.filter((f) => !knownFields.includes(f.path));
  if (placed.length > 0 && unplaced.length === 0) return null;
  return [error.message, ...unplaced.map((f) => f.message)].join(' ');
}
