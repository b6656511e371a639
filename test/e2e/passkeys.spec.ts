import type { CDPSession, Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { demo, demoPassword } from './support/session';

/**
 * Passkeys in Chromium with its virtual authenticator (DevTools' WebAuthn domain): a platform
 * authenticator that verifies the user, so navigator.credentials answers without a person.
 */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

async function passwordStep(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const home = (page: Page) => page.getByRole('heading', { level: 1, name: /^Bienvenue/ });
const csrfOf = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name === 'guichet_csrf')?.value ?? '';

/**
 * Removes what the test left through the API (signing in again with a recovery code if the test
 * stopped halfway through a sign-in), so the other tests sign in with the password alone.
 */
async function removeAllPasskeys(page: Page, recoveryCode: string | undefined) {
  let status = await page.request.get('/api/profile/two-factor');
  if (!status.ok() && recoveryCode) {
    await page.request.get('/api/session');
    const headers = { 'x-csrf-token': await csrfOf(page) };
    await page.request.post('/api/session', {
      data: { email: demo.manager, password: demoPassword },
      headers,
    });
    await page.request.post('/api/session/second-factor', { data: { code: recoveryCode }, headers });
    status = await page.request.get('/api/profile/two-factor');
  }
  if (!status.ok()) return;
  const { passkeys } = (await status.json()) as { passkeys: { id: string }[] };
  for (const key of passkeys) {
    await page.request.delete(`/api/profile/two-factor/passkeys/${encodeURIComponent(key.id)}`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
    });
  }
}

/** Adds a passkey from the profile page; returns the recovery codes shown with the first one. */
async function addFromProfile(page: Page, name: string): Promise<string[]> {
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Validation en deux étapes' });
  const passkeys = section.getByTestId('passkeys');
  await passkeys.getByRole('textbox', { name: 'Nom de la clé d’accès' }).fill(name);
  await passkeys.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
  const shown = section.getByTestId('recovery-codes');
  await expect(shown).toBeVisible();
  const codes = ((await shown.textContent()) ?? '').match(/[a-z2-9]{5}-[a-z2-9]{5}/g) ?? [];
  await section.getByRole('button', { name: 'J’ai conservé mes codes' }).click();
  await expect(passkeys.getByTestId('passkey').filter({ hasText: name })).toBeVisible();
  return codes;
}

