import type { Language } from '../i18n/language';
import { interpolate } from '../i18n/language';

interface IssueLike {
  code?: string;
  path?: PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  format?: string;
  message?: string;
}

const phrases: Record<string, Record<Language, string>> = {
  required: {
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  invalid_type: { fr: 'Valeur invalide.', de: 'Ungültiger Wert.', en: 'Invalid value.' },
  too_small_string: {
    fr: 'Au moins {minimum} caractères.',
    de: 'Mindestens {minimum} Zeichen.',
    en: 'At least {minimum} characters.',
  },
  too_big_string: {
    fr: 'Au plus {maximum} caractères.',
    de: 'Höchstens {maximum} Zeichen.',
    en: 'At most {maximum} characters.',
  },
  too_small: { fr: 'Au moins {minimum}.', de: 'Mindestens {minimum}.', en: 'At least {minimum}.' },
  too_big: { fr: 'Au plus {maximum}.', de: 'Höchstens {maximum}.', en: 'At most {maximum}.' },
  email: { fr: 'Adresse e-mail invalide.', de: 'Ungültige E-Mail-Adresse.', en: 'Invalid e-mail address.' },
  invalid_format: { fr: 'Format invalide.', de: 'Ungültiges Format.', en: 'Invalid format.' },
  invalid_value: { fr: 'Choix invalide.', de: 'Ungültige Auswahl.', en: 'Invalid choice.' },
  unrecognized_keys: { fr: 'Champ inconnu.', de: 'Unbekanntes Feld.', en: 'Unknown field.' },
};

/** A person's reading of one schema issue, in their language. */
export function describeIssue(issue: IssueLike, language: Language): string {
  const key = phraseKey(issue);
  const phrase = phrases[key] ?? phrases.invalid_type;
  return interpolate(phrase?.[language] ?? '', {
    minimum: String(issue.minimum ?? ''),
    maximum: String(issue.maximum ?? ''),
  });
}

function phraseKey(issue: IssueLike): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message ?? '')) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return issue.minimum === 1 ? 'required' : 'too_small_string';
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_big_string';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'email';
  return issue.code ?? 'invalid_type';
}
