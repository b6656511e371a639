import { companyOf, creditFlex, disposeAll, sessions } from './portal-helpers';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('a customer opens an Assistance ticket with an attachment and reads its key', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demo.customer);
  await expect(page.getByRole('heading', { name: 'Demandes au support' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demandes Consulting' })).toBeVisible();

  await page.getByRole('link', { name: 'Nouvelle demande au support' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle demande au support' })).toBeVisible();

  // Errors sit next to their fields.
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByText('Choisissez le type de la demande.')).toBeVisible();
  await expect(page.getByText('Choisissez la criticité.')).toBeVisible();

  await page.getByRole('radio', { name: 'Assistance' }).click();
  await page.getByRole('radio', { name: 'Moyenne' }).click();
  await page.getByRole('textbox', { name: 'Sujet' }).fill('Comment joindre un fichier journal');
  // Matching help articles are offered while typing.
  await expect(page.getByTestId('suggestions').getByRole('link').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Sujet' }).fill('Erreur à la validation des factures fournisseurs');
  await page.getByRole('textbox', { name: 'Version du logiciel' }).fill('14.2');
  await page.getByRole('textbox', { name: 'Société' }).fill('Acme Lausanne');
  await page.getByRole('textbox', { name: 'Module' }).fill('Comptabilité');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Le message « Compte bloqué » apparaît à la validation.');
  await expect(page.getByText(/Jusqu'à 20 Mo par fichier/)).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'journal.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('2026-03-02 09:00:01 ERROR Compte bloqué\n'),
  });
  await expect(page.getByText('journal.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  await expect(page.getByTestId('ticket-created')).toBeVisible();
  const key = (await page.getByTestId('ticket-key').textContent()) ?? '';
  expect(key).toMatch(/^[A-Z]+-\d+$/);
  await page.getByRole('link', { name: `Voir la demande ${key}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Erreur à la validation des factures fournisseurs' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'journal.txt' })).toBeVisible();
  await expect(page.getByText('Ouvert', { exact: true })).toBeVisible();
  // The commitment in plain words.
  await expect(page.getByRole('heading', { name: 'Notre engagement' })).toBeVisible();

  // And the ticket is in the company's list.
  await page.getByRole('link', { name: 'Mes demandes' }).click();
  await expect(page.getByTestId('tickets-table').getByRole('link', { name: key })).toBeVisible();
  expect(baseURL).toBeTruthy();
});

test('Solva Flex is offered to the Flex company, with its balance, and not to the other', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  await creditFlex(all.admin, await companyOf(all.customer), 10);
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto('/tickets/new');
  const flex = page.getByTestId('type-solva_flex');
  await expect(flex).toBeVisible();
  await expect(flex).toBeEnabled();
  await expect(flex.getByTestId('flex-balance')).toContainText('Solde Flex restant');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await signIn(page, demo.germanCustomer);
  await page.goto('/tickets/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Support-Anfrage' })).toBeVisible();
  await expect(page.getByTestId('type-assistance')).toBeVisible();
  await expect(page.getByTestId('type-solva_flex')).toHaveCount(0);
});
