import { companyOf, createProject, disposeAll, moveTicket, openTicket, sessions } from './portal-helpers';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('answering a ticket that waits for the customer moves it back to En cours', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Import des écritures refusé ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  await disposeAll(all);

  await signIn(page, demo.customer);
  // The home page lists it first thing.
  const waiting = page.getByTestId('waiting-tickets');
  await waiting.getByRole('link', { name: ticket.key }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText('Attente client', { exact: true })).toBeVisible();
  await expect(page.getByText(/Dès votre envoi, la demande repasse En cours/)).toBeVisible();

  await page.getByRole('textbox', { name: 'Votre message' }).fill('Voici le fichier demandé.');
  await page.locator('input[type=file]').setInputFiles({
    name: 'capture.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('capture'),
  });
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(page.getByText('En cours', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('timeline').getByText('Voici le fichier demandé.')).toBeVisible();
  await expect(page.getByTestId('timeline').getByRole('link', { name: 'capture.txt' })).toBeVisible();
  await expect(page.getByTestId('timeline').getByText('Statut : Attente client → En cours')).toBeVisible();
  // Every entry is a sentence: no field names, ids or ISO dates in the history.
  const history = (await page.getByTestId('timeline').textContent()) ?? '';
  expect(history).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T|\b[a-z]+_[a-z]+\b|assigneeId/);

  // Messages only: the conversation stays, the changes of status go.
  await page.getByText('Messages seulement', { exact: true }).click();
  await expect(page.getByTestId('timeline').getByText('Statut : Attente client → En cours')).toHaveCount(0);
  await expect(page.getByTestId('timeline').getByText('Voici le fichier demandé.')).toBeVisible();
});

test('a closed ticket explains why it takes no answer and opens a new linked ticket', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Rapport TVA incomplet ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await moveTicket(all.agent, ticket.id, 'closed');
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto('/tickets?status=closed');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(ticket.key);
  await page.getByTestId('tickets-table').getByRole('link', { name: ticket.key }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const explanation = page.getByTestId('closed-explanation');
  await expect(explanation).toContainText('Une demande fermée ne reçoit plus de réponse');
  await expect(page.getByRole('textbox', { name: 'Votre message' })).toHaveCount(0);

  await explanation.getByRole('link', { name: 'Ouvrir une nouvelle demande liée' }).click();
  await expect(page.getByTestId('linked-ticket')).toContainText(ticket.key);
  await page.getByRole('radio', { name: 'Assistance' }).click();
  await page.getByRole('radio', { name: 'Basse' }).click();
  await page.getByRole('textbox', { name: 'Sujet' }).fill(`${subject} : le problème revient`);
  await page.getByRole('textbox', { name: 'Description' }).fill('Le rapport est de nouveau incomplet.');
  // Help suggestions for the subject arrive while the form is filled and push the button down: a
  // pointer click can start on the button and end beside it, so the button is pressed from the keyboard.
  await page.getByRole('button', { name: 'Envoyer la demande' }).press('Enter');
  const key = (await page.getByTestId('ticket-key').textContent()) ?? '';
  await page.getByRole('link', { name: `Voir la demande ${key}` }).click();
  await page.getByRole('link', { name: 'Fait suite à une demande fermée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
});

test('a customer closes a ticket themselves, after confirming', async ({ page, baseURL }) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Question sur les droits d'accès ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByRole('button', { name: 'Fermer la demande' }).click();
  const dialog = page.getByRole('dialog', { name: `Fermer la demande ${ticket.key} ?` });
  await dialog.getByRole('button', { name: 'Oui, fermer la demande' }).click();
  await expect(page.getByTestId('closed-explanation')).toBeVisible();
  await expect(page.getByText('Fermé', { exact: true })).toBeVisible();
});

test('a consulting request names a project of the company', async ({ page, baseURL }) => {
  const all = await sessions(baseURL ?? '');
  const project = await createProject(
    all.agent,
    await companyOf(all.customer),
    `Migration ERP ${Date.now()}`,
  );
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.getByRole('link', { name: 'Nouvelle demande Consulting' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle demande Consulting' })).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la demande Consulting' }).click();
  await expect(page.getByText('Choisissez le projet.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Projet' }).selectOption({ label: project.name });
  await page.getByRole('radio', { name: 'Haute' }).click();
  await page.getByRole('textbox', { name: 'Sujet' }).fill('Reprise des articles depuis l’ancien système');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Nous avons besoin d’aide pour la reprise des données.');
  await page.getByRole('button', { name: 'Envoyer la demande Consulting' }).click();
  const key = (await page.getByTestId('ticket-key').textContent()) ?? '';
  expect(key).not.toBe('');
  await page.getByRole('link', { name: `Voir la demande ${key}` }).click();
  await expect(page.getByText(project.name)).toBeVisible();
  await expect(page.getByText(/Demandes Consulting/).first()).toBeVisible();
});
