import { ImapFlow } from 'imapflow';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { ingestMail } from './ingest';

type Ingest = typeof ingestMail;

export interface ImapPollerOptions {
  url: string;
  mailbox?: string;
  /** Poll this often when the server offers no IDLE (or as a safety net when it does). */
  intervalMs?: number;
  log?: (msg: string, err?: unknown) => void;
  ingest?: Ingest;
}

export interface ImapPoller {
  /** Polls now and then every interval, and watches the mailbox with IDLE when offered. */
  start(): void;
  /** Fetches the unseen mails, ingests each, and flags it \Seen once committed. Returns how many. */
  pollOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Flag on mails refused for good (unreadable, too large), so they are not offered again. */
const REJECTED = '$GuichetRejected';

export function imapClientOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    logger: false as const,
    // Plain IMAP on loopback (tests, a local relay) must not try STARTTLS.
    ...(secure
      ? {}
      : {
          doSTARTTLS: parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' ? false : undefined,
        }),
  };
}

/**
 * IMAP polling: a mail is flagged \Seen only after ingestMail committed, so a crash between fetch
 * and commit leaves it unseen and the next poll takes it again (the dedupe key makes that safe).
 * Polls are chained, never overlapping; new mail announced by IDLE triggers a poll at once.
 */
export function startImapPoller(ctx: AppContext, options: ImapPollerOptions): ImapPoller {
  const ingest = options.ingest ?? ingestMail;
  const mailbox = options.mailbox ?? 'INBOX';
  const intervalMs = options.intervalMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let watcher: ImapFlow | null = null;

  const pollOnce = async (): Promise<number> => {
    if (running) return running;
    running = poll().finally(() => {
      running = null;
    });
    return running;
  };

  const poll = async (): Promise<number> => {
    const client = new ImapFlow(imapClientOptions(options.url));
    await client.connect();
    let ingested = 0;
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { source: true, flags: true }, { uid: true });
          if (message === false || !message.source || message.flags?.has(REJECTED)) continue;
          try {
            await ingest(ctx, message.source, { via: 'imap' });
          } catch (error) {
            if (error instanceof AppError) {
              await client.messageFlagsAdd(String(uid), ['\\Seen', REJECTED], { uid: true });
              options.log?.(`inbound IMAP: mail ${uid} refused (${error.code})`);
              continue;
            }
            options.log?.(`inbound IMAP: mail ${uid} not processed, kept unseen for the next poll`, error);
            continue;
          }
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          ingested += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return ingested;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      pollOnce()
        .catch((error: unknown) => options.log?.('inbound IMAP: poll failed', error))
        .finally(schedule);
    }, intervalMs);
  };

  const watch = async () => {
    // A second connection sits in IDLE (imapflow idles on its own) and wakes a poll on new mail.
    const client = new ImapFlow(imapClientOptions(options.url));
    watcher = client;
    client.on('exists', () => {
      pollOnce().catch((error: unknown) => options.log?.('inbound IMAP: poll failed', error));
    });
    client.on('error', (error: unknown) => options.log?.('inbound IMAP: watcher error', error));
    await client.connect();
    if (!client.capabilities.has('IDLE')) {
      await client.logout().catch(() => undefined);
      watcher = null;
      return;
    }
    await client.mailboxOpen(mailbox);
  };

  return {
    start() {
      pollOnce()
        .catch((error: unknown) => options.log?.('inbound IMAP: poll failed', error))
        .finally(schedule);
      watch().catch((error: unknown) => options.log?.('inbound IMAP: IDLE watcher not started', error));
    },
    pollOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      await watcher?.logout().catch(() => undefined);
    },
  };
}
