import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { customerTicket } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, type Locator, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

const logBytes = Buffer.from('2026-12-01 09:00:12 ERROR export: timeout after 30 s\n'.repeat(40));
// 25 MB on disk: the browser reads it by path, as when a person picks it (no copy over the wire).
const tooBig = join(tmpdir(), `guichet-e2e-${process.pid}`, 'sauvegarde.bak');
test.beforeAll(async () => {
  await mkdir(dirname(tooBig), { recursive: true });
  await writeFile(tooBig, Buffer.alloc(25 * 1024 * 1024, 7));
});
test.afterAll(() => rm(dirname(tooBig), { recursive: true, force: true }));

/** Chooses files in the file field of one form (the dropzone's input). */
async function choose(scope: Locator, files: Parameters<Locator['setInputFiles']>[0]) {
  await scope.locator('input[type=file]').setInputFiles(files);
}

test('a customer’s PNG and log reach the agent, whose answer with a file reaches the customer; 25 MB is refused on both sides', async ({
  browser,
  page,
  baseURL,
}) => {
  // Two people, two uploads, a download and an answer: the whole round trip in one test.
  test.slow();
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#e8590c' } })
    .png()
    .toBuffer();
  const customer = await apiSession(baseURL ?? '', demo.customer);
  const ticket = await customerTicket(customer, `Écran figé ${Date.now()}`);
  await customer.dispose();

  // The customer answers with a screenshot and a log; a 25 MB file is refused in plain sight.
  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  const reply = page.getByRole('region', { name: 'Répondre' });
  await choose(reply, [tooBig]);
  await expect(reply.getByTestId('files-refused')).toContainText('« sauvegarde.bak »');
  await expect(reply.getByTestId('files-refused')).toContainText('20 Mo par fichier');
  await page.getByRole('textbox', { name: 'Votre message' }).fill('Voici la capture et le journal.');
  await choose(reply, [
    { name: 'ecran.png', mimeType: 'image/png', buffer: png },
    { name: 'export.log', mimeType: 'text/plain', buffer: logBytes },
  ]);
  await expect(reply.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
  const customerMessage = page
    .getByTestId('timeline')
    .getByRole('listitem')
    .filter({ hasText: 'Voici la capture et le journal.' });
  await expect(customerMessage.getByRole('link', { name: 'export.log' })).toBeVisible();

  // The agent sees both, the PNG as a thumbnail that opens a preview.
  const agentContext = await browser.newContext({ locale: 'fr-CH', acceptDownloads: true });
  const agent = await agentContext.newPage();
  await signIn(agent, demo.agent);
  await agent.goto(`/staff/tickets/${ticket.id}`);
  const received = agent
    .getByTestId('timeline')
    .getByRole('listitem')
    .filter({ hasText: 'Voici la capture et le journal.' });
  await expect(received.getByRole('link', { name: 'ecran.png' })).toBeVisible();
  await expect(received.getByRole('link', { name: 'export.log' })).toBeVisible();
  const thumbnail = received.getByTestId('thumbnail');
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(240);
  await received.getByRole('button', { name: 'Aperçu de ecran.png' }).click();
  const preview = agent.getByRole('dialog', { name: 'ecran.png' }).getByTestId('preview');
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(800);
  // The preview is the server's re-encoding from our origin, never the uploaded file itself.
  expect(new URL((await preview.getAttribute('src')) ?? '', agent.url()).origin).toBe(
    new URL(agent.url()).origin,
  );
  await expect(agent.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await expectAccessible(agent, 'the picture preview');
  await agent.keyboard.press('Escape');
  await expect(agent.getByRole('dialog')).toHaveCount(0);

  // The log downloads byte for byte.
  const [download] = await Promise.all([
    agent.waitForEvent('download'),
    received.getByRole('link', { name: 'export.log' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('export.log');
  expect(Buffer.compare(await readFile((await download.path()) ?? ''), logBytes)).toBe(0);

  await expectAccessible(agent, 'the workspace with attachments');
  await screenshots(agent, 'workspace-attachments');

  // The agent answers with a file; 25 MB is refused here too.
  const composer = agent.getByRole('region', { name: 'Répondre' });
  await choose(composer.getByRole('tabpanel'), [tooBig]);
  await expect(composer.getByTestId('files-refused')).toContainText('« sauvegarde.bak »');
  await expect(composer.getByTestId('files-refused')).toContainText('20 Mo par fichier');
  await agent.getByLabel('Réponse visible par le client').fill('Voici le correctif à appliquer.');
  await choose(composer.getByRole('tabpanel'), [
    { name: 'correctif.txt', mimeType: 'text/plain', buffer: Buffer.from('SET export.timeout = 120;\n') },
  ]);
  await composer.getByRole('button', { name: 'Envoyer la réponse au client' }).click();
  await agent.getByRole('dialog').getByRole('button', { name: 'Oui, envoyer au client' }).click();
  await expect(
    agent
      .getByTestId('timeline')
      .getByRole('listitem')
      .filter({ hasText: 'Voici le correctif à appliquer.' })
      .getByRole('link', { name: 'correctif.txt' }),
  ).toBeVisible();
  await agentContext.close();

  // The customer sees the agent's file.
  await page.reload();
  await expect(
    page
      .getByTestId('timeline')
      .getByRole('listitem')
      .filter({ hasText: 'Voici le correctif à appliquer.' })
      .getByRole('link', { name: 'correctif.txt' }),
  ).toBeVisible();
  await expectAccessible(page, 'the customer ticket page with attachments');
});

test('the new-ticket form refuses 25 MB in plain sight and sends the request with the files that fit', async ({
  browser,
  page,
}) => {
  test.slow();
  const subject = `Sauvegarde trop lourde ${Date.now()}`;
  await signIn(page, demo.customer);
  await page.goto('/tickets/new');
  await page.getByRole('radio', { name: 'Assistance' }).click();
  await page.getByRole('radio', { name: 'Basse' }).click();
  await page.getByRole('textbox', { name: 'Sujet' }).fill(subject);
  await page.getByRole('textbox', { name: 'Description' }).fill('La sauvegarde et le journal.');
  await choose(page.locator('form'), [{ name: 'export.log', mimeType: 'text/plain', buffer: logBytes }]);
  await choose(page.locator('form'), [tooBig]);
  const refused = page.getByTestId('files-refused');
  await expect(refused).toContainText('« sauvegarde.bak »');
  await expect(refused).toContainText('20 Mo par fichier');
  const chosen = page.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem');
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText('export.log');
  await expectAccessible(page, 'the new-ticket form with a refused file');
  await screenshots(page, 'new-ticket-file-refused');
  await page.getByRole('button', { name: 'Envoyer la demande' }).press('Enter');
  const key = (await page.getByTestId('ticket-key').textContent()) ?? '';
  await page.getByRole('link', { name: `Voir la demande ${key}` }).click();
  const description = page.getByTestId('description');
  await expect(description.getByRole('link', { name: 'export.log' })).toBeVisible();
  await expect(description.getByText('sauvegarde.bak')).toHaveCount(0);

  // The agent finds the file on the description.
  const agentContext = await browser.newContext({ locale: 'fr-CH' });
  const agent = await agentContext.newPage();
  await signIn(agent, demo.agent);
  await agent.goto(page.url().replace('/tickets/', '/staff/tickets/'));
  await expect(agent.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(agent.getByTestId('description').getByRole('link', { name: 'export.log' })).toBeVisible();
  await agentContext.close();
});
