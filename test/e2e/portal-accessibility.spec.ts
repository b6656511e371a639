import { portalScene } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, type Page, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { demo, signIn } from './support/session';

/** Each portal page: no serious or critical axe violation, and screenshots at desktop and phone widths. */
async function check(page: Page, name: string) {
  await expectAccessible(page, name);
  await screenshots(page, `portal-${name}`);
}

test('every portal page is accessible, at desktop and phone widths', async ({ page, baseURL }) => {
  test.slow(); // every portal page, scanned and photographed at two widths
  const { waiting, closed } = await portalScene(baseURL ?? '', {
    project: 'Projet accessibilité',
    waiting: 'Écran des commandes lent',
  });

  await signIn(page, demo.customer);
  await expect(page.getByTestId('waiting-tickets')).toBeVisible();
  await check(page, 'home');

  await page.goto('/tickets/new');
  await expect(page.getByRole('radio', { name: 'Assistance' })).toBeVisible();
  await check(page, 'new-ticket');
  await page.getByRole('textbox', { name: 'Sujet' }).fill('criticité');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByText('Choisissez la criticité.')).toBeVisible();
  await expect(page.getByTestId('suggestions')).toBeVisible();
  await check(page, 'new-ticket-errors');

  await page.goto('/requests/new');
  await expect(page.getByRole('combobox', { name: 'Projet' })).toBeVisible();
  await check(page, 'new-consulting');

  await page.goto('/tickets');
  await expect(page.getByTestId('tickets-table')).toBeVisible();
  await check(page, 'tickets');

  await page.goto(`/tickets/${waiting.id}`);
  await expect(page.getByRole('textbox', { name: 'Votre message' })).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await check(page, 'ticket-waiting');

  await page.getByRole('button', { name: 'Fermer la demande' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // Scan once the opening animation is over, not a half-transparent frame of it.
  await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await expect(page.locator('.mantine-Modal-overlay')).toHaveCSS('opacity', '1');
  await check(page, 'ticket-close-dialog');
  await page.keyboard.press('Escape');

  await page.goto(`/tickets/${closed.id}`);
  await expect(page.getByTestId('closed-explanation')).toBeVisible();
  await check(page, 'ticket-closed');

  await page.goto('/escalation');
  await expect(page.getByTestId('escalation-levels')).toBeVisible();
  await check(page, 'escalation');

  await page.goto('/help');
  await expect(page.getByRole('link', { name: 'Comment utiliser ce portail' })).toBeVisible();
  await check(page, 'help');

  await page.goto('/help/utiliser-ce-portail');
  await expect(page.getByRole('heading', { level: 1, name: 'Comment utiliser ce portail' })).toBeVisible();
  await check(page, 'help-article');

  await page.goto('/flex');
  await expect(page.getByTestId('flex-balance')).toBeVisible();
  await check(page, 'flex');
});

test('the portal is operable with the keyboard alone', async ({ page }) => {
  await signIn(page, demo.customer);
  await page.goto('/tickets/new');
  await expect(page.getByRole('radio', { name: 'Assistance' })).toBeVisible();
  // Focus moves through the choices and fields in order, and is visible where it lands.
  await page.getByRole('radio', { name: 'Assistance' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Assistance' })).toBeChecked();
  await page.getByRole('radio', { name: 'Basse' }).focus();
  await page.keyboard.press('Space');
  const basse = page.getByRole('radio', { name: 'Basse' });
  await expect(basse).toBeChecked();
  // The focus ring is visible on the focused choice.
  expect(await basse.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  // After the choices, the link to our commitments (the delays of each criticality), then the subject.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Nos engagements de délai' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Sujet' })).toBeFocused();
  await page.keyboard.type('Erreur au lancement du rapport des ventes');
  await expect(page.getByRole('textbox', { name: 'Sujet' })).toHaveValue(
    'Erreur au lancement du rapport des ventes',
  );
});
