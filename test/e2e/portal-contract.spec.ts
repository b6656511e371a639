import { companyOf, json } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('a customer whose maintenance contract has expired is told on the home page, before any form', async ({
  page,
}) => {
  await signIn(page, 'client@ancienne.demo');
  const notice = page.getByTestId('contract-notice');
  await expect(notice).toContainText('Le contrat de maintenance de votre société a pris fin le');
  // Who to turn to, from the escalation matrix, with a way to reach them.
  await expect(notice.getByTestId('contract-contact')).toContainText('contactez');
  await expect(notice.getByRole('link').first()).toHaveAttribute('href', /^(mailto|tel):/);

  await page.goto('/tickets/new');
  await expect(page.getByTestId('contract-notice')).toContainText('aucune demande ne peut être ouverte');
  // The form is there to read, but nothing can be typed or sent.
  await expect(page.getByRole('textbox', { name: /Sujet/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Envoyer la demande' })).toBeDisabled();
  await expectAccessible(page, 'new ticket, contract expired');
  await screenshots(page, 'portal-contract-expired');
});

test('a company without a project is told so at the consulting desk, with no form to fill', async ({
  page,
  baseURL,
}) => {
  // Bergmann's projects are set aside for this test (no other test signs in as Bergmann).
  const customer = await apiSession(baseURL ?? '', demo.germanCustomer);
  const admin = await apiSession(baseURL ?? '', demo.admin);
  const companyId = await companyOf(customer);
  const projects = await json<{ items: { id: string; active: boolean }[] }>(
    await admin.context.get(`/api/companies/${companyId}/projects`),
  );
  const active = projects.items.filter((p) => p.active);
  const setActive = (value: boolean) =>
    Promise.all(active.map((p) => admin.send('PATCH', `/api/projects/${p.id}`, { active: value })));
  await setActive(false);
  try {
    await noProjectIsTold(page);
  } finally {
    await setActive(true);
    await Promise.all([customer.dispose(), admin.dispose()]);
  }
});

async function noProjectIsTold(page: import('./support/csp').Page) {
  await signIn(page, demo.germanCustomer);
  // Told on the home page already.
  await expect(page.getByTestId('contract-notice')).toContainText('kein laufendes Projekt');
  await page.goto('/requests/new');
  const notice = page.getByTestId('contract-notice');
  await expect(notice).toContainText('Ihre Firma hat kein laufendes Projekt');
  await expect(notice.getByTestId('contract-contact')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Betreff/ })).toHaveCount(0);
  await expect(page.locator('form')).toHaveCount(0);

  // The support desk stays open to them: its form carries no notice.
  await page.goto('/tickets/new');
  await expect(page.getByRole('textbox', { name: /Betreff/ })).toBeEnabled();
  await expect(page.getByTestId('contract-notice')).toHaveCount(0);
}
