import { customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('a canned answer inserted with the keyboard for a German-speaking customer is in German with its variables filled', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const title = `Eingangsbestätigung ${Date.now()}`;

  // An admin keeps it among the shared answers; an unknown variable is flagged as it is typed.
  await signIn(page, demo.admin);
  await page.goto('/admin/answers');
  await page
    .getByRole('button', { name: /^(New canned answer|Nouvelle réponse type|Neuer Textbaustein)$/ })
    .click();
  const form = page.getByRole('dialog');
  await form.getByRole('textbox', { name: /^(Title|Titre|Titel)/ }).fill(title);
  await form
    .getByRole('textbox', { name: /^(Text in French|Texte en français|Text auf Französisch)/ })
    .fill('Bonjour {{customer.firstName}}, votre demande {{ticket.key}} est prise en charge. {{agent.name}}');
  await form
    .getByRole('textbox', { name: /^(Text in German|Texte en allemand|Text auf Deutsch)/ })
    .fill(
      'Guten Tag {{customer.firstName}}, Ihre Anfrage {{ticket.key}} wird bis {{sla.resolutionDue}} gelöst. {{customer.anrede}}',
    );
  await expect(form.getByTestId('unknown-de')).toContainText('{{customer.anrede}}');
  await form
    .getByRole('textbox', { name: /^(Text in German|Texte en allemand|Text auf Deutsch)/ })
    .fill(
      'Guten Tag {{customer.firstName}}, Ihre Anfrage {{ticket.key}} wird bis {{sla.resolutionDue}} gelöst. {{agent.name}}',
    );
  await expect(form.getByTestId('unknown-de')).toHaveCount(0);
  await form
    .getByRole('textbox', { name: /^(Text in English|Texte en anglais|Text auf Englisch)/ })
    .fill('Hello {{customer.firstName}}, your request {{ticket.key}} is in hand. {{agent.name}}');
  await expectAccessible(page, 'the canned answer form');
  await screenshots(page, 'canned-answer-form');
  await form.getByRole('button', { name: /^(Save|Enregistrer|Speichern)$/ }).click();
  await expect(page.getByTestId('canned-answers').getByText(title)).toBeVisible();
  await expectAccessible(page, 'the shared canned answers');
  await screenshots(page, 'canned-answers-shared');

  // The German-speaking customer's ticket.
  const customer = await apiSession(baseURL ?? '', demo.germanCustomer);
  const ticket = await customerTicket(customer, `Exportfehler ${Date.now()}`);
  const { ticket: detail } = await json<{ ticket: { creator: { name: string } } }>(
    await customer.context.get(`/api/tickets/${ticket.id}`),
  );
  await customer.dispose();
  const firstName = detail.creator.name.split(' ')[0] ?? '';

  // The agent inserts it from the answer box with the keyboard alone.
  const agentContext = await page.context().browser()?.newContext({ locale: 'fr-CH' });
  if (!agentContext) throw new Error('no browser');
  const agent = await agentContext.newPage();
  await signIn(agent, demo.agent);
  await agent.goto(`/staff/tickets/${ticket.id}`);
  const answer = agent.getByLabel('Réponse visible par le client');
  await answer.focus();
  await agent.keyboard.press('Control+Shift+Space');
  const picker = agent.getByRole('dialog', { name: 'Insérer une réponse type' });
  await expect(picker.getByRole('textbox', { name: 'Rechercher une réponse type' })).toBeFocused();
  await agent.keyboard.type(title.split(' ')[1] ?? title);
  await expect(picker.getByRole('button', { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(agent, 'the canned answer picker');
  await screenshots(agent, 'canned-answer-picker');
  await agent.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(answer).toHaveValue(
    new RegExp(
      `^Guten Tag ${firstName}, Ihre Anfrage ${ticket.key} wird bis \\d{1,2}\\. [\\p{L}.]+ \\d{4}, \\d{2}:\\d{2} gelöst\\. Anne Agent$`,
      'u',
    ),
  );
  await expect(answer).toBeFocused();
  await screenshots(agent, 'editor-canned-answer');
  await agentContext.close();
});

test('an agent keeps personal canned answers, whose planned status follows the sent answer, and deletes one after confirming', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const title = `Relance ${Date.now()}`;
  await signIn(page, demo.agent);
  await page.goto('/staff/canned-answers');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes réponses types' })).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle réponse type' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('textbox', { name: 'Titre' }).fill(title);
  await form
    .getByRole('textbox', { name: 'Texte en français' })
    .fill('Bonjour {{customer.firstName}}, avez-vous pu essayer ?');
  await form
    .getByRole('textbox', { name: 'Texte en allemand' })
    .fill('Guten Tag {{customer.firstName}}, konnten Sie es versuchen?');
  await form
    .getByRole('textbox', { name: 'Texte en anglais' })
    .fill('Hello {{customer.firstName}}, could you try it?');
  await form.getByRole('combobox', { name: 'Statut après l’envoi' }).selectOption('waiting_customer');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  const row = page.getByTestId('canned-answers').getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Attente client');
  await expectAccessible(page, 'my canned answers');

  // Inserted on a ticket in progress: once the answer is sent, the ticket waits for the customer.
  const customer = await apiSession(baseURL ?? '', demo.customer);
  const ticket = await customerTicket(customer, `Relance du client ${Date.now()}`);
  await customer.dispose();
  const agentApi = await apiSession(baseURL ?? '', demo.agent);
  await json(await agentApi.send('POST', `/api/tickets/${ticket.id}/qualify`, {}));
  await json(await agentApi.send('POST', `/api/tickets/${ticket.id}/take`, {}));
  await agentApi.dispose();
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByText('En cours', { exact: true }).first()).toBeVisible();
  const answer = page.getByLabel('Réponse visible par le client');
  await answer.focus();
  await page.keyboard.press('Control+Shift+Space');
  const picker = page.getByRole('dialog', { name: 'Insérer une réponse type' });
  await expect(picker.getByRole('textbox', { name: 'Rechercher une réponse type' })).toBeFocused();
  await page.keyboard.type(title);
  await expect(picker.getByRole('button', { name: new RegExp(title) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(answer).toHaveValue('Bonjour Claire, avez-vous pu essayer ?');
  await expect(page.getByTestId('status-after')).toContainText(
    'À l’envoi, le statut passera à « Attente client ».',
  );
  await page
    .getByRole('region', { name: 'Répondre' })
    .getByRole('button', { name: 'Envoyer la réponse au client' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Oui, envoyer au client' }).click();
  await expect(page.getByTestId('timeline').getByText('Statut : En cours → Attente client')).toBeVisible();
  await expect(page.getByText('Attente client', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('status-after')).toHaveCount(0);

  await page.goto('/staff/canned-answers');

  await row.getByRole('button', { name: `Supprimer ${title}` }).click();
  const confirm = page.getByRole('dialog', { name: `Supprimer « ${title} » ?` });
  await confirm.getByRole('button', { name: 'Annuler' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Supprimer ${title}` }).click();
  await confirm.getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(row).toHaveCount(0);
});
