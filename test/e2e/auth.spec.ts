import { expect, test } from './support/csp';
import { demo, demoPassword, signIn } from './support/session';

test('the portal is served at / and sends a visitor to the login page', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('a customer signs in, sees the customer navigation, and signs out', async ({ page }) => {
  await signIn(page, demo.customer);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Profil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Demandes de compte' })).toHaveCount(0);
  await expect(page.getByTestId('user-name')).not.toBeEmpty();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
});

test('an agent signs in, sees the staff navigation, and signs out', async ({ page }) => {
  await signIn(page, demo.agent);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Demandes de compte' })).toBeVisible();
  await nav.getByRole('link', { name: 'Demandes de compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demandes de compte' })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('a customer who is not a manager is refused the account requests page', async ({ page }) => {
  await signIn(page, demo.customer);
  await page.goto('/account-requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
});

test('a wrong password shows a clear message and leaves the visitor signed out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(demo.customer);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(`${demoPassword}-wrong`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('textbox', { name: 'Mot de passe', exact: true })).toHaveValue('');
});

test('a throttled login shows the server message', async ({ page }) => {
  const message = 'Trop de tentatives de connexion. Réessayez dans quelques minutes.';
  await page.route('**/api/session', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 429, json: { code: 'too_many_attempts', message } })
      : route.continue(),
  );
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(demo.customer);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText(message);
});

test('empty fields are named next to their inputs before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const email = page.getByLabel('Adresse e-mail');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Ce champ est obligatoire.')).toHaveCount(2);
});

test('an unknown address shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByRole('link', { name: "Retour à l'accueil" })).toBeVisible();
});

test('when the server fails, a crash page explains it and offers a way out', async ({ page }) => {
  await page.route('**/api/session', (route) => route.fulfill({ status: 500, body: 'upstream down' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: "Une erreur s'est produite" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recharger la page' })).toBeVisible();
});
