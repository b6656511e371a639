import { customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, eventually, signIn } from './support/session';

test('a colleague follows a request from its page and gets its public mails, never internal ones', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const base = baseURL ?? '';
  const customer = await customerSession(base);
  const ticket = await customerTicket(customer, `Suivi ${Date.now()}`);

  await signIn(page, demo.manager);
  await page.goto(`/tickets/${ticket.id}`);
  const follow = page.getByRole('button', { name: 'Suivre cette demande' });
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Vous suivez cette demande')).toBeVisible();
  await expectAccessible(page, 'a followed request');
  await screenshots(page, 'portal-request-followed');

  const agent = await apiSession(base, demo.agent);
  await json(
    await agent.send('POST', `/api/tickets/${ticket.id}/messages`, {
      body: `Note interne ${ticket.key}`,
      visibility: 'internal',
    }),
    201,
  );
  await json(
    await agent.send('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Réponse publique.' }),
    201,
  );
  const admin = await apiSession(base, demo.admin);
  const subjects = await eventually(async () => {
    const list = await json<{ items: { subject: string }[] }>(
      await admin.context.get(`/api/admin/mails?recipient=${encodeURIComponent(demo.manager)}`),
    );
    const mine = list.items.map((m) => m.subject).filter((s) => s.includes(ticket.key));
    return mine.length ? mine : undefined;
  }, 'the public answer mailed to the follower');
  expect(subjects).toHaveLength(1);

  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await Promise.all([customer.dispose(), agent.dispose(), admin.dispose()]);
});
