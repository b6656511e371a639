import { customerSession, customerTicket } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('a mail chosen in the admin mail viewer opens in view, however long the list', async ({
  page,
  baseURL,
}) => {
  test.slow(); // eight tickets, then an accessibility scan of the open mail
  // Enough mails that the last rows sit far below the first screen.
  const customer = await customerSession(baseURL ?? '');
  for (let i = 0; i < 8; i += 1) await customerTicket(customer, `Courriel lointain ${i} ${Date.now()}`);
  await customer.dispose();

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, demo.admin);
  await page.goto('/admin/mails');
  const viewer = page.getByRole('region', { name: 'Sent e-mails' });
  const rows = viewer.getByRole('row');
  await expect.poll(() => rows.count()).toBeGreaterThan(8);

  // The lowest mail of the list, reached by scrolling as a person would (the list refreshes itself,
  // so the row is found again by its subject).
  const subject = (await rows.last().getByRole('button').textContent()) ?? '';
  const last = viewer.getByRole('button', { name: subject, exact: true }).last();
  await last.scrollIntoViewIfNeeded();
  await last.click();

  const dialog = page.getByRole('dialog', { name: subject });
  await expect(dialog).toBeVisible();
  const text = dialog.getByTestId('mail-text');
  await expect(text).not.toBeEmpty();
  await expect(text).toBeInViewport();
  const box = await text.boundingBox();
  const viewport = page.viewportSize();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(viewport?.height ?? 0);
  await expect(dialog).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'the opened mail');

  // Closing it leaves the list where it was.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(last).toBeInViewport();
});
