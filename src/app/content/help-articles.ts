import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { helpArticles, helpArticleTranslations } from '../../db/schema/content';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';

const t = helpArticleTranslations;
type Article = typeof helpArticles.$inferSelect;
type Translation = typeof helpArticleTranslations.$inferSelect;

/** An article as one reader sees it: in their language, or the nearest one that exists. */
export interface HelpArticleView {
  id: string;
  slug: string;
  sortOrder: number;
  /** The language the text below is in; differs from the reader's when a translation is missing. */
  language: Language;
  title: string;
  summary: string;
  body: string;
  /** Languages this article exists in. */
  languages: Language[];
  updatedAt: Date;
  translations: Translation[];
}

/** When the reader's language is missing: French (the reference), then English, then German. */
const fallbackOrder: Language[] = ['fr', 'en', 'de'];

/**
 * Help articles for a reader, in their language with a fallback. With `q`, only the articles that
 * match it (French and German stems, accents ignored; or the text anywhere in a title), best first.
 */
export async function listHelpArticles(
  ctx: AppContext,
  _actor: Actor,
  input: { q?: string; language: Language },
): Promise<HelpArticleView[]> {
  const q = input.q?.trim();
  if (!q) {
    const articles = await ctx.db.select().from(helpArticles).orderBy(asc(helpArticles.sortOrder));
    return present(ctx.db, articles, input.language);
  }
  const pattern = `%${escapeLike(q)}%`;
  return ranked(
    ctx.db,
    sql`(${t.searchVector} @@ ${allWords(q)} OR unaccent(${t.title}) ILIKE unaccent(${pattern}))`,
    sql`ts_rank(${t.searchVector}, ${allWords(q)})`,
    input.language,
    50,
  );
}

/**
 * Articles that may answer a ticket being written, from its subject: its telling words matched
 * against the articles' text in the reader's language (or the text shown instead when missing), best first, at most `limit`. An article far
 * behind the best match (under a third of its rank: a single common word) is left out, and
 * nothing is suggested when no word matches.
 */
export async function suggestHelpArticles(
  ctx: AppContext,
  _actor: Actor,
  input: { subject: string; language: Language; limit?: number },
): Promise<HelpArticleView[]> {
  const subject = input.subject.trim();
  if (subject.length < 3) return [];
  const query = anyWord(subject);
  const rank = sql<number>`max(ts_rank(${t.searchVector}, ${query}))`;
  const rows = await ctx.db
    .select({ articleId: t.articleId, rank })
    .from(t)
    .where(and(sql`${t.searchVector} @@ ${query}`, readersText(input.language)))
    .groupBy(t.articleId)
    .orderBy(sql`2 DESC`, t.articleId)
    .limit(input.limit ?? 5);
  const best = Number(rows[0]?.rank ?? 0);
  const ids = rows.filter((row) => Number(row.rank) >= best / 3).map((row) => row.articleId);
  return inOrder(ctx.db, ids, input.language);
}

/** The translation a reader is shown: theirs, or any when the article lacks their language. */
function readersText(language: Language): SQL {
  return sql`(${t.language} = ${language} or not exists (
    select 1 from help_article_translations own
    where own.article_id = ${t.articleId} and own.language = ${language}))`;
}

/** One article by its address, in the reader's language with a fallback. */
export async function getHelpArticle(
  ctx: AppContext,
  _actor: Actor,
  input: { slug: string; language: Language },
): Promise<HelpArticleView> {
  const [article] = await ctx.db.select().from(helpArticles).where(eq(helpArticles.slug, input.slug));
  if (!article) throw new AppError('not_found');
  const [view] = await present(ctx.db, [article], input.language);
  if (!view) throw new AppError('not_found');
  return view;
}

/** Loads the translations of `articles` and picks each one's text for `language`, keeping the order. */
export async function present(
  db: DbOrTx,
  articles: Article[],
  language: Language,
): Promise<HelpArticleView[]> {
  if (articles.length === 0) return [];
  const translations = await db
    .select()
    .from(helpArticleTranslations)
    .where(
      inArray(
        helpArticleTranslations.articleId,
        articles.map((a) => a.id),
      ),
    );
  const views: HelpArticleView[] = [];
  for (const article of articles) {
    const own = translations.filter((t) => t.articleId === article.id);
    const chosen = [language, ...fallbackOrder].map((l) => own.find((t) => t.language === l)).find(Boolean);
    if (!chosen) continue;
    views.push({
      id: article.id,
      slug: article.slug,
      sortOrder: article.sortOrder,
      language: chosen.language,
      title: chosen.title,
      summary: chosen.summary,
      body: chosen.body,
      languages: own.map((t) => t.language).sort(),
      updatedAt: article.updatedAt,
      translations: own,
    });
  }
  return views;
}

async function ranked(
  db: DbOrTx,
  where: SQL,
  rank: SQL,
  language: Language,
  limit: number,
): Promise<HelpArticleView[]> {
  const rows = await db
    .select({ articleId: t.articleId })
    .from(t)
    .where(where)
    .groupBy(t.articleId)
    .orderBy(sql`max(${rank}) DESC`, t.articleId)
    .limit(limit);
  return inOrder(
    db,
    rows.map((r) => r.articleId),
    language,
  );
}

/** The articles of `ids`, in that order, presented for `language`. */
async function inOrder(db: DbOrTx, ids: string[], language: Language): Promise<HelpArticleView[]> {
  if (ids.length === 0) return [];
  const articles = await db.select().from(helpArticles).where(inArray(helpArticles.id, ids));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return present(
    db,
    ids.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined),
    language,
  );
}

/** Every word of `q` (websearch syntax), stemmed as French or as German. */
function allWords(q: string): SQL {
  return sql`(websearch_to_tsquery('guichet_fr', ${q}) || websearch_to_tsquery('guichet_de', ${q}))`;
}

/**
 * Any telling word of `q`, stemmed as French or as German: a subject rarely repeats an article's
 * every word. A word that is a stop word in French, German or English ("la", "der", "the") is left
 * out first: the German stems of a French subject would otherwise keep its articles and match every
 * article of the same language, and the suggestions would be the same whatever the subject.
 */
function anyWord(q: string): SQL {
  const words =
    q
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 30)
      .join(' ') ?? '';
  const telling = sql`(select coalesce(string_agg(w, ' '), '') from regexp_split_to_table(${words}, ' ') as w
    where numnode(plainto_tsquery('french', w)) > 0
      and numnode(plainto_tsquery('german', w)) > 0
      and numnode(plainto_tsquery('english', w)) > 0)`;
  const either = (config: string) =>
    sql`to_tsquery('simple', replace(plainto_tsquery(${sql.raw(`'${config}'`)}, ${telling})::text, ' & ', ' | '))`;
  return sql`(${either('guichet_fr')} || ${either('guichet_de')})`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
