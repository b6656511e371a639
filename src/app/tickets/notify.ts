import { and, eq, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Tx } from '../../db/client';
import { outbox, ticketWatchers, users } from '../../db/schema/index';
import { readPrefs, wantsStatusMail } from '../../domain/notifications/preferences';
import type { TicketStatus } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { type QueuedMail, queueMail, queueMails } from '../outbox';
import type { TicketRow } from './record-event';
import { watcherColumns, watchersOf } from './watchers';

/**
 * Queues a public mail about the ticket to its customer contact (its creator when a customer)
 * and to the colleagues who follow it, each in their language. Nobody is mailed about what they
 * did themselves, staff creators get no customer mails, and a status change reaches each person
 * only if their preference asks for it. Params always carry the ticket id: templates render from
 * the ticket's current state.
 */
export async function mailTicketCreator(tx: Tx, input: CreatorMail): Promise<boolean> {
  return (await queueCreatorMail(tx, input)) !== null;
}

export interface CreatorMail {
  ticket: TicketRow;
  template: string;
  params?: Record<string, unknown>;
  actorId: string | null;
  now: Date;
  /** Mail even when the creator is the one acting (e.g. the receipt of their own ticket). */
  includeActor?: boolean;
  /** A change to this status: each person's status-mail preference decides. */
  statusTo?: TicketStatus;
  /** The ticket is being created: nobody follows it yet, so no followers are looked up. */
  newTicket?: boolean;
}

interface Recipient {
  email: string;
  notificationEmail: string | null;
  language: Language;
  prefs: unknown;
}

/**
 * The receipt of a new ticket (`ticket.received`) to its creator, if a customer still active: the
 * mail `mailTicketCreator` queues with `includeActor` and `newTicket` (nobody follows the ticket
 * yet, and a receipt heeds no status preference), in one statement that reads the creator where
 * it queues the mail.
 */
export async function queueReceipt(tx: Tx, ticket: TicketRow, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute(sql`
    insert into ${outbox} (template, recipient, language, params, ticket_id, next_attempt_at, created_at)
    select 'ticket.received', coalesce(${users.notificationEmail}, ${users.email}), ${users.language},
           ${JSON.stringify({ ticketId: ticket.id })}::jsonb, ${ticket.id}::text, ${at}::timestamptz,
           ${at}::timestamptz
      from ${users}
     where ${users.id} = ${ticket.createdBy} and ${users.role} = 'customer' and ${users.active}`);
}

/**
 * As `mailTicketCreator`, returning the outbox id of the creator's mail, or null when the creator
 * is not mailed. Followers get their own copy, without the creator's timeline entry on sending.
 */
export async function queueCreatorMail(tx: Tx, input: CreatorMail): Promise<number | null> {
  const { ticket } = input;
  const wants = (person: Recipient) =>
    input.statusTo === undefined || wantsStatusMail(readPrefs(person.prefs), input.statusTo);
  const send = (person: Recipient, params: Record<string, unknown>) =>
    queueMail(
      tx,
      {
        template: input.template,
        recipient: person.notificationEmail ?? person.email,
        language: person.language,
        params: { ticketId: ticket.id, ...params },
        ticketId: ticket.id,
      },
      input.now,
    );

  let creatorMail: number | null = null;
  if (input.includeActor || ticket.createdBy !== input.actorId) {
    const [creator] = await tx.select().from(users).where(eq(users.id, ticket.createdBy)).limit(1);
    if (
      creator?.role === 'customer' &&
      creator.active &&
      wants({ ...creator, prefs: creator.notificationPrefs })
    ) {
      creatorMail = await send({ ...creator, prefs: creator.notificationPrefs }, input.params ?? {});
    }
  }
  const { timelineWhenSent: _creatorsOnly, surveyToken: _creatorsSurvey, ...copy } = input.params ?? {};
  for (const watcher of input.newTicket ? [] : await watchersOf(tx, ticket)) {
    if (watcher.id === input.actorId || watcher.id === ticket.createdBy || !wants(watcher)) continue;
    await send(watcher, copy);
  }
  return creatorMail;
}

