import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  apiTokens,
  attachments,
  cannedAnswers,
  inboundMails,
  loginAttempts,
  notifications,
  oneTimeTokens,
  outbox,
  rateLimitCounters,
  savedViews,
  sessions,
  storedMails,
  ticketWatchers,
  users,
} from '../../db/schema/index';
import { erasedMailAddress, identifyingTexts } from '../../domain/personal-data/erasure';
import { erasedPersonLabel } from '../../i18n/erased-person';
import { announceSessionsEnded } from '../auth/session-ended';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { fileStoreOf } from '../files/store';
import { authorize, policy } from '../policy';
import { recordAdminChange } from '../sla/admin-audit';
import { scrubCopies } from './scrub-copies';

export interface ErasePersonInput {
  userId: string;
  /** The person's name as typed by the administrator: the erasure cannot be undone. */
  confirmName: string;
  /** Also remove the files the person uploaded (their rows, and their content when no other row uses it). */
  removeFiles: boolean;
}

export interface ErasureOutcome {
  removedAttachments: number;
  /** Rows in which a copy of the name or an address was replaced, per `table.column`. */
  replacedCopies: Record<string, number>;
}

/**
 * An administrator erases a person's personal data (GDPR). The account stays, so the tickets of
 * the company keep their history and still read: the person's messages stay, shown as written by
 * a "deleted user". Name, phone and addresses are replaced (the login address by an undeliverable
 * one), the person is signed out and can no longer sign in, their tokens, follows, saved views,
 * notices and unsent mails are removed, the raw mails they sent are emptied, and every other copy
 * of their name or addresses is replaced wherever it was written (see scrubCopies). One audit entry
 * records the erasure, without the erased data.
 */
export async function erasePerson(
  ctx: AppContext,
  actor: Actor,
  input: ErasePersonInput,
): Promise<ErasureOutcome> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  const { outcome, orphanedFiles } = await ctx.db.transaction(async (tx) => {
    const [person] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update').limit(1);
    if (!person) throw new AppError('not_found');
    authorize(policy.erasePerson(actor, person), 'cannot_erase_self');
    if (person.erasedAt) throw new AppError('person_already_erased');
    if (input.confirmName.trim() !== person.name.trim()) throw new AppError('erasure_confirmation_mismatch');
    // The append-only ledgers accept this transaction's text replacements (see the migration).
    await tx.execute(sql`SELECT set_config('guichet.erasure', 'on', true)`);
    const addresses = [person.email, person.notificationEmail].filter((a): a is string => !!a);
    await removeAccessAndQueues(tx, person.id, addresses);
    const removed = input.removeFiles ? await removeUploads(tx, person.id) : [];
    await tx
      .update(users)
      .set({
        name: erasedPersonLabel.fr,
        email: erasedMailAddress(person.id),
        notificationEmail: null,
        phone: null,
        passwordHash: null,
        active: false,
        isManager: false,
        notificationPrefs: {},
        erasedAt: now,
      })
      .where(eq(users.id, person.id));
    await tx
      .update(inboundMails)
      .set({ raw: Buffer.from(''), fromName: null })
      .where(or(eq(inboundMails.senderUserId, person.id), lowerIn(inboundMails.fromAddress, addresses)));
    const replacedCopies = await scrubCopies(tx, identifyingTexts(person));
    await recordAdminChange(tx, {
      actorId: actor.userId,
      action: 'person.erased',
      subjectId: person.id,
      before: null,
      after: null,
      at: now,
      data: { removedAttachments: removed.length, role: person.role, companyId: person.companyId },
    });
    await announceSessionsEnded(tx, { userId: person.id });
    const orphaned = await unusedKeys(tx, removed);
    return { outcome: { removedAttachments: removed.length, replacedCopies }, orphanedFiles: orphaned };
  });
  const store = fileStoreOf(ctx);
  for (const key of orphanedFiles) await store.remove(key);
  return outcome;
}

/** Signs the person out for good and removes what only served them. */
async function removeAccessAndQueues(tx: DbOrTx, userId: string, addresses: string[]): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.ownerId, userId));
  await tx.delete(ticketWatchers).where(eq(ticketWatchers.userId, userId));
  await tx.delete(savedViews).where(eq(savedViews.userId, userId));
  await tx.delete(cannedAnswers).where(eq(cannedAnswers.ownerId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(rateLimitCounters).where(eq(rateLimitCounters.key, `user:${userId}`));
  if (addresses.length === 0) return;
  await tx.delete(outbox).where(and(eq(outbox.status, 'pending'), lowerIn(outbox.recipient, addresses)));
  await tx.delete(storedMails).where(lowerIn(storedMails.recipient, addresses));
  await tx.delete(loginAttempts).where(
    inArray(
      loginAttempts.throttleKey,
      addresses.map((address) => `account:${address.toLowerCase()}`),
    ),
  );
}

/** The person's uploads: their rows go; returns the content keys they used. */
async function removeUploads(tx: DbOrTx, userId: string): Promise<string[]> {
  const rows = await tx
    .delete(attachments)
    .where(eq(attachments.uploadedBy, userId))
    .returning({ sha256: attachments.sha256 });
  return rows.map((row) => row.sha256);
}

/** Of the keys, those no attachment uses any more (identical content is stored once). */
async function unusedKeys(tx: DbOrTx, keys: string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const used = await tx
    .selectDistinct({ sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.sha256, unique));
  const still = new Set(used.map((row) => row.sha256));
  return unique.filter((key) => !still.has(key));
}

const lowerIn = (column: Parameters<typeof eq>[0], addresses: string[]) =>
  addresses.length
    ? inArray(
        sql`lower(${column})`,
        addresses.map((address) => address.toLowerCase()),
      )
    : sql`false`;
