import glossary from '../../src/i18n/glossary.json' with { type: 'json' };

/**
 * The checks of one voice, run on the visible text of every page and mail in fr, de and en:
 * dates and numbers only as src/i18n/format.ts writes them, plurals that agree with their count,
 * no untranslated key, and the terms of src/i18n/glossary.json. Each check returns what it found
 * (empty when the text is right), so a failing test shows the offending words.
 */

export type VoiceLanguage = 'fr' | 'de' | 'en';
export type Scope = 'customer' | 'staff';

/** Dates the formatting module never writes: ISO days and instants, numeric and US dates. */
const foreignDates: [string, RegExp][] = [
  ['ISO date', /(?<![\w-])\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g],
  ['ISO month', /(?<![\w-])\d{4}-(?:0[1-9]|1[0-2])\b(?!-)/g],
  ['numeric date', /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g],
  ['12-hour time', /\b\d{1,2}:\d{2}\s?(?:AM|PM)\b/gi],
];

/** A count of one followed by a plural noun ("1 tickets", "1 saisies", "1 Anfragen"). */
const pluralMismatch: Record<VoiceLanguage, RegExp> = {
  // French counts 0 and 1 as singular (CLDR), as i18next does.
  fr: /(?<![\d,.'’])\b[01] ([a-zà-ÿ]+[sx])\b/gi,
  de: /(?<![\d,.'’])\b1 ((?:Anfragen|Tickets|Einträge|Stunden|Minuten|Tage|Erinnerungen|Nachrichten|Dateien|Überschreitungen|Ergebnisse|Artikel\b(?!s)))\b/g,
  en: /(?<![\d,.'’])\b1 ([a-z]+s)\b/gi,
};
// Words that end in s or x in the singular, or do not agree with the count before them.
const singularInS =
  /^(?:process|status|access|address|business|analysis|basis|bonus|plus|this|is|was|has|its|less|class|progress|mois|fois|temps|sans|sous|dans|puis|vous|nous|plus|prix|choix|dos|cas)$/i;

/** Strings that look like an i18next key that was never translated ("portal.home.title"). */
const keyLike = /\b(?:[a-z][a-zA-Z0-9]*\.){1,}[a-z][a-zA-Z0-9]*(?:_(?:one|other))?\b/g;
const notKeys =
  /^(?:www\.|e\.g\.|i\.e\.|z\.b\.|d\.h\.|u\.a\.|ca\.|p\.ex\.|etc\.)|\.(?:ch|com|org|net|test|local|pdf|png|jpg|csv|txt|docx?|xlsx?|zip|eml|json)$|^[\w.-]+@|^\d/i;

type Term = { preferred: string; forbidden: string[]; allowedWhen?: string };
type Entry = { concept: string; scope: 'customer' | 'all' } & Record<VoiceLanguage, Term>;

const sentences = (text: string) => text.split(/(?<=[.!?:;])\s+|\n+/);

export function foreignDatesIn(text: string): string[] {
  return foreignDates.flatMap(([name, pattern]) =>
    [...text.matchAll(pattern)].map((m) => `${name}: ${m[0]}`),
  );
}

export function pluralMismatchesIn(text: string, language: VoiceLanguage): string[] {
  return [...text.matchAll(pluralMismatch[language])]
    .filter((m) => !singularInS.test(m[1] ?? ''))
    .map((m) => m[0]);
}

export function untranslatedKeysIn(text: string, knownKeys: ReadonlySet<string> = new Set()): string[] {
  // Canned-answer variables ({{customer.firstName}}) are written to be read as such.
  return [...text.replace(/\{\{[^}]*\}\}/g, ' ').matchAll(keyLike)]
    .map((m) => m[0])
    .filter(
      (candidate) => knownKeys.has(candidate) || (/[a-z][A-Z]/.test(candidate) && !notKeys.test(candidate)),
    );
}

/** Forbidden forms of the glossary found in a text of the given audience. */
export function glossaryBreachesIn(text: string, language: VoiceLanguage, scope: Scope): string[] {
  const found: string[] = [];
  for (const entry of glossary.terms as Entry[]) {
    if (entry.scope === 'customer' && scope !== 'customer') continue;
    const term = entry[language];
    const allowed = term.allowedWhen ? new RegExp(term.allowedWhen, 'i') : null;
    for (const pattern of term.forbidden) {
      const forbidden = new RegExp(pattern, 'i');
      for (const sentence of sentences(text)) {
        const match = forbidden.exec(sentence);
        if (match && !allowed?.test(sentence))
          found.push(
            `${entry.concept}: "${match[0]}" (say "${term.preferred}") in "${sentence.trim().slice(0, 120)}"`,
          );
      }
    }
  }
  return found;
}

/** Every finding of the four checks, labelled, for one text. */
export function voiceProblems(
  text: string,
  language: VoiceLanguage,
  scope: Scope,
  knownKeys?: ReadonlySet<string>,
): string[] {
  return [
    ...foreignDatesIn(text),
    ...pluralMismatchesIn(text, language).map((p) => `plural: ${p}`),
    ...untranslatedKeysIn(text, knownKeys).map((k) => `untranslated key: ${k}`),
    ...glossaryBreachesIn(text, language, scope).map((g) => `glossary: ${g}`),
  ];
}

export const glossaryLabels = { statuses: glossary.statuses, criticalities: glossary.criticalities };
