import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('a company with a single request type finds it already chosen', async ({ page }) => {
  // Bergmann has no Flex contract: Assistance is the one type it can open.
  await signIn(page, demo.germanCustomer);
  await page.goto('/tickets/new');
  await expect(page.getByRole('radio', { name: 'Unterstützung' })).toBeChecked();
});

test('a company with several request types chooses one itself', async ({ page }) => {
  await signIn(page, demo.customer);
  await page.goto('/tickets/new');
  await expect(page.getByRole('radio', { name: 'Assistance' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Assistance' })).not.toBeChecked();
});
