import { describe, expect, it } from 'vitest';
import { mailFixture } from '../../../test/fixtures/mail/load';
import { renderRichText } from '../../rich-text/render';
import { newContent, newText, sanitizeMailHtml } from './clean';
import { parseMail } from './parse';

const expected: Record<string, string> = {
  'outlook-reply': 'Bonjour,\n\nLe problème est résolu après la mise à jour, merci.',
  'gmail-reply': "Merci, cela fonctionne de nouveau.\nJe vous confirme que l'export du 1er mars est complet.",
  'thunderbird-reply': 'Guten Tag\n\nDer Fehler tritt nur bei Mandant 02 auf.',
  'apple-mail-reply': 'Oui, c’est bon pour nous.',
};

describe('new text of a reply', () => {
  for (const [name, text] of Object.entries(expected)) {
    it(`${name}: keeps only the new text, from the text part and from the HTML part`, async () => {
      const mail = await parseMail(mailFixture(name));
      expect(mail.text).not.toBeNull();
      expect(mail.html).not.toBeNull();
      expect(newText(mail)).toBe(text);
      expect(newText({ ...mail, text: null })).toBe(text);
    });
  }

  it('keeps a forwarded mail whole: the forwarded part is the news', async () => {
    const mail = await parseMail(mailFixture('forwarded'));
    expect(newText(mail)).toBe(
      [
        'Voici le message de notre filiale, pour le ticket.',
        '',
        '---------- Forwarded message ---------',
        'De : Anna Keller <anna.keller@filiale.example>',
        'Date: lun. 2 mars 2026 à 14:40',
        'Subject: Export bloqué',
        'To: Marc Rochat <marc@example.test>',
        '',
        "L'export s'arrête à 80 % avec le code E-42.",
      ].join('\n'),
    );
  });

  it('turns an HTML-only mail into text: lists, links with safe schemes, no script, style, tracker or quote', async () => {
    const mail = await parseMail(mailFixture('html-only'));
    expect(mail.text).toBeNull();
    expect(newText(mail)).toBe(
      [
        'Bonjour,',
        '',
        'Voici les étapes :',
        '',
        '- Ouvrir le module Finances',
        '- Cliquer sur Exporter',
        '',
        'Détails : la documentation (https://docs.example.test/export) & ceci.',
      ].join('\n'),
    );
  });

  it('decodes ISO-8859-1 text and headers', async () => {
    const mail = await parseMail(mailFixture('iso-8859-1'));
    expect(mail.subject).toBe('Re: [SUP-1042] Rapport généré');
    expect(mail.from?.name).toBe('René Lévêque');
    expect(newText(mail)).toBe(
      "Bonjour,\n\nLe rapport a été généré à 10 h ; l'écart reste présent dans la société « Filiale SA ».",
    );
  });

  it('decodes quoted-printable French text with soft line breaks', async () => {
    const mail = await parseMail(mailFixture('quoted-printable-fr'));
    expect(mail.subject).toBe('Re: [SUP-1042] Données incomplètes');
    expect(mail.from?.name).toBe('Françoise Béguin');
    expect(newText(mail)).toBe(
      'Les données de décembre sont désormais à jour ; l’écart de 12,50 € a disparu après la réimportation.\nTrès bonne soirée à l’équipe !',
    );
  });

  it('decodes base64 UTF-8 text', async () => {
    const mail = await parseMail(mailFixture('base64-utf8'));
    expect(newText(mail)).toBe('Grüezi,\n\nDie Zahlen für März stimmen – danke!');
  });

  it('cuts a plain-text Outlook reply at "-----Original Message-----" and a German header block', () => {
    const english = 'It works now.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nold text';
    expect(newText({ text: english, html: null, subject: 'RE: x' })).toBe('It works now.');
    const german =
      'Das Problem besteht weiterhin.\n\nVon: Support <support@guichet.local>\nGesendet: Montag, 2. März 2026 10:00\nAn: Hans\nBetreff: Fehler\n\nBitte senden Sie uns die Datei.';
    expect(newText({ text: german, html: null, subject: 'AW: x' })).toBe('Das Problem besteht weiterhin.');
  });
});

describe('new content of a mail, as a message', () => {
  for (const [name, text] of Object.entries(expected)) {
    it(`${name}: the HTML part as Markdown holds the same new text, nothing quoted or signed`, async () => {
      const mail = await parseMail(mailFixture(name));
      expect(newContent(mail)).toEqual({ body: text, format: 'markdown' });
    });
  }

  it('an HTML-only mail keeps its list, emphasis and safe link, and renders through the one sanitiser', async () => {
    const content = newContent(await parseMail(mailFixture('html-only')));
    expect(content).toEqual({
      format: 'markdown',
      body: [
        'Bonjour,',
        '',
        // The non-breaking spaces of French typography are kept.
        'Voici les étapes\u00a0:',
        '',
        '-   Ouvrir le module **Finances**',
        '-   Cliquer sur _Exporter_',
        '',
        'Détails\u00a0: [la documentation](https://docs.example.test/export) & ceci.',
      ].join('\n'),
    });
    const html = renderRichText(content);
    expect(html).toMatch(/<ul>\s*<li>Ouvrir le module <strong>Finances<\/strong><\/li>/);
    expect(html).toContain(
      '<a href="https://docs.example.test/export" rel="noopener noreferrer nofollow" target="_blank">la documentation</a> &amp; ceci.',
    );
    expect(html).not.toMatch(/script|alert|tracker|Ancien texte/);
  });

  it('a mail with a text part only stays plain text', async () => {
    for (const name of ['iso-8859-1', 'quoted-printable-fr', 'base64-utf8', 'forwarded']) {
      const mail = await parseMail(mailFixture(name));
      expect(newContent(mail)).toEqual({ body: newText(mail), format: 'plain' });
    }
  });

  it('an HTML part without text falls back to the text part', () => {
    expect(
      newContent({ text: 'Voir pièce jointe.', html: '<p><img src="cid:x"></p>', subject: 'x' }),
    ).toEqual({
      body: 'Voir pièce jointe.',
      format: 'plain',
    });
  });
});

describe('sanitised HTML', () => {
  it('keeps the allow-list, cid images and safe links; drops scripts, trackers, quotes and unsafe links', () => {
    const html = sanitizeMailHtml(
      '<p onclick="x()">Hi <b>there</b> <a href="javascript:alert(1)">x</a> <a href="https://a.example/">a</a></p>' +
        '<img src="cid:shot@local"><img src="https://tracker.example/p.gif"><script>alert(1)</script>' +
        '<blockquote>old</blockquote><div class="gmail_quote">older</div>',
    );
    expect(html).toBe(
      '<p>Hi <b>there</b> <a>x</a> <a href="https://a.example/">a</a></p><img src="cid:shot@local" />',
    );
  });
});
