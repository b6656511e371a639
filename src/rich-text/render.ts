import MarkdownIt from 'markdown-it';
import type { MessageFormat } from '../domain/tickets/index';
import { sanitiseRichHtml } from './sanitise';

/**
 * CommonMark with GFM tables and strikethrough; raw HTML is shown as text, never interpreted, and
 * a single line break stays a line break, as people expect of a message box.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true });

export interface RichText {
  body: string;
  format: MessageFormat;
}

/**
 * A message, a note or a description as safe HTML: Markdown rendered, or plain text shown as it
 * was written (line breaks and indentation kept, web addresses made links, nothing else read as
 * formatting); then the one sanitiser, whatever the format.
 */
export function renderRichText({ body, format }: RichText): string {
  const html = format === 'markdown' ? markdown.render(body) : plainToHtml(body);
  return sanitiseRichHtml(html);
}

function plainToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(plainLine).join('<br>\n')}</p>`)
    .join('\n');
}

function plainLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  let html = '';
  let from = 0;
  for (const link of markdown.linkify.match(rest) ?? []) {
    const href = markdown.normalizeLink(link.url);
    html += escapeHtml(rest.slice(from, link.index));
    html += markdown.validateLink(href)
      ? `<a href="${escapeHtml(href)}">${escapeHtml(link.text)}</a>`
      : escapeHtml(link.text);
    from = link.lastIndex;
  }
  html += escapeHtml(rest.slice(from));
  return '\u00a0'.repeat(indent.replace(/\t/g, '    ').length) + html;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
