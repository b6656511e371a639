import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Clicks the button that opens a dialog and waits for the dialog. A click that reached the page
 * while it was still re-laying itself out is repeated; a dialog that never opens still fails.
 */
export async function openDialog(page: Page, button: Locator): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveCount(0);
  await expect(async () => {
    if ((await dialog.count()) === 0) await button.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** Closes the open dialog with Escape and waits until it has left the page. */
export async function closeDialogWithEscape(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}
