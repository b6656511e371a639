import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The catalogue of support request types (R3), admin-configurable. Seeded with "Assistance" and
 * "Solva Flex" by a custom migration. Types are deactivated, never deleted: tickets keep theirs.
 */
export const requestTypes = pgTable(
  'request_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable machine name (e.g. `assistance`, `solva_flex`), used by code and seeds. */
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameDe: text('name_de').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionDe: text('description_de').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Offered only to companies with an active Flex contract. */
    requiresFlex: boolean('requires_flex').notNull().default(false),
    /** Time logged on tickets of this type is debited from the Flex balance. */
    billedToFlex: boolean('billed_to_flex').notNull().default(false),
    countsTowardSla: boolean('counts_toward_sla').notNull().default(true),
    creatableByCustomers: boolean('creatable_by_customers').notNull().default(true),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('request_types_code_key').on(t.code)],
);

/** A customer company's projects: consulting requests name one (R3). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('projects_company_idx').on(t.companyId, t.name)],
);
