import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { attachments } from '../../db/schema/attachments';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';

/** How much attachment storage each customer company may use, set by an admin. */
export const storageQuotaSettingKey = 'attachments.companyQuotaMb';
export const defaultCompanyQuotaMb = 2048;
export const MAX_COMPANY_QUOTA_MB = 10_000_000;

const MB = 1024 * 1024;

export async function companyQuotaMb(db: DbOrTx): Promise<number> {
  const stored = await readSetting<number>(db, storageQuotaSettingKey);
  return typeof stored === 'number' && stored > 0 ? stored : defaultCompanyQuotaMb;
}

/** Bytes of attachments a company holds (what its people see, each file counted where attached). */
export async function companyStorageUsed(db: DbOrTx, companyId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<number>`coalesce(sum(${attachments.size}), 0)::bigint` })
    .from(attachments)
    .where(eq(attachments.companyId, companyId));
  return Number(row?.bytes ?? 0);
}

export interface CompanyStorage {
  usedBytes: number;
  quotaBytes: number;
}

export async function companyStorage(db: DbOrTx, companyId: string): Promise<CompanyStorage> {
  const [usedBytes, quotaMb] = await Promise.all([companyStorageUsed(db, companyId), companyQuotaMb(db)]);
  return { usedBytes, quotaBytes: quotaMb * MB };
}

/**
 * Refuses files that would take the company over its storage quota, naming the first one that does
 * not fit. Uploads of one company are decided one at a time (a transaction lock on the company), so
 * two parallel uploads cannot both pass the quota.
 */
export async function assertWithinCompanyQuota(
  tx: Tx,
  companyId: string,
  files: { fileName: string; size: number }[],
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`company-storage:${companyId}`}))`);
  const { usedBytes, quotaBytes } = await companyStorage(tx, companyId);
  let total = usedBytes;
  for (const file of files) {
    total += file.size;
    if (total > quotaBytes) {
      throw new AppError('company_storage_full', { file: file.fileName, quotaMb: quotaBytes / MB });
    }
  }
}

export async function getStorageQuota(ctx: AppContext, actor: Actor): Promise<{ companyQuotaMb: number }> {
  authorize(policy.administer(actor));
  return { companyQuotaMb: await companyQuotaMb(ctx.db) };
}

export async function saveStorageQuota(
  ctx: AppContext,
  actor: Actor,
  input: { companyQuotaMb: number },
): Promise<{ companyQuotaMb: number }> {
  authorize(policy.administer(actor));
  await writeSetting(ctx.db, storageQuotaSettingKey, input.companyQuotaMb, ctx.clock.now(), actor.userId);
  return { companyQuotaMb: input.companyQuotaMb };
}
