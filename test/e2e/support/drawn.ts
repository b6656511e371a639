import { expect, type Page } from '@playwright/test';

/** Opens a page and waits until it is drawn: its heading shown, no request in flight, no spinner. */
export async function openDrawn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
}
