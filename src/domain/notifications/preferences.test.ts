import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, mailsAtOnce, readPrefs, wantsStatusMail } from './preferences';

describe('notification preferences', () => {
  it('reads an empty or foreign value as the defaults', () => {
    expect(readPrefs({})).toEqual(DEFAULT_PREFS);
    expect(readPrefs(null)).toEqual(DEFAULT_PREFS);
    expect(readPrefs({ mail: 'x', digest: 'yes', statusMails: 'never' })).toEqual(DEFAULT_PREFS);
  });

  it('mails a kind at once unless it is turned off or the digest is chosen', () => {
    const off = readPrefs({ mail: { mention: false } });
    expect(mailsAtOnce(off, 'mention')).toBe(false);
    expect(mailsAtOnce(off, 'assigned')).toBe(true);
    expect(mailsAtOnce(readPrefs({ digest: true }), 'assigned')).toBe(false);
  });

  it('mails a customer who chose less only when the ticket waits for them or is closed', () => {
    const less = readPrefs({ statusMails: 'waiting_and_closed' });
    expect(wantsStatusMail(less, 'in_progress')).toBe(false);
    expect(wantsStatusMail(less, 'waiting_customer')).toBe(true);
    expect(wantsStatusMail(less, 'closed')).toBe(true);
    expect(wantsStatusMail(DEFAULT_PREFS, 'in_progress')).toBe(true);
  });
});
