import { and, asc, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  accountRequests,
  adminAudit,
  apiTokens,
  attachments,
  companies,
  contracts,
  flexLedger,
  inboundMails,
  notifications,
  outbox,
  satisfactionSurveys,
  sessions,
  storedMails,
  ticketEvents,
  ticketMessages,
  tickets,
  ticketWatchers,
  timeEntries,
  users,
} from '../../db/schema/index';

/** Whose data is exported: a whole company (its people included) or one person. */
export type ExportSubject = { kind: 'company'; companyId: string } | { kind: 'person'; userId: string };

type UserRow = typeof users.$inferSelect;
type AttachmentRow = typeof attachments.$inferSelect;

/** Everything the archive holds, as rows; `staffView` false leaves out what customers never see. */
export interface PersonalData {
  company: typeof companies.$inferSelect | null;
  users: Omit<UserRow, 'passwordHash'>[];
  contracts: (typeof contracts.$inferSelect)[];
  tickets: (typeof tickets.$inferSelect)[];
  messages: (typeof ticketMessages.$inferSelect)[];
  events: (typeof ticketEvents.$inferSelect)[];
  attachments: AttachmentRow[];
  watchers: (typeof ticketWatchers.$inferSelect)[];
  timeEntries: (typeof timeEntries.$inferSelect)[];
  flexLedger: (typeof flexLedger.$inferSelect)[];
  surveys: Omit<typeof satisfactionSurveys.$inferSelect, 'tokenHash'>[];
  accountRequests: (typeof accountRequests.$inferSelect)[];
  notifications: (typeof notifications.$inferSelect)[];
  outboundMails: Omit<typeof outbox.$inferSelect, 'lastError'>[];
  storedMails: (typeof storedMails.$inferSelect)[];
  inboundMails: (typeof inboundMails.$inferSelect)[];
  audit: (typeof adminAudit.$inferSelect)[];
  sessions: { userId: string; createdAt: Date; expiresAt: Date }[];
  apiTokens: Omit<typeof apiTokens.$inferSelect, 'tokenHash'>[];
}

/**
 * Reads what the portal holds about the subject. Customers (`staffView` false) get their
 * company's public conversation only: internal notes, internal events and their attachments,
 * staff time notes, mails, notices and the audit trail stay out, as everywhere else in the portal.
 */
