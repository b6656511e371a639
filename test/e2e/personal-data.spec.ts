import { request } from '@playwright/test';
import { companyIdOf, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { linkFromMail } from './support/mails';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('an admin exports a company and erases a person after typing their name; the ticket then shows a deleted user', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const base = baseURL ?? '';
  const admin = await apiSession(base, demo.admin);
  const customer = await apiSession(base, demo.customer);
  const companyId = await companyIdOf(customer);
  await customer.dispose();

  // A new colleague of the demo company, with a password of their own, who writes on a ticket.
  const stamp = Date.now();
  const name = `Romane Effacée ${stamp}`;
  const email = `romane-${stamp}@acme.demo`;
  const password = 'mot de passe de Romane';
  await json(
    await admin.send('POST', '/api/users', { name, email, role: 'customer', companyId, language: 'fr' }),
    201,
  );
  const token = new URL(await linkFromMail(admin, email, '/set-password?token=')).searchParams.get('token');
  const anonymous = await request.newContext({ baseURL: base });
  await anonymous.get('/api/session');
  const csrf = (await anonymous.storageState()).cookies.find((c) => c.name === 'guichet_csrf')?.value ?? '';
  const set = await anonymous.post('/api/password/set', {
    data: { token, password },
    headers: { 'x-csrf-token': csrf },
  });
  expect(set.status(), await set.text()).toBeLessThan(300);
  await anonymous.dispose();
  const person = await apiSession(base, email, password);
  const ticket = await customerTicket(person, `Demande de ${name}`);
  await json(
    await person.send('POST', `/api/tickets/${ticket.id}/messages`, { body: `Merci d’avance,\n${name}` }),
    201,
  );
  await person.dispose();

  // The demo administrator reads the staff pages in English (their profile's language).
  await signIn(page, demo.admin);
  await page.goto(`/admin/companies/${companyId}`);
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();

  // The company's archive downloads as a tar.gz.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: "Export the company's data" }).click();
  expect((await download).suggestedFilename()).toMatch(/^guichet-company-.+\.tar\.gz$/);

  // Erasure waits for the name to be typed.
  await page.getByRole('button', { name: `Erase the data of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Erase the data of ${name}` });
  const confirm = dialog.getByRole('button', { name: 'Erase for good' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type "${name}" to confirm`).fill('Romane');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type "${name}" to confirm`).fill(name);
  await dialog.getByLabel('Also remove the files they uploaded').check();
  await expect(confirm).toBeEnabled();
  await expect(
    dialog.locator('xpath=ancestor-or-self::*[contains(@class,"mantine-Modal-content")]'),
  ).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'erase-person-dialog');
  await screenshots(page, 'erase-person-dialog');
  await confirm.click();
  await expect(page.getByText("The person's data has been erased.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name, exact: true })).toHaveCount(0);
  await expectAccessible(page, 'company-after-erasure');

  // The ticket still reads; the person's message is the deleted user's, their name gone.
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByText('Deleted user').first()).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expectAccessible(page, 'ticket-after-erasure');
  await screenshots(page, 'ticket-after-erasure');
  await admin.dispose();
});

test('an admin sets how long tickets are kept, confirming a shorter period, and can keep them again without limit', async ({
  page,
  baseURL,
}) => {
  const admin = await apiSession(baseURL ?? '', demo.admin);
  await signIn(page, demo.admin);
  await page.goto('/admin/settings');
  const card = page.getByRole('region', { name: 'Ticket retention' });
  await expect(card.getByRole('radio', { name: 'Without limit' })).toBeChecked();
  const years = card.getByRole('textbox', { name: 'Years after the last change' });
  await expect(years).toBeDisabled();

  // Thirty years: nothing of the demo data is that old, and emptying tickets cannot be undone.
  await card.getByRole('radio', { name: 'Years after the last change' }).check();
  await years.fill('30');
  await card.getByRole('button', { name: 'Save' }).click();
  const dialog = page.getByRole('dialog', { name: 'Shorten retention?' });
  await expect(dialog.getByText('more than 30 years will be closed and emptied')).toBeVisible();
  await expectAccessible(page, 'retention-confirmation');
  await screenshots(page, 'retention-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(
    await json<{ ticketYears: number | null }>(await admin.context.get('/api/settings/retention'), 200),
  ).toEqual({
    ticketYears: null,
  });

  await card.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Save and apply' }).click();
  await expect(page.getByText('Retention saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(await json(await admin.context.get('/api/settings/retention'), 200)).toEqual({ ticketYears: 30 });

  // Keeping tickets longer needs no confirmation.
  await card.getByRole('radio', { name: 'Without limit' }).check();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => json(await admin.context.get('/api/settings/retention'), 200))
    .toEqual({
      ticketYears: null,
    });
  await admin.dispose();
});
