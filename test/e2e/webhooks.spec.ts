import { signatureIsValid, webhookReceiver } from '../support/webhook-receiver';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';
import { openTicket } from './support/tickets';

// The certificate the server was started to trust (see playwright.config.ts).
const certDir = `/tmp/guichet-e2e-webhook-${Number(process.env.E2E_PORT ?? 3100)}`;

test('an admin registers a webhook, sees its secret once, reads the delivery log and redelivers', async ({
  page,
  baseURL,
}) => {
  const receiver = await webhookReceiver({ dir: certDir });
  try {
    await signIn(page, demo.admin);
    await page.goto('/admin/webhooks');
    // The demo administrator reads English.
    const section = page.getByRole('region', { name: 'Webhooks' });
    await section.getByRole('textbox', { name: 'Address (https://)' }).fill(receiver.url);
    await section.getByRole('textbox', { name: 'Description' }).fill('Ticket sync');
    await section.getByRole('checkbox', { name: 'ticket.created' }).check();
    await section.getByRole('checkbox', { name: 'Allow the private network' }).check();
    await section.getByRole('button', { name: 'Register' }).click();
    const shown = page.getByTestId('new-webhook-secret');
    await expect(shown).toContainText('whsec_');
    const secret = ((await shown.textContent()) ?? '').trim();
    await expectAccessible(page, 'the webhooks administration with a new secret');
    await screenshots(page, 'webhooks-secret');

    const customer = await apiSession(baseURL ?? '', demo.customer);
    const ticket = await openTicket(customer, `Webhook ${Date.now()}`);
    await customer.dispose();
    await receiver.waitFor(1);
    const [first] = receiver.received;
    expect(first?.event).toBe('ticket.created');
    expect(signatureIsValid(secret, first?.signature ?? '', first?.body ?? '')).toBe(true);

    // Shown once: after a reload the secret is gone; the log lists the delivery and its 200.
    await page.reload();
    await expect(page.getByTestId('new-webhook-secret')).toHaveCount(0);
    const log = page.getByRole('table', { name: `Delivery log to ${receiver.url}` });
    const row = log.getByRole('row', { name: new RegExp(ticket.key) });
    await expect(row).toContainText('Delivered');
    await expect(row).toContainText('200');
    await expectAccessible(page, 'the webhook delivery log');
    await screenshots(page, 'webhooks-log');

    await row.getByRole('button', { name: 'Redeliver' }).click();
    await receiver.waitFor(2);
    expect(receiver.received[1]?.delivery).toBe(first?.delivery);
    await page.reload();
    // Two attempts, each logged with its response code.
    await expect(
      page
        .getByRole('table', { name: `Delivery log to ${receiver.url}` })
        .getByRole('row', { name: new RegExp(ticket.key) }),
    ).toContainText(/200[\s\S]*200/);
  } finally {
    await receiver.close();
  }
});
