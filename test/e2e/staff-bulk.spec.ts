import { choose, customerSession, customerTicket, json } from './staff-helpers';
import { expect, test } from './support/csp';
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

  // The export holds the view's rows.
  const href = await page.getByRole('link', { name: 'Exporter la vue (CSV)' }).getAttribute('href');
  const csv = await (await page.request.get(href ?? '')).text();
  for (const t of made) expect(csv).toContain(t.key);

  await page.getByRole('checkbox', { name: 'Sélectionner tous les tickets affichés' }).check();
  await expect(page.getByText('Tickets sélectionnés : 3')).toBeVisible();
  await choose(page, 'Action sur la sélection', 'Fermer');
  await choose(page, 'Raison de fermeture', 'Solution livrée');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Fermer les tickets sélectionnés (3) ?' });
  await confirm.getByRole('button', { name: 'Fermer définitivement' }).click();

  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText('Traités : 2');
  await expect(summary).toContainText('Refusés : 1');
  await expect(summary.getByRole('listitem')).toContainText(consulting.key);
  await expect(rows.filter({ hasText: 'Fermé' })).toHaveCount(2);
  await customer.dispose();
  await agentApi.dispose();
});
