import { expect, test } from './support/csp';
import { linkFromMail } from './support/mails';
import { apiSession, demo, signIn } from './support/session';

test('an account request, approved by an agent, leads to a password and a first sign-in', async ({
  page,
  baseURL,
}) => {
  const stamp = Date.now();
  const name = `Camille Essai ${stamp}`;
  const email = `camille.${stamp}@acme.demo`;
  const password = 'un-mot-de-passe-solide';

  // 1. The person asks for an account.
  await page.goto('/request-account');
  await page.getByLabel('Nom et prénom').fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Téléphone').fill('+41 31 000 00 00');
  await page.getByLabel('Entreprise').fill('Acme Industries');
  await page.getByLabel('Message').fill('Je remplace M. Dupont à la comptabilité.');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demande envoyée' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // 2. An agent approves it into the company suggested by the address's domain.
  await signIn(page, demo.agent);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Demandes de compte' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('button', { name: `Approuver la demande de ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: 'Entreprise' })).toHaveValue('Acme Industries SA');
  await dialog.getByRole('button', { name: 'Approuver et créer le compte' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name })).toHaveCount(0);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // 3. The set-password link arrives by mail (read through the admin mail viewer API).
  const admin = await apiSession(baseURL ?? '', demo.admin);
  const link = await linkFromMail(admin, email, '/set-password?token=');
  await admin.dispose();
  const url = new URL(link);

  // 4. The person chooses a password, then signs in for the first time.
  await page.goto(url.pathname + url.search);
  await page.getByLabel('Nouveau mot de passe').fill(password);
  await page.getByLabel('Confirmez le mot de passe').fill(password);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page).toHaveURL(/\/login\?passwordSet=1$/);
  await expect(page.getByText('Votre mot de passe est enregistré.')).toBeVisible();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Bienvenue, ${name}` })).toBeVisible();

  // 5. The link served once: it now says so, and offers a new one.
  await page.goto(url.pathname + url.search);
  await expect(page.getByRole('heading', { level: 1, name: 'Lien expiré ou déjà utilisé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
    'href',
    '/forgot-password',
  );
});

test('a refusal asks for confirmation and removes the request from the list', async ({ page, request }) => {
  const stamp = Date.now();
  const name = `Refus Essai ${stamp}`;
  const csrf = async () =>
    (await request.storageState()).cookies.find((c) => c.name === 'guichet_csrf')?.value ?? '';
  await request.get('/api/session');
  const created = await request.post('/api/account-requests', {
    data: { name, email: `refus.${stamp}@example.test`, companyName: 'Inconnue SA' },
    headers: { 'x-csrf-token': await csrf() },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, demo.agent);
  await page.goto('/account-requests');
  await page.getByRole('button', { name: `Refuser la demande de ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Refuser la demande de ${name} ?` });
  await dialog.getByLabel('Motif (facultatif, communiqué à la personne)').fill('Entreprise inconnue.');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  await page.getByRole('button', { name: `Refuser la demande de ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toHaveCount(0);
});

test('the request form names missing fields next to their inputs', async ({ page }) => {
  await page.goto('/request-account');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByLabel('Nom et prénom')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Entreprise')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Téléphone')).not.toHaveAttribute('aria-invalid', 'true');
});

test('forgot-password confirms the same way for any address', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Adresse e-mail').fill(`nobody.${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' })).toBeVisible();
});

test('a set-password link without a valid token says it expired and offers a new one', async ({ page }) => {
  await page.goto('/set-password?token=not-a-real-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Lien expiré ou déjà utilisé' })).toBeVisible();
  await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test("a manager approves a colleague's request into their own company", async ({ page, request }) => {
  const stamp = Date.now();
  const name = `Collègue Essai ${stamp}`;
  await request.get('/api/session');
  const csrf = (await request.storageState()).cookies.find((c) => c.name === 'guichet_csrf')?.value ?? '';
  const created = await request.post('/api/account-requests', {
    data: { name, email: `collegue.${stamp}@acme.demo`, companyName: 'Acme' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signIn(page, demo.manager);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Demandes de compte' })
    .click();
  await page.getByRole('button', { name: `Approuver la demande de ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('La personne rejoindra votre entreprise.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Entreprise' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Approuver et créer le compte' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name })).toHaveCount(0);
});
