import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { helpArticles, helpArticleTranslations } from '../../db/schema/content';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { type HelpArticleView, present } from './help-articles';

export interface ArticleText {
  title: string;
  summary?: string;
  body: string;
}

/** Per language: the text, or null to remove that translation (update only). */
export type ArticleTexts = Partial<Record<Language, ArticleText | null>>;

/** Admin: publishes a help article in one or more languages. */
export async function createHelpArticle(
  ctx: AppContext,
  actor: Actor,
  input: { slug: string; sortOrder?: number; translations: ArticleTexts; language: Language },
): Promise<HelpArticleView> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx
      .insert(helpArticles)
      .values({ slug: input.slug, sortOrder: input.sortOrder ?? 0, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: helpArticles.slug })
      .returning();
    if (!article) throw new AppError('help_article_slug_taken', { slug: input.slug });
    await writeTexts(tx, article.id, input.translations);
    return firstView(tx, article, input.language);
  });
}

/** Admin: edits an article's address, order or texts; a language set to null is removed. */
export async function updateHelpArticle(
  ctx: AppContext,
  actor: Actor,
  input: {
    slug: string;
    newSlug?: string;
    sortOrder?: number;
    translations?: ArticleTexts;
    language: Language;
  },
): Promise<HelpArticleView> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(helpArticles)
      .where(eq(helpArticles.slug, input.slug))
      .for('update');
    if (!existing) throw new AppError('not_found');
    if (input.newSlug && input.newSlug !== existing.slug) {
      const [taken] = await tx.select().from(helpArticles).where(eq(helpArticles.slug, input.newSlug));
      if (taken) throw new AppError('help_article_slug_taken', { slug: input.newSlug });
    }
    const [article] = await tx
      .update(helpArticles)
      .set({
        slug: input.newSlug ?? existing.slug,
        sortOrder: input.sortOrder ?? existing.sortOrder,
        updatedAt: now,
      })
      .where(eq(helpArticles.id, existing.id))
      .returning();
    if (!article) throw new AppError('not_found');
    if (input.translations) await writeTexts(tx, article.id, input.translations);
    const remaining = await tx
      .select({ language: helpArticleTranslations.language })
      .from(helpArticleTranslations)
      .where(eq(helpArticleTranslations.articleId, article.id));
    // An article with no language left could not be shown to anyone.
    if (remaining.length === 0) throw new AppError('validation_failed');
    return firstView(tx, article, input.language);
  });
}

/** Admin: removes an article and its translations. */
export async function deleteHelpArticle(
  ctx: AppContext,
  actor: Actor,
  input: { slug: string },
): Promise<void> {
  authorize(policy.administer(actor));
  const deleted = await ctx.db.delete(helpArticles).where(eq(helpArticles.slug, input.slug)).returning();
  if (deleted.length === 0) throw new AppError('not_found');
}

async function writeTexts(tx: Tx, articleId: string, texts: ArticleTexts): Promise<void> {
  for (const [language, text] of Object.entries(texts) as [Language, ArticleText | null | undefined][]) {
    if (text === undefined) continue;
    if (text === null) {
      await tx
        .delete(helpArticleTranslations)
        .where(
          and(
            eq(helpArticleTranslations.articleId, articleId),
            eq(helpArticleTranslations.language, language),
          ),
        );
      continue;
    }
    const values = { title: text.title, summary: text.summary ?? '', body: text.body };
    await tx
      .insert(helpArticleTranslations)
      .values({ articleId, language, ...values })
      .onConflictDoUpdate({
        target: [helpArticleTranslations.articleId, helpArticleTranslations.language],
        set: values,
      });
  }
}

async function firstView(
  tx: Tx,
  article: typeof helpArticles.$inferSelect,
  language: Language,
): Promise<HelpArticleView> {
  const [view] = await present(tx, [article], language);
  if (!view) throw new AppError('validation_failed');
  return view;
}
