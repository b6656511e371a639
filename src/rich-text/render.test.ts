import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailHtmlToMarkdown } from '../mail/inbound/markdown';
import { richHtmlForMail, richHtmlToText } from './mail';
import { renderRichText } from './render';
import { ATTACHMENT_PICTURE, sanitiseRichHtml } from './sanitise';

const PICTURE = '/api/attachments/0b6e2a1c-1111-4222-8333-444455556666/preview';
const md = (body: string) => renderRichText({ body, format: 'markdown' });
const plain = (body: string) => renderRichText({ body, format: 'plain' });

describe('Markdown messages', () => {
  it('renders CommonMark and GFM: lists, links, code, tables, emphasis', () => {
    const html = md(
      'Bonjour **Anne**, _voici_ :\n\n- un\n- deux\n\n1. x\n2. y\n\n[le guide](https://example.org/guide)\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~',
    );
    expect(html).toContain('<strong>Anne</strong>');
    expect(html).toContain('<em>voici</em>');
    expect(html).toMatch(/<ul>\s*<li>un<\/li>\s*<li>deux<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>x<\/li>/);
    expect(html).toContain('<code>code</code>');
    expect(html).toMatch(/<table>[\s\S]*<th>a<\/th>[\s\S]*<td>2<\/td>/);
    expect(html).toContain('<s>barré</s>');
  });

  it('gives every link rel="noopener noreferrer nofollow" and a new tab', () => {
    expect(md('[guide](https://example.org/g) et https://example.com')).toBe(
      '<p><a href="https://example.org/g" rel="noopener noreferrer nofollow" target="_blank">guide</a> et ' +
        '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">https://example.com</a></p>\n',
    );
  });

  it('keeps a single line break as a line break', () => {
    expect(md('ligne 1\nligne 2')).toBe('<p>ligne 1<br />\nligne 2</p>\n');
  });

  it('shows raw HTML as text, never as markup', () => {
    expect(md('a <b>gras</b> b')).toBe('<p>a &lt;b&gt;gras&lt;/b&gt; b</p>\n');
  });

  it('keeps pictures only when they are our own attachment previews', () => {
    expect(md(`![capture](${PICTURE})`)).toContain(`<img src="${PICTURE}" alt="capture" />`);
    expect(md('![x](https://example.org/x.png)')).not.toContain('<img');
    expect(md('![x](/api/attachments/not-an-id/preview)')).not.toContain('<img');
  });
});

describe('plain-text messages (written before Markdown, or from mail)', () => {
  it('look as written: nothing read as formatting, line breaks and indentation kept', () => {
    expect(plain('Salut *pas gras* & <b>\n  - pas une liste\n\n\n# pas un titre')).toBe(
      '<p>Salut *pas gras* &amp; &lt;b&gt;<br />\n\u00a0\u00a0- pas une liste</p>\n<p># pas un titre</p>',
    );
  });

  it('make web addresses clickable', () => {
    expect(plain('voir https://example.org/a?b=1&c=2.')).toBe(
      '<p>voir <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">https://example.org/a?b=1&amp;c=2</a>.</p>',
    );
  });
});

describe('the sanitiser', () => {
  it('drops styles, handlers, frames, forms and foreign pictures', () => {
    const html = sanitiseRichHtml(
      '<p style="color:red" onclick="x()">a</p><iframe src="https://e.org"></iframe><form><input></form><img src="https://e.org/x.png"><a href="javascript:alert(1)">k</a>',
    );
    expect(html).toBe('<p>a</p><a rel="noopener noreferrer nofollow" target="_blank">k</a>');
  });
});

const PAYLOADS: string[] = JSON.parse(
  readFileSync(new URL('../../test/fixtures/xss-payloads.json', import.meta.url), 'utf8'),
);

describe('XSS corpus', () => {
  it('holds at least 40 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  for (const [index, payload] of PAYLOADS.entries()) {
    for (const format of ['markdown', 'plain'] as const) {
      it(`payload ${index + 1} renders inert as ${format}: ${payload.slice(0, 60)}`, () => {
        assertInert(renderRichText({ body: payload, format }));
      });
    }
    it(`payload ${index + 1} is inert when sanitised as HTML (inbound mail)`, () => {
      assertInert(sanitiseRichHtml(payload));
    });
    it(`payload ${index + 1} is inert as inbound HTML mail converted to Markdown`, () => {
      for (const keepQuotes of [false, true]) {
        const body = mailHtmlToMarkdown(`<p>Courriel</p>${payload}`, { keepQuotes });
        assertInert(renderRichText({ body, format: 'markdown' }));
      }
    });
  }
});

const ALLOWED_TAGS = new Set(
  'p br strong em s del code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 hr a img table thead tbody tr th td'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt'],
  ol: ['start'],
};

/** Every element is on the allow-list, with allowed attributes and safe addresses only. */
function assertInert(html: string) {
  const withoutTags = html.replace(
    /<\/?([a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g,
    (_tag, name: string, attrs: string) => {
      expect(ALLOWED_TAGS.has(name.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
      for (const [, attr = '', value = ''] of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) {
        expect(ALLOWED_ATTRIBUTES[name]?.includes(attr), `attribute ${attr} on <${name}> in ${html}`).toBe(
          true,
        );
        if (attr === 'href') expect(value, html).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
        if (attr === 'src') expect(value, html).toMatch(ATTACHMENT_PICTURE);
      }
      return '';
    },
  );
  // What is left is text: any `<` in it is escaped, so nothing more can be an element.
  expect(withoutTags, html).not.toMatch(/<[a-zA-Z!/?]/);
}

describe('messages in mail', () => {
  const origin = 'https://support.example.ch';

  it('writes the text part with list markers, links as text and address, pictures as links', () => {
    const html = md(
      `Bonjour,\n\n- relancer le job\n- lire [le guide](https://example.org/g)\n\n1. un\n2. deux\n\n![capture.png](${PICTURE})\n\nhttps://example.com`,
    );
    expect(richHtmlToText(html, origin)).toBe(
      `Bonjour,\n\n- relancer le job\n- lire le guide (https://example.org/g)\n\n1. un\n2. deux\n\ncapture.png (${origin}${PICTURE})\n\nhttps://example.com`,
    );
  });

  it('turns pictures into links to the portal in the HTML part', () => {
    expect(richHtmlForMail(md(`![capture.png](${PICTURE})`), origin)).toBe(
      `<p><a href="${origin}${PICTURE}" rel="noopener noreferrer nofollow" target="_blank">capture.png</a></p>\n`,
    );
  });

  it('keeps tables and code readable as text', () => {
    const html = md('| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx <y>\n  z\n```\n\nfin');
    expect(richHtmlToText(html, origin)).toBe('a | b\n1 | 2\n\nx <y>\n  z\n\nfin');
  });
});
