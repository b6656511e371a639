import { companyOf, creditFlex, disposeAll, sessions } from './portal-helpers';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('the escalation matrix and a help article', async ({ page }) => {
  await signIn(page, demo.customer);
  await page.getByRole('link', { name: "Matrice d'escalade" }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: "Matrice d'escalade" })).toBeVisible();
  const levels = page.getByTestId('escalation-levels');
  await expect(levels.getByText('Niveau 1')).toBeVisible();
  await expect(levels.getByRole('heading', { name: 'Responsable du support' })).toBeVisible();
  await expect(levels.getByRole('link', { name: 'support@guichet.example' })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Aide' }).click();
  await page.getByRole('searchbox', { name: "Rechercher dans l'aide" }).fill('criticite');
  await page.getByRole('link', { name: 'Comment choisir la criticité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comment choisir la criticité' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les quatre niveaux' })).toBeVisible();
  await page.getByRole('link', { name: '← Tous les articles' }).click();
  await page.getByRole('link', { name: 'Comment utiliser ce portail' }).click();
  await expect(page.getByRole('heading', { name: 'Choisir le bon guichet' })).toBeVisible();
});

test('the Flex balance, its movements and the Flex entry in the navigation', async ({ page, baseURL }) => {
  const all = await sessions(baseURL ?? '');
  await creditFlex(all.admin, await companyOf(all.customer), 12.5);
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.getByRole('link', { name: 'Solva Flex' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solva Flex' })).toBeVisible();
  await expect(page.getByTestId('flex-balance')).toHaveText(/^\d+ h( \d{2})?$/); // "21 h", "21 h 30"
  await expect(page.getByTestId('flex-movements').getByText('Crédit').first()).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Flex' })).toBeVisible();
});

test('a journey entirely in German', async ({ page }) => {
  await signIn(page, demo.germanCustomer);
  await expect(page.getByRole('heading', { level: 1, name: /^Willkommen/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Support-Anfragen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Consulting-Anfragen' })).toBeVisible();
  // No Flex contract: no Flex entry.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Flex' })).toHaveCount(0);

  await page.getByRole('radio', { name: 'Nein' }).click();
  await page.getByRole('radio', { name: 'Eine Fehlfunktion oder eine Frage' }).click();
  await expect(page.getByText('Wählen Sie die Support-Anfragen, Typ Unterstützung.')).toBeVisible();

  await page.getByRole('link', { name: 'Neue Support-Anfrage' }).first().click();
  await page.getByRole('radio', { name: 'Unterstützung' }).click();
  await page.getByRole('radio', { name: 'Hoch' }).click();
  await page.getByRole('textbox', { name: 'Betreff' }).fill('Protokolldatei anhängen');
  await expect(page.getByTestId('suggestions')).toContainText(
    'Wie Sie ein Bildschirmfoto oder eine Protokolldatei anhängen',
  );
  await page.getByRole('textbox', { name: 'Betreff' }).fill('Monatsabschluss bricht mit Fehler ab');
  await page
    .getByRole('textbox', { name: 'Beschreibung' })
    .fill('Seit heute Morgen bricht der Abschluss ab.');
  await page.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(page.getByText('Ihre Anfrage hat den Schlüssel')).toBeVisible();
  const key = (await page.getByTestId('ticket-key').textContent()) ?? '';
  await page.getByRole('link', { name: `Anfrage ${key} anzeigen` }).click();
  await expect(page.getByRole('heading', { name: 'Unsere Zusage' })).toBeVisible();
  await expect(page.getByText('Offen', { exact: true })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Meine Anfragen' }).click();
  await expect(page.getByTestId('tickets-table').getByRole('link', { name: key })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Eskalationsmatrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eskalationsmatrix' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Hilfe' }).click();
  await page.getByRole('link', { name: 'Wie Sie dieses Portal nutzen' }).click();
  await expect(page.getByRole('heading', { name: 'Den richtigen Schalter wählen' })).toBeVisible();
});
