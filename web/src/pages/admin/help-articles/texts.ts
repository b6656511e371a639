import type { z } from 'zod';
import type { helpArticleListResponse, helpArticleSchema } from '../../../../../src/http/schemas/content';
import { apiGet } from '../../../api/client';
import { type Lang, languages } from '../content-forms';

export type Articles = z.infer<typeof helpArticleListResponse>;
export type Article = z.infer<typeof helpArticleSchema>;
export type Texts = { title: string; summary: string; body: string };
export type AllTexts = Record<Lang, Texts>;

export const emptyTexts = (): AllTexts => ({
  fr: { title: '', summary: '', body: '' },
  de: { title: '', summary: '', body: '' },
  en: { title: '', summary: '', body: '' },
});
export const filled = (t: Texts) => Boolean(t.title.trim() || t.body.trim() || t.summary.trim());
export const articleFields = (withSlug: boolean) => [
  ...(withSlug ? ['slug'] : []),
  ...languages.flatMap((l) => ['title', 'summary', 'body'].map((f) => `translations.${l}.${f}`)),
];

/** Every translation of an article, asked for one language at a time. */
export async function fetchAllTexts(slug: string): Promise<{ texts: AllTexts; present: Lang[] }> {
  const texts = emptyTexts();
  const present: Lang[] = [];
  for (const language of languages) {
    const article = await apiGet<Article>(
      `/api/help-articles/${encodeURIComponent(slug)}?language=${language}`,
    );
    // A missing translation comes back in a fallback language: that tab stays empty.
    if (article.language !== language) continue;
    texts[language] = { title: article.title, summary: article.summary, body: article.body };
    present.push(language);
  }
  return { texts, present };
}

/** The first language whose fields the API refused, to open its tab. */
export const firstRefused = (placed: Record<string, string>): Lang | undefined =>
  languages.find((l) => Object.keys(placed).some((p) => p.startsWith(`translations.${l}.`)));
