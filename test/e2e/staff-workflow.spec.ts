import { choose, customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('an agent qualifies a ticket lowering its criticality with a reason; the customer’s mail is in the mail viewer', async ({
  page,
  browser,
  baseURL,
}) => {
  const customer = await customerSession(baseURL ?? '');
  const ticket = await customerTicket(customer, `Export bloqué ${Date.now()}`, { criticality: 'critique' });

  await signIn(page, demo.agent);
  await page.goto('/queues/toQualify');
  await page.getByRole('link', { name: ticket.key }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Export bloqué');
  await page.getByRole('button', { name: 'Qualifier' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'Criticité', 'Moyenne');
  await dialog.getByLabel('Raison du changement').fill('Un contournement existe par l’export manuel.');
  await expect(dialog.getByTestId('preview-text')).toContainText(
    'Un contournement existe par l’export manuel.',
  );
  await expect(dialog.getByTestId('preview-subject')).toContainText(ticket.key);
  await dialog.getByRole('button', { name: 'Abaisser la criticité et informer le client' }).click();
  await expect(page.getByText('Criticité : Moyenne')).toBeVisible();
  await expect(page.getByText('Raison : Un contournement existe par l’export manuel.').first()).toBeVisible();

  // The admin finds the mail in the mail viewer (the worker delivers it to the store).
  const adminContext = await browser.newContext({ locale: 'fr-CH' });
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  // The worker delivers the mail to the store a moment later; the viewer refreshes by itself.
  await admin.goto('/admin/mails');
  const mailLink = admin.getByRole('button', { name: new RegExp(ticket.key) }).first();
  await expect(mailLink).toBeVisible({ timeout: 20_000 });
  await admin
    .getByRole('button', { name: new RegExp(ticket.key) })
    .first()
    .click();
  await expect(admin.getByTestId('mail-text')).toContainText('Un contournement existe par l’export manuel.');
  await adminContext.close();
  await customer.dispose();
});

test('an agent takes a ticket, waits on Development with an RPC reference and back, transfers another to Consulting where a consultant takes it', async ({
  page,
  browser,
  baseURL,
}) => {
  // Three sessions and a dozen steps in one story.
  test.slow();
  const customer = await customerSession(baseURL ?? '');
  const agentApi = await apiSession(baseURL ?? '', demo.agent);
  const first = await customerTicket(customer, `Calcul des remises ${Date.now()}`);
  const second = await customerTicket(customer, `Projet migration ${Date.now()}`);
  for (const t of [first, second])
    await json(await agentApi.send('POST', `/api/tickets/${t.id}/qualify`, {}));

  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${first.id}`);
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(page.getByText('En cours', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('assignee')).toHaveText('Anne Agent');

  await choose(page, 'Nouveau statut', 'Attente développement (RPC)');
  await page.getByLabel('Référence RPC').fill('RPC-4711');
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await expect(page.getByText('RPC RPC-4711')).toBeVisible();
  await expect(page.getByText('Attente développement (RPC)').first()).toBeVisible();

  await choose(page, 'Nouveau statut', 'En cours');
  await page.getByRole('button', { name: 'Changer le statut' }).click();
  await expect(page.getByText('En cours', { exact: true }).first()).toBeVisible();

  await page.goto(`/staff/tickets/${second.id}`);
  await page.getByRole('button', { name: 'Transférer au consulting' }).click();
  const transfer = page.getByRole('dialog', { name: `Transférer ${second.key} au consulting` });
  await transfer.getByRole('button', { name: 'Transférer', exact: true }).click();
  await expect(transfer.getByText('Écrivez une note aux consultants.')).toBeVisible();
  await transfer
    .getByLabel('Note aux consultants (interne)')
    .fill('Lié au projet de migration : à facturer.');
  await transfer
    .getByLabel('Message au client (facultatif)')
    .fill('Notre équipe Consulting reprend votre demande.');
  await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'the transfer to Consulting dialog');
  await screenshots(page, 'transfer-consulting-dialog');
  await transfer.getByRole('button', { name: 'Transférer', exact: true }).click();
  await expect(transfer).toBeHidden();
  await expect(page.getByText('Transféré au consulting').first()).toBeVisible();

  const consultantContext = await browser.newContext({ locale: 'fr-CH' });
  const consultant = await consultantContext.newPage();
  await signIn(consultant, demo.consultant);
  await consultant.goto('/queues/consulting');
  await consultant.getByRole('link', { name: second.key }).click();
  await expect(consultant.getByText('Lié au projet de migration : à facturer.')).toBeVisible();
  await consultant.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(consultant.getByTestId('assignee')).toHaveText('Luc Consultant');
  await expect(consultant.getByText('En cours', { exact: true }).first()).toBeVisible();
  await consultantContext.close();
  await customer.dispose();
  await agentApi.dispose();
});

test('an agent logs time on a Solva Flex ticket', async ({ page, baseURL }) => {
  const customer = await customerSession(baseURL ?? '');
  const ticket = await customerTicket(customer, `Nouveau champ sur la facture ${Date.now()}`, {
    type: 'solva_flex',
  });
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByText('Solva Flex').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Minutes' }).fill('45');
  await page.getByLabel('Remarque').fill('Analyse du besoin');
  await page.getByRole('button', { name: 'Saisir le temps' }).click();
  await expect(page.getByTestId('time-total')).toContainText('Total 45 min');
  await expect(page.getByRole('cell', { name: 'Flex' })).toBeVisible();
  await customer.dispose();
});

test('the queue follows another user’s changes without a reload', async ({ page, baseURL }) => {
  const customer = await customerSession(baseURL ?? '');
  await signIn(page, demo.agent);
  await page.goto('/queues/toQualify');
  await expect(page.getByRole('heading', { level: 1, name: 'Files de tickets' })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { stillThere: boolean }).stillThere = true;
  });
  const ticket = await customerTicket(customer, `Arrivé en direct ${Date.now()}`, {
    criticality: 'critique',
  });
  await expect(page.getByRole('link', { name: ticket.key })).toBeVisible();

  const agentApi = await apiSession(baseURL ?? '', demo.agent);
  await json(await agentApi.send('POST', `/api/tickets/${ticket.id}/qualify`, {}));
  await expect(page.getByRole('link', { name: ticket.key })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stillThere?: boolean }).stillThere)).toBe(true);
  await agentApi.dispose();
  await customer.dispose();
});

test('qualification and answering with the keyboard alone', async ({ page, baseURL }) => {
  const customer = await customerSession(baseURL ?? '');
  const ticket = await customerTicket(customer, `Clavier seulement ${Date.now()}`, { criticality: 'haute' });
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Clavier seulement');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('q');
  const dialog = page.getByRole('dialog', { name: `Qualifier ${ticket.key}` });
  await expect(dialog).toBeVisible();
  const criticality = dialog.getByLabel('Criticité', { exact: true }).first();
  while (!(await criticality.evaluate((el) => el === document.activeElement)))
    await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 6; i++) {
    const active = page.locator('[data-combobox-selected]');
    if ((await active.count()) && (await active.first().textContent()) === 'Basse') break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(criticality).toHaveValue('Basse');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Raison du changement')).toBeFocused();
  await page.keyboard.type('Contournement simple par la saisie manuelle.');
  const submit = dialog.getByRole('button', { name: 'Abaisser la criticité et informer le client' });
  while (!(await submit.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Criticité : Basse')).toBeVisible();

  await page.keyboard.press('t');
  await expect(page.getByTestId('assignee')).toHaveText('Anne Agent');

  await page.keyboard.press('r');
  await expect(page.getByLabel('Réponse visible par le client')).toBeFocused();
  await page.keyboard.type('Bonjour, nous analysons votre demande.');
  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Envoyer au client ?' });
  await expect(confirm.getByRole('button', { name: 'Oui, envoyer au client' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.locator('[data-visibility="public"]').filter({ hasText: 'Bonjour, nous analysons votre demande.' }),
  ).toBeVisible();

  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Focus returns to the answer field: leave it with Tab before using a shortcut.
  await page.keyboard.press('Tab');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Note interne (jamais visible par le client)')).toBeFocused();
  await page.keyboard.type('Vérifier le paramétrage du client.');
  await page.keyboard.press('Control+Enter');
  const confirmNote = page.getByRole('dialog', { name: 'Enregistrer une note interne ?' });
  await expect(confirmNote.getByRole('button', { name: 'Oui, enregistrer la note interne' })).toBeFocused();
  await page.keyboard.press('Enter');
  const note = page
    .locator('[data-visibility="internal"]')
    .filter({ hasText: 'Vérifier le paramétrage du client.' });
  await expect(note).toBeVisible();
  await expect(note.getByText('Interne', { exact: true }).first()).toBeVisible();
  await expect(note.getByText('Note interne de Anne Agent')).toBeVisible();
  await customer.dispose();
});

test('a banner warns when someone else changes the ticket being handled', async ({ page, baseURL }) => {
  const customer = await customerSession(baseURL ?? '');
  const ticket = await customerTicket(customer, `Modifié ailleurs ${Date.now()}`);
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Modifié ailleurs');
  await expect(page.getByRole('alert')).toHaveCount(0);

  const other = await apiSession(baseURL ?? '', demo.admin);
  await json(
    await other.send('POST', `/api/tickets/${ticket.id}/messages`, {
      body: 'Je regarde aussi.',
      visibility: 'internal',
    }),
    201,
  );
  const banner = page.getByRole('alert').filter({ hasText: 'modifié par Alice Admin' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Recharger' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText('Je regarde aussi.')).toBeVisible();
  await Promise.all([customer.dispose(), other.dispose()]);
});
