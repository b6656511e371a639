/**
 * Who hears of what, and how. Staff get every notice in the app; each kind may also go by mail
 * (the default), or all of them once a day as a digest. Customers choose their status mails:
 * every change, or only when the ticket waits for them and when it is closed.
 */
export const STAFF_NOTICE_KINDS = [
  'customer_reply',
  'assigned',
  'mention',
  'transferred',
  'sla_warning',
] as const;
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number];

export const STATUS_MAIL_CHOICES = ['every_change', 'waiting_and_closed'] as const;
export type StatusMailChoice = (typeof STATUS_MAIL_CHOICES)[number];

export interface NotificationPrefs {
  /** Staff: mail per kind (true unless turned off). */
  mail: Record<StaffNoticeKind, boolean>;
  /** Staff: no mail per notice, one digest a day of the unread ones instead. */
  digest: boolean;
  /** Customers: which status changes are mailed. */
  statusMails: StatusMailChoice;
}

export const DEFAULT_PREFS: NotificationPrefs = {
  mail: { customer_reply: true, assigned: true, mention: true, transferred: true, sla_warning: true },
  digest: false,
  statusMails: 'every_change',
};

/** The stored preferences (a JSON object of any age) read with defaults for what is missing. */
export function readPrefs(stored: unknown): NotificationPrefs {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const mail = (value.mail && typeof value.mail === 'object' ? value.mail : {}) as Record<string, unknown>;
  return {
    mail: Object.fromEntries(STAFF_NOTICE_KINDS.map((k) => [k, mail[k] !== false])) as Record<
      StaffNoticeKind,
      boolean
    >,
    digest: value.digest === true,
    statusMails: value.statusMails === 'waiting_and_closed' ? 'waiting_and_closed' : 'every_change',
  };
}

/** Whether a notice of this kind is mailed at once. */
export const mailsAtOnce = (prefs: NotificationPrefs, kind: StaffNoticeKind): boolean =>
  !prefs.digest && prefs.mail[kind];

/** Whether a customer with these preferences is mailed a change to this status. */
export const wantsStatusMail = (prefs: NotificationPrefs, to: string): boolean =>
  prefs.statusMails === 'every_change' || to === 'waiting_customer' || to === 'closed';
