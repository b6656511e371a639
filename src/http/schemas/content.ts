import { z } from 'zod';
import { languageSchema, text } from './common';

const localized = (max: number) => z.object({ fr: text(max), de: text(max), en: text(max) });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const escalationLevelSchema = z.object({
  /** 1 is the first level to contact. */
  level: z.number().int(),
  /** In the reader's language. */
  role: z.string(),
  contactName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** When to turn to this level, in the reader's language. */
  whenToUse: z.string(),
  /** Every language, for the staff's editing form. */
  roles: z.object({ fr: z.string(), de: z.string(), en: z.string() }),
  whenToUseTexts: z.object({ fr: z.string(), de: z.string(), en: z.string() }),
});
export type EscalationLevelDto = z.infer<typeof escalationLevelSchema>;

export const escalationMatrixResponse = z.object({
  levels: z.array(escalationLevelSchema),
  updatedAt: z.string().nullable(),
});
export type EscalationMatrixDto = z.infer<typeof escalationMatrixResponse>;

export const escalationMatrixBody = z.object({
  /** The whole matrix, first level first; it replaces the current one. */
  levels: z
    .array(
      z.object({
        role: localized(200),
        contactName: text(200),
        email: z
          .union([z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254)), z.literal('')])
          .nullish(),
        phone: optionalText(50),
        whenToUse: localized(2000),
      }),
    )
    .max(20),
});

export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes')
  .min(2)
  .max(100);

export const helpArticleSummarySchema = z.object({
  slug: z.string(),
  /** The language of title and summary: the reader's, or the nearest translation. */
  language: languageSchema,
  title: z.string(),
  summary: z.string(),
  languages: z.array(languageSchema),
  updatedAt: z.string(),
});
export type HelpArticleSummaryDto = z.infer<typeof helpArticleSummarySchema>;

export const helpArticleSchema = helpArticleSummarySchema.extend({
  /** Plain text: paragraphs separated by a blank line, `## ` headings, `- ` list items. */
  body: z.string(),
  sortOrder: z.number().int(),
});
export type HelpArticleDto = z.infer<typeof helpArticleSchema>;

export const helpArticleListQuery = z.object({ q: z.string().trim().max(200).optional() });
export const helpArticleSuggestQuery = z.object({ subject: z.string().trim().max(200) });
export const helpArticleListResponse = z.object({ items: z.array(helpArticleSummarySchema) });
export const slugParams = z.object({ slug: slugSchema });

const articleText = z.object({
  title: text(200),
  summary: z.string().trim().max(500).optional(),
  body: text(50_000),
});

export const createHelpArticleBody = z.object({
  slug: slugSchema,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  translations: z
    .object({ fr: articleText.optional(), de: articleText.optional(), en: articleText.optional() })
    .refine((t) => Boolean(t.fr || t.de || t.en), { message: 'At least one language', path: ['fr'] }),
});

export const updateHelpArticleBody = z.object({
  slug: slugSchema.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  /** A language set to null is removed. */
  translations: z
    .object({
      fr: articleText.nullable().optional(),
      de: articleText.nullable().optional(),
      en: articleText.nullable().optional(),
    })
    .optional(),
});