test('a customer registers a passkey from the profile, names it, signs in with it after the password and alone, and removes it', async ({
  page,
}) => {
  test.slow(); // four sign-ins, four accessibility scans and screenshots at two widths
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await passwordStep(page, demo.manager);
  await expect(home(page)).toBeVisible();
  let recoveryCode: string | undefined;
  try {
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'Validation en deux étapes' });
    const passkeys = section.getByTestId('passkeys');
    await expect(passkeys.getByText('Aucune clé d’accès.')).toBeVisible();
    // A name is asked for first.
    await passkeys.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
    await expect(passkeys.getByRole('alert')).toContainText('Donnez un nom à la clé d’accès.');
    await passkeys.getByRole('textbox', { name: 'Nom de la clé d’accès' }).fill('Portable du bureau');
    await expectAccessible(page, 'the profile’s passkeys before the first one');
    await passkeys.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();

    // The first factor of the account: recovery codes, shown once.
    const shown = section.getByTestId('recovery-codes');
    await expect(shown).toBeVisible();
    const codes = ((await shown.textContent()) ?? '').match(/[a-z2-9]{5}-[a-z2-9]{5}/g) ?? [];
    expect(codes).toHaveLength(10);
    recoveryCode = codes[0];
    await section.getByRole('button', { name: 'J’ai conservé mes codes' }).click();

    const key = passkeys.getByTestId('passkey');
    await expect(key).toHaveCount(1);
    await expect(key).toContainText('Portable du bureau');
    await expect(key).toContainText('jamais utilisée');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.rpId).toBe('localhost');
    await expectAccessible(page, 'the profile with a passkey');
    await screenshots(page, 'passkeys-profile');

    await key.getByRole('button', { name: 'Renommer la clé d’accès Portable du bureau' }).click();
    const rename = page.getByRole('dialog', { name: 'Renommer la clé d’accès Portable du bureau' });
    await rename.getByRole('textbox', { name: 'Nom de la clé d’accès' }).fill('Ordinateur de Claire');
    await expectAccessible(page, 'the rename dialog');
    await rename.getByRole('button', { name: 'Enregistrer le nom' }).click();
    await expect(rename).toBeHidden();
    await expect(key).toContainText('Ordinateur de Claire');

    // Sign-in: the password, then the passkey.
    await passwordStep(page, demo.manager);
    await expect(page.getByRole('heading', { level: 1, name: 'Validation en deux étapes' })).toBeVisible();
    const usePasskey = page.getByRole('button', { name: 'Utiliser une clé d’accès' });
    await expect(usePasskey).toBeVisible();
    await expect(
      page.getByText('Sans votre clé d’accès, saisissez l’un de vos codes de secours.'),
    ).toBeVisible();
    await expectAccessible(page, 'the second sign-in step with a passkey');
    await screenshots(page, 'passkeys-sign-in');
    await usePasskey.click();
    await expect(home(page)).toBeVisible();

    // Or the passkey alone, from the sign-in page: the key says whose it is and verified them.
    expect(credentials[0]?.isResidentCredential).toBe(true);
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Utiliser une clé d’accès' }).click();
    await expect(home(page)).toBeVisible();
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]?.signCount).toBeGreaterThan(credentials[0]?.signCount ?? 0);

    await page.goto('/profile');
    await expect(key).toContainText('dernière utilisation le');
    await key.getByRole('button', { name: 'Supprimer la clé d’accès Ordinateur de Claire' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer la clé d’accès Ordinateur de Claire' });
    await expect(confirm).toContainText('Vous ne pourrez plus vous connecter avec cette clé d’accès.');
    await expectAccessible(page, 'the confirmation before removing a passkey');
    await confirm.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await expect(passkeys.getByText('Aucune clé d’accès.')).toBeVisible();

    // Without a factor, the password alone signs in again.
    await passwordStep(page, demo.manager);
    await expect(home(page)).toBeVisible();
  } finally {
    await removeAllPasskeys(page, recoveryCode);
  }
});

test('when the session ends, the sign-in dialog asks an account with a passkey for it after the password', async ({
  page,
}) => {
  test.slow(); // two sign-ins and a passkey registration
  await virtualAuthenticator(page);
  await passwordStep(page, demo.manager);
  await expect(home(page)).toBeVisible();
  let recoveryCode: string | undefined;
  try {
    [recoveryCode] = await addFromProfile(page, 'Téléphone');
    await page.goto('/tickets/new');
    await page.getByRole('textbox', { name: 'Sujet' }).fill('Export des écritures interrompu');
    // The session ends: the browser no longer holds it.
    await page.context().clearCookies({ name: 'guichet_session' });
    await page.getByRole('navigation').getByRole('link', { name: 'Profil' }).click();

    const dialog = page.getByRole('dialog', { name: 'Votre session a pris fin' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
    await dialog.getByRole('button', { name: 'Se connecter' }).click();
    const usePasskey = dialog.getByRole('button', { name: 'Utiliser une clé d’accès' });
    await expect(usePasskey).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Code', exact: true })).toBeVisible();
    await expectAccessible(page, 'the session-expired dialog at the second step');
    await screenshots(page, 'passkeys-session-expired');
    await usePasskey.click();

    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Vos coordonnées' })).toBeVisible();
    const header = page.locator('.mantine-AppShell-header');
    await expect(header.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  } finally {
    await removeAllPasskeys(page, recoveryCode);
  }
});
