import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { requestTypes } from '../../db/schema/catalogue';
import type { Language } from '../../i18n/language';

export type RequestType = typeof requestTypes.$inferSelect;

/** One request type by id, or undefined. */
export async function getRequestType(db: DbOrTx, id: string): Promise<RequestType | undefined> {
  const [row] = await db.select().from(requestTypes).where(eq(requestTypes.id, id)).limit(1);
  return row;
}

/** One request type by its stable code (`assistance`, `solva_flex` …), or undefined. */
export async function requestTypeByCode(db: DbOrTx, code: string): Promise<RequestType | undefined> {
  const [row] = await db.select().from(requestTypes).where(eq(requestTypes.code, code)).limit(1);
  return row;
}

/** The catalogue in display order; only active types unless asked otherwise. */
export async function listRequestTypes(
  db: DbOrTx,
  options: { includeInactive?: boolean } = {},
): Promise<RequestType[]> {
  const query = db.select().from(requestTypes);
  const filtered = options.includeInactive ? query : query.where(eq(requestTypes.active, true));
  return filtered.orderBy(asc(requestTypes.sortOrder), asc(requestTypes.code));
}

/** The name of a type in a language. */
export function requestTypeName(type: RequestType, language: Language): string {
  return { fr: type.nameFr, de: type.nameDe, en: type.nameEn }[language];
}

/** The description of a type in a language. */
export function requestTypeDescription(type: RequestType, language: Language): string {
  return { fr: type.descriptionFr, de: type.descriptionDe, en: type.descriptionEn }[language];
}
