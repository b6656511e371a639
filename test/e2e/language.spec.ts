import { expect, test } from './support/csp';
import { apiSession, demo, signIn } from './support/session';

test('a visitor switches to German: labels change, <html lang> follows, and it survives a reload', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
  await page.getByLabel('Langue').selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Passwort', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('a browser asking for English gets English on its first visit', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.close();
});

test('a signed-in user switches to German; the choice is stored on the account', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demo.manager);
  try {
    await page.getByLabel('Langue').selectOption('de');
    await expect(page.getByRole('link', { name: 'Startseite' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  } finally {
    // Leave the demo account as it was for other tests.
    const session = await apiSession(baseURL ?? '', demo.manager);
    await session.send('PUT', '/api/session/language', { language: 'fr' });
    await session.dispose();
  }
});

test("a user's own language wins when they sign in", async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(demo.germanCustomer);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('guichet-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Willkommen/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});
