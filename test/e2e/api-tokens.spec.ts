import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('a staff member makes a personal token in the profile, a program uses it, and once revoked it is refused', async ({
  page,
  request,
}) => {
  await signIn(page, demo.agent);
  await page.goto('/profile');
  const section = page.getByRole('region', { name: "Jetons d'API" });
  const name = `Script ${Date.now()}`;
  await section.getByLabel('Nom', { exact: false }).first().fill(name);
  await section.getByRole('checkbox', { name: 'lire les demandes', exact: true }).check();
  await section.getByRole('button', { name: 'Créer le jeton' }).click();
  const shown = page.getByTestId('new-api-token');
  await expect(shown).toContainText('gch_');
  const token = ((await shown.textContent()) ?? '').trim();
  await expectAccessible(page, 'the profile with its API tokens');

  const asProgram = { authorization: `Bearer ${token}` };
  expect((await request.get('/api/tickets', { headers: asProgram })).status()).toBe(200);
  // Read-only: writing is refused with the scope it would need.
  const write = await request.post('/api/tickets', { headers: asProgram, data: {} });
  expect(write.status()).toBe(403);

  // Shown once: after a reload the token is gone from the page, its last use is listed.
  await page.reload();
  await expect(page.getByTestId('new-api-token')).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).not.toContainText('Jamais');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Révoquer ${name}` }).click();
  await expect(row).toContainText('Révoqué le');
  expect((await request.get('/api/tickets', { headers: asProgram })).status()).toBe(401);
});

test('admins keep the integration tokens in the administration', async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto('/admin/tokens');
  // The demo administrator reads English.
  const section = page.getByRole('region', { name: 'Integration tokens' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('checkbox', { name: 'change the administration' })).toBeVisible();
  await expectAccessible(page, 'the integration tokens');
});