/**
 * `queueCreatorMail` for many tickets at once (none of them new): the creators and the followers
 * read in one statement each, every mail queued in one. Returns, in the order of `inputs`, the
 * outbox id of each creator's mail, or null when the creator is not mailed.
 */
export async function queueCreatorMails(tx: Tx, inputs: readonly CreatorMail[]): Promise<(number | null)[]> {
  if (!inputs.length) return [];
  const creatorIds = [...new Set(inputs.map((i) => i.ticket.createdBy))];
  const creators = new Map(
    (
      await tx
        .select()
        .from(users)
        .where(anyOf(users.id, creatorIds, 'uuid'))
    ).map((u) => [u.id, u]),
  );
  const watchers = await watchersOfMany(
    tx,
    inputs.map((i) => i.ticket),
  );
  const mails: QueuedMail[] = [];
  const creatorMailAt: (number | null)[] = [];
  for (const input of inputs) {
    const { ticket } = input;
    const wants = (person: Recipient) =>
      input.statusTo === undefined || wantsStatusMail(readPrefs(person.prefs), input.statusTo);
    const mail = (person: Recipient, params: Record<string, unknown>): QueuedMail => ({
      template: input.template,
      recipient: person.notificationEmail ?? person.email,
      language: person.language,
      params: { ticketId: ticket.id, ...params },
      ticketId: ticket.id,
    });
    let at: number | null = null;
    if (input.includeActor || ticket.createdBy !== input.actorId) {
      const creator = creators.get(ticket.createdBy);
      if (
        creator?.role === 'customer' &&
        creator.active &&
        wants({ ...creator, prefs: creator.notificationPrefs })
      ) {
        at = mails.length;
        mails.push(mail({ ...creator, prefs: creator.notificationPrefs }, input.params ?? {}));
      }
    }
    creatorMailAt.push(at);
    const { timelineWhenSent: _creatorsOnly, surveyToken: _creatorsSurvey, ...copy } = input.params ?? {};
    for (const watcher of input.newTicket ? [] : (watchers.get(ticket.id) ?? [])) {
      if (watcher.id === input.actorId || watcher.id === ticket.createdBy || !wants(watcher)) continue;
      mails.push(mail(watcher, copy));
    }
  }
  // One `now` per statement: the batch's callers act at one instant.
  const now = inputs[0]?.now ?? new Date();
  if (inputs.some((i) => i.now.getTime() !== now.getTime()))
    throw new Error('queueCreatorMails takes one instant');
  const ids = await queueMails(tx, mails, now);
  return creatorMailAt.map((at) => (at === null ? null : (ids[at] ?? null)));
}

/** `watchersOf` for many tickets in one statement, by ticket id. */
async function watchersOfMany(tx: Tx, ticketRows: readonly TicketRow[]) {
  const rows = await tx
    .select({ ticketId: ticketWatchers.ticketId, companyId: users.companyId, ...watcherColumns })
    .from(ticketWatchers)
    .innerJoin(users, eq(users.id, ticketWatchers.userId))
    .where(
      and(
        anyOf(
          ticketWatchers.ticketId,
          ticketRows.map((t) => t.id),
          'uuid',
        ),
        eq(users.active, true),
        eq(users.role, 'customer'),
      ),
    )
    .orderBy(ticketWatchers.ticketId);
  const companyOf = new Map(ticketRows.map((t) => [t.id, t.companyId]));
  const byTicket = new Map<string, typeof rows>();
  for (const row of rows) {
    // Only colleagues of the ticket's company, as watchersOf.
    if (row.companyId !== companyOf.get(row.ticketId)) continue;
    byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
  }
  return byTicket;
}
