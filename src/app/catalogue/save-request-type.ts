import { eq } from 'drizzle-orm';
import { requestTypes } from '../../db/schema/catalogue';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import type { RequestType } from './request-types';

type Localized = { fr: string; de: string; en: string };

export interface RequestTypeFields {
  names: Localized;
  descriptions: Localized;
  requiresFlex: boolean;
  billedToFlex: boolean;
  countsTowardSla: boolean;
  creatableByCustomers: boolean;
  active: boolean;
  sortOrder: number;
}

/** Admin: adds a request type to the catalogue. The code is its stable name and cannot change. */
export async function createRequestType(
  ctx: AppContext,
  actor: Actor,
  input: RequestTypeFields & { code: string },
): Promise<RequestType> {
  authorize(policy.administer(actor));
  const [row] = await ctx.db
    .insert(requestTypes)
    .values({
      code: input.code,
      nameFr: input.names.fr,
      nameDe: input.names.de,
      nameEn: input.names.en,
      ...columns(input),
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing({ target: requestTypes.code })
    .returning();
  if (!row) throw new AppError('request_type_code_taken', { code: input.code });
  return row;
}

/** Admin: edits a request type. Types are deactivated, never deleted, so tickets keep theirs. */
export async function updateRequestType(
  ctx: AppContext,
  actor: Actor,
  input: { id: string } & Partial<RequestTypeFields>,
): Promise<RequestType> {
  authorize(policy.administer(actor));
  const { id, ...fields } = input;
  const values = columns(fields);
  const [row] =
    Object.keys(values).length > 0
      ? await ctx.db.update(requestTypes).set(values).where(eq(requestTypes.id, id)).returning()
      : await ctx.db.select().from(requestTypes).where(eq(requestTypes.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

function columns(input: Partial<RequestTypeFields>): Partial<typeof requestTypes.$inferInsert> {
  const { names, descriptions, ...flags } = input;
  const values: Partial<typeof requestTypes.$inferInsert> = {};
  if (names) Object.assign(values, { nameFr: names.fr, nameDe: names.de, nameEn: names.en });
  if (descriptions) {
    Object.assign(values, {
      descriptionFr: descriptions.fr,
      descriptionDe: descriptions.de,
      descriptionEn: descriptions.en,
    });
  }
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) Object.assign(values, { [key]: value });
  }
  return values;
}
