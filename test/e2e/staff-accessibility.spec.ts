import { companyIdOf, customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, type Page, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

async function check(page: Page, name: string, shot = false) {
  // A dialog is scanned once its opening transition is over (a fading dialog has no contrast yet).
  for (const dialog of await page.locator('.mantine-Modal-content').all()) {
    await expect(dialog).toHaveCSS('opacity', '1');
  }
  await expectAccessible(page, name);
  if (shot) await screenshots(page, name);
}

test('staff console pages are accessible (queues, ticket workspace, dialogs, dashboard)', async ({
  page,
  baseURL,
}) => {
  test.slow(); // every console page and dialog, scanned and photographed at two widths
  const customer = await customerSession(baseURL ?? '');
  const agentApi = await apiSession(baseURL ?? '', demo.agent);
  const ticket = await customerTicket(customer, `Accessibilité de l’espace ${Date.now()}`, {
    criticality: 'critique',
  });
  await json(
    await agentApi.send('POST', `/api/tickets/${ticket.id}/messages`, {
      body: 'Note pour l’équipe',
      visibility: 'internal',
    }),
    201,
  );

  await signIn(page, demo.agent);
  for (const queue of [
    'toQualify',
    'toPickUp',
    'mine',
    'waitingCustomer',
    'development',
    'consulting',
    'all',
  ]) {
    await page.goto(`/queues/${queue}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Files de tickets' })).toBeVisible();
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await expect(
      page.getByTestId('queue-table').or(page.getByText('Aucun ticket dans cette file.')),
    ).toBeVisible();
    await check(page, `staff-queue-${queue}`, queue === 'toQualify' || queue === 'all');
  }

  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Accessibilité');
  await expect(page.getByText('Note pour l’équipe')).toBeVisible();
  await check(page, 'staff-ticket-workspace', true);

  await page.getByRole('button', { name: 'Qualifier' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'staff-qualify-dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible();
  await check(page, 'staff-shortcuts');
  await page.keyboard.press('Escape');

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Respect du SLA sur 30 jours' })).toBeVisible();
  await check(page, 'staff-dashboard', true);
  await Promise.all([customer.dispose(), agentApi.dispose()]);
});

test('administration pages are accessible', async ({ page, baseURL }) => {
  test.slow(); // every administration page and tab, scanned and photographed at two widths
  const customer = await customerSession(baseURL ?? '');
  const companyId = await companyIdOf(customer);
  await signIn(page, demo.admin);
  const pages: [string, string, boolean][] = [
    ['/admin/companies', 'Companies', false],
    [`/admin/companies/${companyId}`, 'Flex balance', true],
    ['/admin/sla', 'SLA targets per criticality', true],
    ['/admin/settings', 'Reminders and automatic closing', false],
    ['/admin/content', 'Request types', true],
    ['/admin/mails', 'Sent e-mails', false],
    ['/admin/billing', 'Billing', false],
  ];
  for (const [path, heading, shot] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    if (path.endsWith(companyId)) {
      await page.getByRole('button', { name: 'Show the statement' }).click();
      await expect(page.getByText(/Opening balance/)).toBeVisible();
    }
    await check(page, `admin-${path.split('/')[2]}${path.split('/')[3] ? '-detail' : ''}`, shot);
  }
  await customer.dispose();
});
