import EmailReplyParser from 'email-reply-parser';
import sanitizeHtml from 'sanitize-html';
import type { MessageFormat } from '../../domain/tickets/index';
import { droppedWithTheirText, mailHtmlToMarkdown } from './markdown';

/**
 * The new text of a reply: quoted history and signatures removed, so the ticket's conversation
 * shows what the customer wrote, once. A forwarded mail is kept whole: what was forwarded is the
 * news the customer brings.
 */
export function newText(mail: { text: string | null; html: string | null; subject: string }): string {
  const forward = isForward(mail);
  const text = mail.text?.trim()
    ? normaliseNewlines(mail.text)
    : mail.html
      ? htmlToText(mail.html, forward)
      : '';
  if (forward) return tidy(text);
  return tidy(stripQuoted(text));
}

/**
 * The new content of a mail as a message: the HTML part, when there is one, as Markdown of the
 * messages' subset (links, lists and emphasis survive); otherwise, or when the HTML holds no text,
 * the new text, plain. Quoted history and signatures are left out either way.
 */
export function newContent(mail: { text: string | null; html: string | null; subject: string }): {
  body: string;
  format: MessageFormat;
} {
  if (mail.html) {
    const forward = isForward(mail);
    const markdown = mailHtmlToMarkdown(forward ? mail.html : cutQuotedHtml(mail.html), {
      keepQuotes: forward,
    });
    const body = tidy(forward ? markdown : stripQuoted(markdown));
    if (body) return { body, format: 'markdown' };
  }
  return { body: newText(mail), format: 'plain' };
}

/** Sanitised HTML for display to admins: an allow-list of tags, quoted history cut away. */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(cutQuotedHtml(html), {
    allowedTags: ['p', 'br', 'b', 'i', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'img'],
    allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['cid'] },
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'blockquote'],
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

const FORWARD_SUBJECT = /^\s*(fwd?|tr|wg|fw)\s*:/i;
const FORWARD_MARKERS = [
  /-{2,}\s*forwarded message\s*-{2,}/i,
  /begin forwarded message\s*:/i,
  /d[ée]but du message r[ée]exp[ée]di[ée]\s*:/i,
  /-{2,}\s*message transf[ée]r[ée]\s*-{2,}/i,
  /-{2,}\s*weitergeleitete nachricht\s*-{2,}/i,
  /anfang der weitergeleiteten nachricht\s*:/i,
];

function isForward(mail: { text: string | null; html: string | null; subject: string }): boolean {
  if (FORWARD_SUBJECT.test(mail.subject)) return true;
  const body = mail.text ?? mail.html ?? '';
  return FORWARD_MARKERS.some((re) => re.test(body));
}

/** Where the quoted part of an HTML reply starts, as the common mail programs write it. */
const QUOTE_STARTS = [
  /<div[^>]*\bclass=["']?[^"'>]*\bgmail_quote/i, // Gmail
  /<div[^>]*\bid=["']?appendonsend/i, // Outlook (web and new): the separator before divRplyFwdMsg
  /<hr[^>]*>\s*<div[^>]*\bid=["']?divRplyFwdMsg/i,
  /<div[^>]*\bid=["']?divRplyFwdMsg/i,
  /<div[^>]*style=["'][^"']*border-top:\s*solid\s+#(?:E1E1E1|B5C4DF)/i, // Outlook desktop header block
  /<div[^>]*\bclass=["']?[^"'>]*\bmoz-cite-prefix/i, // Thunderbird
  /<blockquote[^>]*\btype=["']?cite/i, // Apple Mail, Thunderbird
  /<div[^>]*\bclass=["']?[^"'>]*\b(yahoo_quoted|OutlookMessageHeader)/i,
  /-{3,}\s*(original message|message d'origine|urspr(ü|&uuml;|&#252;)ngliche nachricht)\s*-{3,}/i,
];

function cutQuotedHtml(html: string): string {
  let cut = html.length;
  for (const re of QUOTE_STARTS) {
    const match = re.exec(html);
    if (match && match.index < cut) cut = match.index;
  }
  return html.slice(0, cut);
}

const LINE = '\u0001';
const PARAGRAPH = '\u0002';
const BOUNDARY_RUN = new RegExp(`[${LINE}${PARAGRAPH}]+`, 'g');

function htmlToText(html: string, forward: boolean): string {
  const body = forward ? html : cutQuotedHtml(html);
  const kept = sanitizeHtml(body, {
    allowedTags: ['p', 'br', 'div', 'ul', 'ol', 'li', 'a', 'tr'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    nonTextTags: droppedWithTheirText({ keepQuotes: forward }),
  });
  const text = kept
    .replace(/\s+/g, ' ')
    .replace(/<a href="([^"]*)">(.*?)<\/a>/g, (_m, href: string, label: string) => {
      const target = decodeEntities(href).replace(/^mailto:/, '');
      const shown = label.replace(/<[^>]*>/g, '').trim();
      return decodeEntities(shown) === target || !shown ? shown || target : `${shown} (${target})`;
    })
    .replace(/\s*<li>\s*/gi, `${LINE}- `)
    .replace(/\s*<\/?(div|li|tr|ul|ol)>\s*/gi, LINE)
    .replace(/\s*<\/?p>\s*/gi, PARAGRAPH)
    // A run of block boundaries is one line break (a paragraph if one of them is a paragraph).
    .replace(BOUNDARY_RUN, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .replace(/<br\s*\/?>[ \t]*/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \t]+/, ''))
    .join('\n');
}

function stripQuoted(text: string): string {
  return new EmailReplyParser().read(text).getVisibleText();
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1]?.toLowerCase() === 'x'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}
