import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The escalation matrix ("Matrice d'escalade", R2): who to contact, level by level, when a request
 * does not move fast enough. Managed by staff as a whole list (replaced at once), read by customers.
 */
export const escalationLevels = pgTable(
  'escalation_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 1 is the first level to contact; the list is shown in this order. */
    position: integer('position').notNull(),
    roleFr: text('role_fr').notNull(),
    roleDe: text('role_de').notNull(),
    roleEn: text('role_en').notNull(),
    contactName: text('contact_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    whenFr: text('when_fr').notNull(),
    whenDe: text('when_de').notNull(),
    whenEn: text('when_en').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('escalation_levels_position_key').on(t.position)],
);

/** A help article; its text lives in one translation per language (fr, de, en; any may be missing). */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable address of the article (`/help/<slug>`). */
    slug: text('slug').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('help_articles_slug_key').on(t.slug), index('help_articles_order_idx').on(t.sortOrder)],
);

/**
 * One language of a help article. `search_vector` (French and German stems of unaccented words,
 * title weighted above summary and body) is set by a trigger (see the `content_search` migration).
 */
export const helpArticleTranslations = pgTable(
  'help_article_translations',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => helpArticles.id, { onDelete: 'cascade' }),
    language: text('language', { enum: ['fr', 'de', 'en'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    searchVector: tsvector('search_vector'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.language] }),
    index('help_article_translations_search_idx').using('gin', t.searchVector),
  ],
);