export async function collectPersonalData(
  db: DbOrTx,
  subject: ExportSubject,
  staffView: boolean,
): Promise<PersonalData> {
  const people = await subjectUsers(db, subject);
  const userIds = people.map((person) => person.id);
  const companyId = subject.kind === 'company' ? subject.companyId : (people[0]?.companyId ?? null);
  const [company] = companyId ? await db.select().from(companies).where(eq(companies.id, companyId)) : [];
  const ticketScope = ticketCondition(subject);
  const ticketIds = db.select({ id: tickets.id }).from(tickets).where(ticketScope);
  const publicOnly = staffView ? undefined : eq(ticketMessages.visibility, 'public');
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(and(inArray(ticketMessages.ticketId, ticketIds), publicOnly))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const visibleMessage = sql`(${attachments.messageId} IS NULL OR EXISTS (SELECT 1 FROM ${ticketMessages} m WHERE m.id = ${attachments.messageId} AND m.visibility = 'public'))`;
  const mailAddresses = people.flatMap((p) => [p.email, p.notificationEmail].filter((a): a is string => !!a));
  const staffOnly = async <T>(read: () => Promise<T[]>): Promise<T[]> => (staffView ? read() : []);

  return {
    company: company ?? null,
    users: people,
    contracts:
      subject.kind === 'company'
        ? await db.select().from(contracts).where(eq(contracts.companyId, subject.companyId))
        : [],
    tickets: await db
      .select()
      .from(tickets)
      .where(ticketScope)
      .orderBy(asc(tickets.createdAt), asc(tickets.id)),
    messages,
    events: await db
      .select()
      .from(ticketEvents)
      .where(
        and(
          inArray(ticketEvents.ticketId, ticketIds),
          staffView ? undefined : eq(ticketEvents.visibility, 'public'),
        ),
      )
      .orderBy(asc(ticketEvents.id)),
    attachments: await db
      .select()
      .from(attachments)
      .where(and(inArray(attachments.ticketId, ticketIds), staffView ? undefined : visibleMessage))
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
    watchers: await db.select().from(ticketWatchers).where(inArray(ticketWatchers.ticketId, ticketIds)),
    timeEntries: await staffOnly(() =>
      db
        .select()
        .from(timeEntries)
        .where(
          subject.kind === 'company'
            ? eq(timeEntries.companyId, subject.companyId)
            : or(eq(timeEntries.userId, subject.userId), inArray(timeEntries.ticketId, ticketIds)),
        )
        .orderBy(asc(timeEntries.workDate), asc(timeEntries.id)),
    ),
    flexLedger:
      subject.kind === 'company'
        ? await db
            .select()
            .from(flexLedger)
            .where(eq(flexLedger.companyId, subject.companyId))
            .orderBy(asc(flexLedger.id))
        : [],
    surveys: (
      await db.select().from(satisfactionSurveys).where(inArray(satisfactionSurveys.ticketId, ticketIds))
    ).map(({ tokenHash: _secret, ...survey }) => survey),
    accountRequests: await db
      .select()
      .from(accountRequests)
      .where(
        subject.kind === 'company'
          ? or(
              eq(accountRequests.companyId, subject.companyId),
              emailIn(accountRequests.email, mailAddresses),
            )
          : emailIn(accountRequests.email, mailAddresses),
      ),
    notifications: await staffOnly(() =>
      db
        .select()
        .from(notifications)
        .where(
          or(
            inArray(notifications.ticketId, ticketIds),
            userIds.length ? inArray(notifications.userId, userIds) : undefined,
          ),
        ),
    ),
    outboundMails: (
      await staffOnly(() =>
        db
          .select()
          .from(outbox)
          .where(
            or(
              sql`${outbox.ticketId} IN (SELECT ${tickets.id}::text FROM ${tickets} WHERE ${ticketScope})`,
              emailIn(outbox.recipient, mailAddresses),
            ),
          )
          .orderBy(asc(outbox.id)),
      )
    ).map(({ lastError: _internal, ...mail }) => mail),
    storedMails: await staffOnly(() =>
      db
        .select()
        .from(storedMails)
        .where(emailIn(storedMails.recipient, mailAddresses))
        .orderBy(asc(storedMails.id)),
    ),
    inboundMails: await staffOnly(() =>
      db
        .select()
        .from(inboundMails)
        .where(
          or(
            inArray(inboundMails.ticketId, ticketIds),
            userIds.length ? inArray(inboundMails.senderUserId, userIds) : undefined,
            emailIn(inboundMails.fromAddress, mailAddresses),
          ),
        )
        .orderBy(asc(inboundMails.receivedAt)),
    ),
    audit: await staffOnly(() =>
      db
        .select()
        .from(adminAudit)
        .where(
          or(
            userIds.length ? inArray(adminAudit.actorId, userIds) : undefined,
            userIds.length ? inArray(adminAudit.subjectId, userIds) : undefined,
            companyId ? eq(adminAudit.subjectId, companyId) : undefined,
          ),
        )
        .orderBy(asc(adminAudit.id)),
    ),
    sessions: userIds.length
      ? await db
          .select({ userId: sessions.userId, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(inArray(sessions.userId, userIds))
      : [],
    apiTokens: userIds.length
      ? (await db.select().from(apiTokens).where(inArray(apiTokens.ownerId, userIds))).map(
          ({ tokenHash: _secret, ...token }) => token,
        )
      : [],
  };
}

async function subjectUsers(db: DbOrTx, subject: ExportSubject): Promise<Omit<UserRow, 'passwordHash'>[]> {
  const rows = await db
    .select()
    .from(users)
    .where(subject.kind === 'company' ? eq(users.companyId, subject.companyId) : eq(users.id, subject.userId))
    .orderBy(asc(users.createdAt), asc(users.id));
  return rows.map(({ passwordHash: _secret, ...user }) => user);
}

/** A company's tickets; a person's: those they opened, wrote in or follow. */
function ticketCondition(subject: ExportSubject): SQL | undefined {
  if (subject.kind === 'company') return eq(tickets.companyId, subject.companyId);
  return or(
    eq(tickets.createdBy, subject.userId),
    exists(
      sql`SELECT 1 FROM ${ticketMessages} m WHERE m.ticket_id = ${tickets.id} AND m.author_id = ${subject.userId}`,
    ),
    exists(
      sql`SELECT 1 FROM ${ticketWatchers} w WHERE w.ticket_id = ${tickets.id} AND w.user_id = ${subject.userId}`,
    ),
  );
}

/** Matches any of the addresses, whatever their case; false when there are none. */
function emailIn(column: AnyPgColumn, addresses: string[]): SQL {
  if (addresses.length === 0) return sql`false`;
  return inArray(
    sql`lower(${column})`,
    addresses.map((address) => address.toLowerCase()),
  );
}
