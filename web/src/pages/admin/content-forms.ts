import { useState } from 'react';
import { applyApiError } from '../../forms/validation';

export const languages = ['fr', 'de', 'en'] as const;
export type Lang = (typeof languages)[number];
export type Localized = Record<Lang, string>;
export const emptyLocalized = (): Localized => ({ fr: '', de: '', en: '' });

/**
 * The API's refusal of a form: each field message next to its input (by the field's path in the
 * request body), the rest in a banner.
 */
export function useApiErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  return {
    errors,
    banner,
    reset: () => {
      setErrors({});
      setBanner(null);
    },
    apply: (error: unknown, knownFields: readonly string[]): Record<string, string> => {
      const placed: Record<string, string> = {};
      const message = applyApiError(
        error,
        (path, text) => {
          placed[path] = text;
        },
        knownFields,
      );
      setErrors(placed);
      setBanner(message);
      return placed;
    },
  };
}
