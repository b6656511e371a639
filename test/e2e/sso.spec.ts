import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';

/**
 * Staff single sign-on through the test identity provider that Playwright starts beside the portal
 * (test/support/oidc-provider-main.ts): its own login and consent pages, then back to the portal.
 */
async function throughProvider(page: Page, login: string) {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

const roleOf = async (page: Page) =>
  (await (await page.request.get('/api/session')).json()).user?.role ?? null;

test('the sign-in page offers the identity provider, accessibly, in each language', async ({ page }) => {
  await page.goto('/login');
  const sso = page.getByRole('link', { name: 'Se connecter avec Staff ID' });
  await expect(sso).toBeVisible();
  await expectAccessible(page, 'the sign-in page with single sign-on');
  await screenshots(page, 'sso-sign-in');
  await page.getByLabel('Langue').selectOption('de');
  await expect(page.getByRole('link', { name: 'Anmelden mit Staff ID' })).toBeVisible();
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByRole('link', { name: 'Sign in with Staff ID' })).toBeVisible();
});

test('an admin signs in through the provider and lands on the staff queues as admin', async ({ page }) => {
  await page.goto('/queues');
  await expect(page).toHaveURL(/\/login\?next=%2Fqueues$/);
  await page.getByRole('link', { name: 'Se connecter avec Staff ID' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await throughProvider(page, 'ada-admin');
  await expect(page).toHaveURL(/\/queues$/);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: "Files d'attente" })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administration' })).toBeVisible();
  expect(await roleOf(page)).toBe('admin');
  await screenshots(page, 'sso-admin-queues');
});

test('an agent signs in through the provider as agent, without the administration', async ({ page }) => {
  await page.goto('/queues');
  await page.getByRole('link', { name: 'Se connecter avec Staff ID' }).click();
  await throughProvider(page, 'alan-agent');
  await expect(page).toHaveURL(/\/queues$/);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: "Files d'attente" })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  expect(await roleOf(page)).toBe('agent');
});

test('a person of a domain that is not allowed is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Se connecter avec Staff ID' }).click();
  await throughProvider(page, 'oscar-outsider');
  await expect(page).toHaveURL(/\/login\?sso_error=sso_domain_not_allowed$/);
  await expect(page.getByRole('alert')).toHaveText(
    /Les adresses de ce domaine ne sont pas admises à se connecter par le fournisseur d'identité/,
  );
  expect(await roleOf(page)).toBeNull();
  await expectAccessible(page, 'the sign-in page with a refusal');
  await screenshots(page, 'sso-refused-domain');
});

test('a person in no mapped group is told to ask for a group', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Se connecter avec Staff ID' }).click();
  await throughProvider(page, 'nina-nogroup');
  await expect(page.getByRole('alert')).toHaveText(/n'appartient à aucun groupe donnant accès au portail/);
  expect(await roleOf(page)).toBeNull();
});
