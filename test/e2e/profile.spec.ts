import { expect, test } from './support/csp';
import { apiSession, demo, signIn } from './support/session';

test('a user edits their name and phone; the header and the page keep them after a reload', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demo.consultant);
  const original = (await page.getByTestId('user-name').textContent()) ?? '';
  try {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Profil' })
      .click();
    const name = page.getByLabel('Nom et prénom');
    await expect(name).toHaveValue(original);
    await name.fill('Claire Conseil-Test');
    await page.getByLabel('Téléphone').fill('+41 31 111 22 33');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByText('Votre profil est enregistré.')).toBeVisible();
    await expect(page.getByTestId('user-name')).toHaveText('Claire Conseil-Test');

    await page.reload();
    await expect(page.getByLabel('Nom et prénom')).toHaveValue('Claire Conseil-Test');
    await expect(page.getByLabel('Téléphone')).toHaveValue('+41 31 111 22 33');
  } finally {
    const session = await apiSession(baseURL ?? '', demo.consultant);
    await session.send('PATCH', '/api/profile', { name: original, phone: null });
    await session.dispose();
  }
});

test('a wrong current password is named next to its field', async ({ page }) => {
  await signIn(page, demo.consultant);
  await page.goto('/profile');
  await page.getByRole('textbox', { name: 'Mot de passe actuel' }).fill('pas-le-bon-mot-de-passe');
  await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('un-nouveau-mot-de-passe');
  await page.getByRole('textbox', { name: 'Confirmez le mot de passe' }).fill('un-nouveau-mot-de-passe');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('textbox', { name: 'Mot de passe actuel' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Mot de passe actuel' })).toHaveAccessibleDescription(/\S/);
});

test('a new password and its confirmation must match', async ({ page }) => {
  await signIn(page, demo.consultant);
  await page.goto('/profile');
  await page.getByRole('textbox', { name: 'Mot de passe actuel' }).fill('guichet-demo');
  await page.getByRole('textbox', { name: 'Nouveau mot de passe' }).fill('un-nouveau-mot-de-passe');
  await page.getByRole('textbox', { name: 'Confirmez le mot de passe' }).fill('autre-chose-encore');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Les deux mots de passe ne correspondent pas.')).toBeVisible();
});
