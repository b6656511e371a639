import { expect, test } from '@playwright/test';

test('the portal is served at / and its API answers', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.ok()).toBe(true);
  await page.goto('/');
  await expect(page).toHaveTitle(/Guichet/);
});
