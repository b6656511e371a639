import { expect } from '@playwright/test';
import { type ApiSession, eventually } from './session';

interface MailSummary {
  id: number;
  recipient: string;
  subject: string;
}

/**
 * The newest mail to `recipient` whose text holds a link to `path` (and whose subject holds
 * `subject`, when told: a ticket's key), read from the admin mail viewer; polled because the
 * worker delivers a moment after the mail is queued.
 */
export async function linkFromMail(
  admin: ApiSession,
  recipient: string,
  path: string,
  subject = '',
): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"'<>]*${path.replace(/[/?]/g, '\\$&')}[^\\s"'<>]*`);
  return eventually(async () => {
    const list = await admin.context.get(`/api/admin/mails?recipient=${encodeURIComponent(recipient)}`);
    expect(list.status(), await list.text()).toBe(200);
    const { items } = (await list.json()) as { items: MailSummary[] };
    for (const summary of items) {
      if (!summary.subject.includes(subject)) continue;
      const mail = await admin.context.get(`/api/admin/mails/${summary.id}`);
      const { text } = (await mail.json()) as { text: string };
      const link = text.match(pattern)?.[0];
      if (link) return link;
    }
    return undefined;
  }, `a mail to ${recipient} with a ${path} link`);
}
