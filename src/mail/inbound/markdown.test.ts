import { describe, expect, it } from 'vitest';
import { renderRichText } from '../../rich-text/render';
import { mailHtmlToMarkdown } from './markdown';

const convert = (html: string, keepQuotes = false) => mailHtmlToMarkdown(html, { keepQuotes });

describe('the HTML part of a mail as Markdown', () => {
  it('keeps emphasis, lists, links, code, headings and strikethrough', () => {
    expect(
      convert(
        '<h2>Étapes</h2><p>Un <b>gras</b>, un <i>italique</i>, <s>barré</s> et <code>x = 1</code>.</p>' +
          '<ol><li>ouvrir</li><li>exporter</li></ol><p><a href="https://example.org/doc">la doc</a></p>',
      ),
    ).toBe(
      '## Étapes\n\nUn **gras**, un _italique_, ~~barré~~ et `x = 1`.\n\n1.  ouvrir\n2.  exporter\n\n[la doc](https://example.org/doc)',
    );
  });

  it('reads one <div> per line as a line and an empty one as a blank line, as mail programs write them', () => {
    expect(convert('<div>Bonjour,</div><div><br></div><div>ligne 1</div><div>ligne 2</div>')).toBe(
      'Bonjour,\n\nligne 1\nligne 2',
    );
  });

  it('keeps text that looks like Markdown as text', () => {
    const markdown = convert('<p>*pas gras* [pas un lien](javascript:x) # pas un titre</p>');
    expect(renderRichText({ body: markdown, format: 'markdown' })).toBe(
      '<p>*pas gras* [pas un lien](javascript:x) # pas un titre</p>\n',
    );
  });

  it('drops scripts, styles, pictures, forms and unsafe links, keeping their text where there is one', () => {
    expect(
      convert(
        '<style>p{color:red}</style><script>alert(1)</script><p onclick="x()">a <a href="javascript:alert(1)">ceci</a> ' +
          '<a href="data:text/html,x">cela</a><img src="https://tracker.example/p.gif" alt="pixel"></p><form><input value="v"></form>',
      ),
    ).toBe('a ceci cela');
  });

  it('leaves out signatures marked as such and quotes unless the mail is a forward', () => {
    const html =
      '<div>Merci.</div><blockquote>ancien</blockquote><div class="moz-signature">-- <br>Hans</div><div class="gmail_signature">Anne</div>';
    expect(convert(html)).toBe('Merci.');
    expect(convert(html, true)).toBe('Merci.\n\n> ancien');
  });

  it('reads a layout table as its cells, one after the other', () => {
    expect(convert('<table><tr><td>Client</td><td>Acme</td></tr></table>')).toBe('Client\n\nAcme');
  });
});
