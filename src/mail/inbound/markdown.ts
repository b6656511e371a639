import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { MESSAGE_TAGS } from '../../rich-text/sanitise';

/**
 * The HTML part of a mail as Markdown of the subset messages are written in (paragraphs, line
 * breaks, emphasis, lists, links, code, quotes, headings), so a customer's mail reads on the
 * ticket like any message and goes through the same renderer and sanitiser. What has no place in
 * a message is dropped before the conversion: scripts, styles, pictures (a mail's pictures arrive
 * as attachments), forms and frames; links keep only http, https and mailto addresses.
 */
export function mailHtmlToMarkdown(html: string, options: { keepQuotes: boolean }): string {
  const kept = sanitizeHtml(html, {
    allowedTags: [...KEPT_TAGS, ...(options.keepQuotes ? ['blockquote'] : [])],
    allowedAttributes: { a: ['href'], div: ['class'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    nonTextTags: droppedWithTheirText(options),
  });
  return tidy(turndown.turndown(kept));
}

/** Elements a mail's reader never sees as text, dropped with their content; quotes too unless kept. */
export function droppedWithTheirText(options: { keepQuotes: boolean }): string[] {
  const invisible = ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'];
  return options.keepQuotes ? invisible : [...invisible, 'blockquote'];
}

/**
 * A message's elements, less pictures (a mail's images arrive as attachments) and quotes (kept
 * only on request), plus the presentational ones mail clients write, which Markdown reads as text
 * or emphasis.
 */
const KEPT_TAGS = [
  ...MESSAGE_TAGS.filter((tag) => tag !== 'img' && tag !== 'blockquote'),
  'div',
  'span',
  'b',
  'i',
  'strike',
];

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '_',
  strongDelimiter: '**',
  hr: '---',
  // Messages are rendered with a single line break kept as a break: no trailing spaces needed.
  br: '',
});

// Mail programs write one <div> per line and <div><br></div> for a blank line: a div is a line.
turndown.addRule('line', {
  filter: 'div',
  replacement: (content) => `\n${content.replace(/^\n+|\n+$/g, '')}\n`,
});
turndown.addRule('strikethrough', {
  filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${content}~~` : content),
});
// A link whose address was not kept (javascript:, data: …) is its text alone.
turndown.addRule('unsafe link', {
  filter: (node) => node.nodeName === 'A' && !node.getAttribute('href'),
  replacement: (content) => content,
});

// Signatures the mail programs mark as such (Thunderbird, Gmail) are not part of the message
// (added last: a later rule is asked first).
turndown.addRule('signature', {
  filter: (node) => node.nodeName === 'DIV' && /\b(moz-signature|gmail_signature)\b/.test(node.className),
  replacement: () => '',
});

function tidy(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
