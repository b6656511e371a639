import { parse } from 'csv-parse/sync';
import { choose, customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('an agent sorts the queue, closes selected tickets in bulk after confirming, sees the one refused with its reason, and exports the view', async ({
  page,
  baseURL,
}) => {
  // Three sessions set up five tickets before the browser works.
  test.slow();
  const customer = await customerSession(baseURL ?? '');
  const agentApi = await apiSession(baseURL ?? '', demo.agent);
  const token = `Lot${Date.now()}`;
  const made = [];
  for (const n of [1, 2, 3]) made.push(await customerTicket(customer, `${token} inventaire ${n}`));
  for (const t of made) await json(await agentApi.send('POST', `/api/tickets/${t.id}/qualify`, {}));
  const [, , consulting] = made;
  if (!consulting) throw new Error('three tickets expected');
  await json(
    await agentApi.send('POST', `/api/tickets/${consulting.id}/transfer-consulting`, {
      note: 'Projet en cours.',
    }),
  );

  await signIn(page, demo.agent);
  await page.goto('/queues/all');
  await page.getByLabel('Recherche').fill(token);
  const rows = page.getByTestId('queue-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);

  // Sorting by a column header, and back.
  await page.getByRole('button', { name: 'Clé' }).click();
  await expect(page.getByRole('columnheader', { name: /Clé/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toHaveAttribute('data-ticket-key', made[0]?.key ?? '');
  await page.getByRole('button', { name: /Clé/ }).click();
  await expect(page.getByRole('columnheader', { name: /Clé/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toHaveAttribute('data-ticket-key', consulting.key);

  // The export holds the view's rows, in its order, read back by a CSV parser.
  const href = await page.getByRole('link', { name: 'Exporter la vue (CSV)' }).getAttribute('href');
  const csv = await (await page.request.get(href ?? '')).text();
  const exported: string[][] = parse(csv, { delimiter: ';', bom: true });
  expect(exported[0]?.slice(0, 2)).toEqual(['Clé', 'Sujet']);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ticket-key')));
  expect(exported.slice(1).map((row) => row[0])).toEqual(shown);
  expect(exported.slice(1).map((row) => row[1])).toEqual([3, 2, 1].map((n) => `${token} inventaire ${n}`));

  await page.getByRole('checkbox', { name: 'Sélectionner tous les tickets affichés' }).check();
  await expect(page.getByText('Tickets sélectionnés : 3')).toBeVisible();
  await choose(page, 'Action sur la sélection', 'Fermer');
  await choose(page, 'Raison de fermeture', 'Solution livrée');
  await expectAccessible(page, 'the queue with tickets selected for bulk work');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Fermer les tickets sélectionnés (3) ?' });
  // Scanned once its opening transition is over (a fading dialog has no contrast yet).
  await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'the bulk close confirmation');
  await screenshots(page, 'queue-bulk-confirm');
  await confirm.getByRole('button', { name: 'Fermer définitivement' }).click();

  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText('Traités : 2');
  await expect(summary).toContainText('Refusés : 1');
  // The reason is a sentence, never a code.
  await expect(summary.getByRole('listitem')).toHaveText(
    new RegExp(`^${consulting.key} : [A-Z][^_{}]{20,}\\.$`),
  );
  await expect(rows.filter({ hasText: 'Fermé' })).toHaveCount(2);
  await expectAccessible(page, 'the bulk summary');
  await screenshots(page, 'queue-bulk-summary');
  await customer.dispose();
  await agentApi.dispose();
});
