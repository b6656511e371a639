import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users, webhookEndpoints } from '../../db/schema/index';
import { queueMail } from '../outbox';

/**
 * Switches off an endpoint that has failed every attempt since `since`, and mails every active
 * administrator once (the conditional update makes a second worker's call a no-op). Its pending
 * deliveries are kept: enabled again, it receives them in order.
 */
export async function disableFailingEndpoint(
  tx: Tx,
  endpoint: { id: string; url: string },
  since: Date,
  now: Date,
  publicUrl: string,
): Promise<boolean> {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ active: false, disabledAt: now })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.active, true)))
    .returning({ id: webhookEndpoints.id });
  if (!disabled) return false;
  const admins = await tx
    .select({
      email: users.email,
      notificationEmail: users.notificationEmail,
      language: users.language,
      name: users.name,
    })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  for (const admin of admins) {
    await queueMail(
      tx,
      {
        template: 'webhook.disabled',
        recipient: admin.notificationEmail ?? admin.email,
        language: admin.language,
        params: {
          name: admin.name,
          url: endpoint.url,
          failingSince: since.toISOString(),
          link: `${publicUrl.replace(/\/$/, '')}/admin/webhooks`,
        },
      },
      now,
    );
  }
  return true;
}
