import { formatDateTimeWithWeekday } from '../../src/i18n/format';
import { disposeAll, json, moveTicket, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

interface Schedule {
  reminder1: { at: string; sent: boolean };
  reminder2: { at: string; sent: boolean };
  closeAt: string | null;
}

const day = 86_400_000;

test('a ticket waiting for the customer tells the customer and the agent when the reminders and the closing come', async ({
  page,
  baseURL,
}) => {
  test.slow(); // two people, two pages, two scans
  const all = await sessions(baseURL ?? '');
  const subject = `Clôture mensuelle bloquée ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  const before = Date.now();
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  const { ticket: seen } = await json<{ ticket: { waitingSchedule: Schedule } }>(
    await all.customer.context.get(`/api/tickets/${ticket.id}`),
  );
  await disposeAll(all);
  const schedule = seen.waitingSchedule;
  // R9 defaults: 10, 15 and 20 calendar days after the ticket started waiting (a day is 23 to 25 h).
  for (const [at, days] of [
    [schedule.reminder1.at, 10],
    [schedule.reminder2.at, 15],
    [schedule.closeAt ?? '', 20],
  ] as const) {
    expect(Math.abs(Date.parse(at) - before - days * day)).toBeLessThan(2 * 3_600_000);
  }
  const lines = [
    `Premier rappel : ${formatDateTimeWithWeekday(schedule.reminder1.at, 'fr')}`,
    `Second rappel : ${formatDateTimeWithWeekday(schedule.reminder2.at, 'fr')}`,
    `Fermeture automatique sans réponse : ${formatDateTimeWithWeekday(schedule.closeAt, 'fr')}`,
  ];

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  const told = page.getByTestId('waiting-schedule');
  for (const line of lines) await expect(told).toContainText(line);
  await expect(told).toContainText('Votre réponse annule les rappels et la fermeture automatique.');
  await expectAccessible(page, 'a waiting ticket (customer)');

  await page.context().clearCookies();
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  const staffTold = page.getByTestId('waiting-schedule');
  for (const line of lines) await expect(staffTold).toContainText(line);
  await expect(staffTold).toContainText('Une réponse du client annule les rappels');
  await expectAccessible(page, 'a waiting ticket (staff)');
});

test('the customer sees the RPC reference of a ticket waiting on Development', async ({ page, baseURL }) => {
  const all = await sessions(baseURL ?? '');
  const ticket = await openTicket(all.customer, `Calcul des intérêts faux ${Date.now()}`);
  await json(await all.agent.send('POST', `/api/tickets/${ticket.id}/qualify`, {}));
  await json(await all.agent.send('POST', `/api/tickets/${ticket.id}/take`, {}));
  await json(
    await all.agent.send('POST', `/api/tickets/${ticket.id}/status`, {
      status: 'waiting_development',
      rpcReference: 'RPC-48213',
    }),
  );
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  const details = page.getByRole('region', { name: 'Détails' });
  await expect(details.getByText('Référence RPC (développement)')).toBeVisible();
  await expect(details.getByText('RPC-48213', { exact: true })).toBeVisible();
  await expect(page.getByTestId('waiting-schedule')).toHaveCount(0);
});
