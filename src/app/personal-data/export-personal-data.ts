import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import * as tar from 'tar';
import { users } from '../../db/schema/index';
import { type Actor, type AppContext, isStaff } from '../context';
import { AppError } from '../errors/index';
import { verifying } from '../files/file-store';
import { fileStoreOf } from '../files/store';
import { authorize, policy } from '../policy';
import { collectPersonalData, type ExportSubject, type PersonalData } from './collect';
import { archiveReadme } from './readme';

export type { ExportSubject } from './collect';

export interface PersonalDataArchive {
  fileName: string;
  /** The tar.gz; its temporary file is removed once the stream ends or is destroyed. */
  content: Readable;
}

/**
 * Everything the portal holds about a company (its people included) or one person, as one tar.gz:
 * JSON files, the attachments' content and a README of the format in the reader's language.
 * Administrators export anyone; a customer manager their own company and its people.
 */
export async function exportPersonalData(
  ctx: AppContext,
  actor: Actor,
  subject: ExportSubject,
): Promise<PersonalDataArchive> {
  const companyId = await subjectCompany(ctx, subject);
  // Another company's data is "not found" to a customer, as everywhere in the portal.
  authorize(
    policy.exportPersonalData(actor, { companyId }),
    actor.role === 'customer' && companyId !== actor.companyId ? 'not_found' : 'forbidden',
  );
  const data = await collectPersonalData(ctx.db, subject, isStaff(actor));
  const now = ctx.clock.now();
  const work = await mkdtemp(join(tmpdir(), 'guichet-export-'));
  try {
    const root = join(work, 'export');
    await writeArchiveTree(ctx, root, data, subject, actor, now);
    const archivePath = join(work, 'export.tar.gz');
    await tar.create({ file: archivePath, cwd: root, gzip: true, portable: true }, ['.']);
    const content = createReadStream(archivePath);
    content.once('close', () => void rm(work, { recursive: true, force: true }));
    const stamp = now.toISOString().slice(0, 10);
    const id = subject.kind === 'company' ? subject.companyId : subject.userId;
    return { fileName: `guichet-${subject.kind}-${id}-${stamp}.tar.gz`, content };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/** The company a subject belongs to (a staff member's: none); unknown people are not found. */
async function subjectCompany(ctx: AppContext, subject: ExportSubject): Promise<string | null> {
  if (subject.kind === 'company') return subject.companyId;
  const [person] = await ctx.db
    .select({ companyId: users.companyId })
    .from(users)
    .where(eq(users.id, subject.userId))
    .limit(1);
  if (!person) throw new AppError('not_found');
  return person.companyId;
}

async function writeArchiveTree(
  ctx: AppContext,
  root: string,
  data: PersonalData,
  subject: ExportSubject,
  actor: Actor,
  now: Date,
): Promise<void> {
  await mkdir(join(root, 'attachments'), { recursive: true });
  await mkdir(join(root, 'mails', 'inbound'), { recursive: true });
  const store = fileStoreOf(ctx);
  const files: { attachmentId: string; path: string; sha256: string; size: number }[] = [];
  for (const attachment of data.attachments) {
    const path = `attachments/${attachment.id}/${safeFileName(attachment.fileName)}`;
    await mkdir(join(root, 'attachments', attachment.id));
    await pipeline(
      await store.open(attachment.sha256),
      verifying(attachment.sha256, attachment.size),
      createWriteStream(join(root, path)),
    );
    files.push({ attachmentId: attachment.id, path, sha256: attachment.sha256, size: attachment.size });
  }
  const pathOf = new Map(files.map((file) => [file.attachmentId, file.path]));
  for (const mail of data.inboundMails) {
    await writeFile(join(root, 'mails', 'inbound', `${mail.id}.eml`), mail.raw);
  }
  const json: Record<string, unknown> = {
    'company.json': data.company,
    'users.json': data.users,
    'contracts.json': data.contracts,
    'tickets.json': data.tickets.map((ticket) => ({
      ...ticket,
      messages: data.messages.filter((m) => m.ticketId === ticket.id),
      events: data.events.filter((e) => e.ticketId === ticket.id),
      attachments: data.attachments
        .filter((a) => a.ticketId === ticket.id)
        .map((a) => ({ ...a, archivePath: pathOf.get(a.id) })),
      watchers: data.watchers.filter((w) => w.ticketId === ticket.id),
    })),
    'time-entries.json': data.timeEntries,
    'flex-ledger.json': data.flexLedger,
    'surveys.json': data.surveys,
    'account-requests.json': data.accountRequests,
    'notifications.json': data.notifications,
    'mails.json': {
      outbound: data.outboundMails,
      stored: data.storedMails,
      inbound: data.inboundMails.map(({ raw: _file, ...mail }) => ({
        ...mail,
        archivePath: `mails/inbound/${mail.id}.eml`,
      })),
    },
    'audit.json': data.audit,
    'sessions.json': { sessions: data.sessions, apiTokens: data.apiTokens },
  };
  const counts = Object.fromEntries(
    Object.entries(json).map(([file, value]) => [file, Array.isArray(value) ? value.length : value ? 1 : 0]),
  );
  const manifest = {
    format: 'guichet-personal-data',
    version: 1,
    createdAt: now.toISOString(),
    subject,
    exportedBy: { id: actor.userId, role: actor.role },
    counts,
    attachments: files,
  };
  for (const [file, value] of Object.entries({ 'manifest.json': manifest, ...json })) {
    await writeFile(join(root, file), `${JSON.stringify(value, null, 2)}\n`);
  }
  const subjectLine =
    subject.kind === 'company'
      ? (data.company?.name ?? subject.companyId)
      : (data.users[0]?.name ?? subject.userId);
  await writeFile(join(root, 'README.md'), archiveReadme(actor.language, subjectLine, now.toISOString()));
}

/** A file name that stays inside its folder and reads on every system. */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\]/g, '_')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return cleaned || 'file';
}
