import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { demo, demoPassword } from './support/session';

/** The app's code, computed here with the same library as the server. */
const codeAt = (secret: string, offsetMs = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetMs });

async function passwordStep(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Validation en deux étapes' })).toBeVisible();
}

async function secondStep(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
  await page.getByRole('button', { name: 'Vérifier' }).click();
}

const home = (page: Page) => page.getByRole('heading', { level: 1, name: /^Bienvenue/ });

/** Turns the app off again through the API with the browser's session, so other tests sign in as before. */
async function turnOff(page: Page, recoveryCode: string) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'guichet_csrf')?.value ?? '';
  const response = await page.request.post('/api/profile/two-factor/totp/disable', {
    data: { code: recoveryCode },
    headers: { 'x-csrf-token': csrf },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('a customer sets up an authenticator app, then signs in with its code and with a recovery code used once', async ({
  page,
}) => {
  test.slow(); // four sign-ins, two accessibility scans and six screenshots
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(demo.manager);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(home(page)).toBeVisible();
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Validation en deux étapes' });
  await expect(section.getByTestId('totp-state')).toHaveText(
    'Application d’authentification : non configurée',
  );
  await section.getByRole('button', { name: 'Configurer une application' }).click();
  await expect(section.getByRole('img', { name: /Code QR/ })).toBeVisible();
  const secret = ((await section.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page, 'the profile while setting up an authenticator app');
  await screenshots(page, 'two-factor-enrolment');

  await section.getByLabel('Code à 6 chiffres de l’application').fill(codeAt(secret));
  await section.getByRole('button', { name: 'Activer' }).click();
  const shown = section.getByTestId('recovery-codes');
  await expect(shown).toBeVisible();
  const recoveryCodes = ((await shown.textContent()) ?? '').match(/[a-z2-9]{5}-[a-z2-9]{5}/g) ?? [];
  expect(recoveryCodes).toHaveLength(10);
  await expectAccessible(page, 'the recovery codes');
  await screenshots(page, 'two-factor-recovery-codes');
  await section.getByRole('button', { name: 'J’ai conservé mes codes' }).click();
  await expect(section.getByTestId('totp-state')).toHaveText('Application d’authentification : activée');

  const [first, second, third] = recoveryCodes as [string, string, string];
  try {
    // The password alone now leads to the second step; the enrolment spent this time step's
    // code, so the app's next one (accepted a step early) signs in.
    await passwordStep(page, demo.manager);
    await expectAccessible(page, 'the second sign-in step');
    await screenshots(page, 'two-factor-sign-in');
    await secondStep(page, codeAt(secret, 30_000));
    await expect(home(page)).toBeVisible();

    await passwordStep(page, demo.manager);
    await secondStep(page, first);
    await expect(home(page)).toBeVisible();

    await passwordStep(page, demo.manager);
    await secondStep(page, first);
    await expect(page.getByRole('alert')).toContainText('Ce code n’est pas valable');
    await secondStep(page, second);
    await expect(home(page)).toBeVisible();
  } finally {
    await turnOff(page, third);
  }
});
