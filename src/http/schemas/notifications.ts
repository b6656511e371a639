import { z } from 'zod';
import { STAFF_NOTICE_KINDS, STATUS_MAIL_CHOICES } from '../../domain/notifications/preferences';
import { idSchema } from './common';

export { STAFF_NOTICE_KINDS };

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(STAFF_NOTICE_KINDS),
  ticket: z.object({ id: idSchema, key: z.string(), subject: z.string() }),
  actorName: z.string().nullable(),
  excerpt: z.string().nullable(),
  sla: z.object({ target: z.enum(['engagement', 'resolution']), breach: z.boolean() }).nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListResponse = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});

export const markReadBody = z.object({
  /** Omitted: every notice of mine. */
  ids: z.array(idSchema).max(200).optional(),
});

export const notificationPrefsSchema = z.object({
  mail: z.object(
    Object.fromEntries(STAFF_NOTICE_KINDS.map((k) => [k, z.boolean()])) as Record<
      (typeof STAFF_NOTICE_KINDS)[number],
      z.ZodBoolean
    >,
  ),
  digest: z.boolean(),
  statusMails: z.enum(STATUS_MAIL_CHOICES),
});
export type NotificationPrefsDto = z.infer<typeof notificationPrefsSchema>;
