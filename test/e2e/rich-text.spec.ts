import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import sharp from 'sharp';
import { customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, type Page, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, eventually, signIn } from './support/session';

/** Pastes a picture into the focused text area, as a screenshot copied to the clipboard is pasted. */
async function pastePicture(page: Page, png: Buffer) {
  await page.evaluate(
    (bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [...png],
  );
}

test('a Markdown answer with a list, a link and a pasted screenshot reaches the customer rendered, in the portal and by mail', async ({
  browser,
  page,
  baseURL,
}) => {
  test.slow();
  const customer = await apiSession(baseURL ?? '', demo.customer);
  const ticket = await customerTicket(customer, `Export bloqué ${Date.now()}`);
  await customer.dispose();
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1c7ed6' } })
    .png()
    .toBuffer();

  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  const composer = page.getByRole('region', { name: 'Répondre' });
  const answer = page.getByLabel('Réponse visible par le client');
  await answer.fill('Bonjour,\n\nVoici la marche à suivre :\n\n- relancer ');
  // Shortcuts: Ctrl+B makes bold text, Ctrl+K a link whose address is selected for typing.
  await answer.press('Control+b');
  await answer.pressSequentially("l'export");
  await answer.press('End');
  await answer.pressSequentially('\n- lire ');
  await answer.press('Control+k');
  await answer.pressSequentially('https://example.org/guide');
  await answer.press('End');
  await answer.pressSequentially('\n\n');
  await pastePicture(page, png);
  await expect(answer).toHaveValue(/!\[capture-[^\]]+\.png\]\(attachment:capture-[^)]+\.png\)/);
  await expect(answer).toHaveValue(
    /- relancer \*\*l'export\*\*\n- lire \[texte du lien\]\(https:\/\/example\.org\/guide\)/,
  );
  await expect(composer.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem')).toHaveCount(1);

  await composer.getByRole('tab', { name: 'Aperçu' }).first().click();
  const preview = composer.getByTestId('editor-preview').first();
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview.getByRole('link', { name: 'texte du lien' })).toHaveAttribute(
    'href',
    'https://example.org/guide',
  );
  await expectAccessible(page, 'the answer editor with its preview');
  await screenshots(page, 'editor-preview');
  await composer.getByRole('tab', { name: 'Écrire' }).first().click();
  await screenshots(page, 'editor-write');

  await composer.getByRole('button', { name: 'Envoyer la réponse au client' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Oui, envoyer au client' }).click();
  const sent = page
    .getByTestId('timeline')
    .getByRole('listitem')
    .filter({ hasText: 'Voici la marche à suivre' });
  await expect(sent.getByTestId('message-text').getByRole('listitem')).toHaveCount(2);

  // The customer sees it rendered: the list, the link (opening apart), the picture from our origin.
  const customerContext = await browser.newContext({ locale: 'fr-CH' });
  const portal = await customerContext.newPage();
  await signIn(portal, demo.customer);
  await portal.goto(`/tickets/${ticket.id}`);
  const received = portal
    .getByTestId('timeline')
    .getByRole('listitem')
    .filter({ hasText: 'Voici la marche à suivre' });
  const message = received.getByTestId('message-text');
  await expect(message.getByRole('listitem').first()).toHaveText("relancer l'export");
  await expect(message.locator('strong')).toHaveText("l'export");
  const link = message.getByRole('link', { name: 'texte du lien' });
  await expect(link).toHaveAttribute('href', 'https://example.org/guide');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  const picture = message.locator('img');
  await expect(picture).toHaveAttribute('src', /^\/api\/attachments\/[0-9a-f-]{36}\/preview$/);
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(640);
  await expectAccessible(portal, 'a rendered answer in the portal');
  await customerContext.close();

  // The mail: an HTML part with the list and the link, a text part derived from it.
  const admin = await apiSession(baseURL ?? '', demo.admin);
  const stored = await eventually(async () => {
    const list = await json<{ items: { id: number; subject: string }[] }>(
      await admin.context.get(`/api/admin/mails?recipient=${encodeURIComponent(demo.customer)}`),
    );
    const summary = list.items.find(
      (m) => m.subject.includes(ticket.key) && m.subject.includes('nouvelle réponse'),
    );
    return summary
      ? json<{ sender: string; recipient: string; subject: string; text: string; html: string }>(
          await admin.context.get(`/api/admin/mails/${summary.id}`),
        )
      : undefined;
  }, 'the answer mail');
  await admin.dispose();
  // Written as MIME the way the SMTP transport sends it, then read back as a mail program would.
  const { message: raw } = await nodemailer
    .createTransport({ streamTransport: true, buffer: true })
    .sendMail({
      from: stored.sender,
      to: stored.recipient,
      subject: stored.subject,
      text: stored.text,
      html: stored.html,
    });
  const mail = await simpleParser(raw);
  expect(mail.html).toMatch(/<ul>\s*<li>relancer <strong>l'export<\/strong><\/li>/);
  expect(mail.html).toContain(
    '<a href="https://example.org/guide" rel="noopener noreferrer nofollow" target="_blank">texte du lien</a>',
  );
  // The pasted screenshot: a link to its picture on the portal (which needs a session), not an image.
  expect(mail.html).toMatch(
    /<a href="http:\/\/[^"]+\/api\/attachments\/[0-9a-f-]{36}\/preview"[^>]*>capture-[^<]+\.png<\/a>/,
  );
  expect(mail.html).not.toMatch(/<img[^>]+\/api\/attachments\//);
  expect(mail.text).toContain("- relancer l'export\n- lire texte du lien (https://example.org/guide)");
  expect(mail.text).toMatch(
    /capture-[^ ]+\.png \(http:\/\/[^ ]+\/api\/attachments\/[0-9a-f-]{36}\/preview\)/,
  );
});
