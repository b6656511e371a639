import type { Page } from '@playwright/test';

const sizes = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Saves the page at desktop and phone widths into test-results/screenshots/ (kept as artefacts).
 * Returns only once the page has laid itself out again at its original size: media-query hooks
 * re-render after a resize, and a click aimed at the old layout would land elsewhere.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(sizes)) {
    await resizeAndSettle(page, size);
    // From the top: a page scrolled by the test would show its fixed header over the middle of the picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await resizeAndSettle(page, original);
}

async function resizeAndSettle(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  // Two frames: the resize event, then the render that media-query hooks schedule for it.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page.waitForTimeout(150); // CSS transitions (navbar, drawers) that follow the render
}
