import { customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { linkFromMail } from './support/mails';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

const password = 'un-mot-de-passe-solide';

test('an agent mentions a colleague picked from the suggestions, and the colleague’s bell shows it', async ({
  page,
  baseURL,
  browser,
}) => {
  test.slow();
  const base = baseURL ?? '';
  const tag = Date.now();
  const admin = await apiSession(base, demo.admin);
  const colleague = { name: 'Annick Moser', email: `annick.moser.${tag}@guichet.demo` };
  const other = { name: 'Andreas Keller', email: `andreas.keller.${tag}@guichet.demo` };
  for (const person of [colleague, other]) {
    await json(await admin.send('POST', '/api/users', { ...person, role: 'agent', language: 'fr' }), 201);
  }
  const customer = await customerSession(base);
  const ticket = await customerTicket(customer, `Mention ${tag}`);

  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Mention ${tag}`);

  // Public answers are not read for mentions: no suggestions there.
  const answer = page.getByLabel('Réponse visible par le client');
  await answer.click();
  await page.keyboard.type('Bonjour @an');
  await expect(page.getByRole('listbox', { name: 'Personnes à mentionner' })).toHaveCount(0);
  await answer.fill('');

  await page.getByRole('tab', { name: 'Note interne' }).click();
  const note = page.getByRole('textbox', { name: 'Note interne (jamais visible par le client)' });
  await note.click();
  await page.keyboard.type('Peux-tu vérifier le calcul, @an');
  const list = page.getByRole('listbox', { name: 'Personnes à mentionner' });
  const options = list.getByRole('option');
  await expect(options).toHaveText([`${other.name} ${other.email}`, `${colleague.name} ${colleague.email}`]);
  // The agent herself (Anne Agent) is not offered.
  await expect(options.filter({ hasText: 'Anne Agent' })).toHaveCount(0);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(note).toHaveAttribute('aria-autocomplete', 'list');
  await expect(note).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? 'missing');
  await expectAccessible(page, 'the mention suggestions');
  await screenshots(page, 'mention-suggestions');

  // Arrow keys move, Enter inserts the name as the server reads mentions.
  await note.focus();
  await page.keyboard.press('ArrowDown');
  const chosen = options.filter({ hasText: colleague.name });
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  await expect(note).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id')) ?? 'missing');
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(note).toHaveValue('Peux-tu vérifier le calcul, @Annick Moser ');

  // Escape closes the list and leaves the text as typed.
  await page.keyboard.type('et @and');
  await expect(options).toHaveText([`${other.name} ${other.email}`]);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(note).toHaveValue('Peux-tu vérifier le calcul, @Annick Moser et @and');

  // The mouse chooses too.
  await page.keyboard.type(' puis @kel');
  await options.filter({ hasText: other.name }).click();
  await expect(note).toHaveValue('Peux-tu vérifier le calcul, @Annick Moser et @and puis @Andreas Keller ');
  await expect(note).toBeFocused();

  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Enregistrer une note interne ?' });
  await confirm.getByRole('button', { name: 'Oui, enregistrer la note interne' }).click();
  await expect(
    page.locator('[data-visibility="internal"]').filter({ hasText: 'Peux-tu vérifier le calcul' }),
  ).toBeVisible();

  // The colleague chooses a password, signs in, and finds the mention in the bell.
  const link = new URL(await linkFromMail(admin, colleague.email, '/set-password?token='));
  const theirs = await browser.newContext({ locale: 'fr-CH' });
  const page2 = await theirs.newPage();
  await page2.goto(link.pathname + link.search);
  await page2.getByLabel('Nouveau mot de passe').fill(password);
  await page2.getByLabel('Confirmez le mot de passe').fill(password);
  await page2.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page2).toHaveURL(/\/login\?passwordSet=1$/);
  await signIn(page2, colleague.email, password);
  const bell = page2.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications : 1 non lue');
  await bell.click();
  const notice = page2.getByRole('region', { name: 'Notifications' }).getByTestId('notification').first();
  await expect(notice).toContainText('Anne Agent vous a mentionné dans une note');
  await expect(notice).toContainText(ticket.key);

  await theirs.close();
  await Promise.all([admin.dispose(), customer.dispose()]);
});
