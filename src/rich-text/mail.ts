import { escapeHtml } from './render';

/**
 * Rendered messages for mail. Pictures of a message are attachment previews that need a session
 * to be seen, so a mail shows each as a link to it on the portal instead of a broken image.
 */
export function richHtmlForMail(html: string, origin: string): string {
  return html.replace(IMG, (_whole, src: string, alt: string) => {
    const url = `${origin}${decodeEntities(src)}`;
    return `<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow" target="_blank">${alt || escapeHtml(url)}</a>`;
  });
}

/**
 * The text part of a mail from the same rendered HTML: paragraphs, line breaks, numbered and
 * bulleted lists, table rows, and each link written as its text followed by its address.
 */
export function richHtmlToText(html: string, origin: string): string {
  let out = '';
  let inPre = false;
  let firstCell = true;
  const lists: { ordered: boolean; next: number }[] = [];
  const links: string[] = [];
  let linkTextStart = 0;
  for (const part of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/i.exec(part);
    if (!tag) {
      const text = decodeEntities(inPre ? part : part.replace(/\n/g, ''));
      out += text;
      continue;
    }
    const [, closing, rawName = '', attributes = ''] = tag;
    const name = rawName.toLowerCase();
    if (closing) {
      if (name === 'a') {
        const href = links.pop() ?? '';
        const label = out.slice(linkTextStart).trim();
        const target = href.replace(/^mailto:/, '');
        if (href && label !== target && label !== href) out += ` (${target})`;
      } else if (name === 'pre') {
        inPre = false;
        out += '\n\n';
      } else if (name === 'ul' || name === 'ol') {
        lists.pop();
        if (lists.length === 0) out += '\n\n';
      } else if (name === 'tr') out += '\n';
      else if (BLOCKS.has(name)) out += '\n\n';
      continue;
    }
    switch (name) {
      case 'br':
        out += '\n';
        break;
      case 'hr':
        out += '\n----------\n\n';
        break;
      case 'pre':
        inPre = true;
        break;
      case 'ul':
      case 'ol': {
        const start = Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1);
        lists.push({ ordered: name === 'ol', next: start });
        break;
      }
      case 'li': {
        const list = lists.at(-1);
        const indent = '  '.repeat(Math.max(lists.length - 1, 0));
        const marker = list?.ordered ? `${list.next++}. ` : '- ';
        out = `${out.replace(/[ \t]+$/, '')}${out.endsWith('\n') || out === '' ? '' : '\n'}${indent}${marker}`;
        break;
      }
      case 'tr':
        firstCell = true;
        break;
      case 'td':
      case 'th':
        if (!firstCell) out += ' | ';
        firstCell = false;
        break;
      case 'a':
        links.push(decodeEntities(/href="([^"]*)"/.exec(attributes)?.[1] ?? ''));
        linkTextStart = out.length;
        break;
      case 'img': {
        const src = decodeEntities(/src="([^"]*)"/.exec(attributes)?.[1] ?? '');
        const alt = decodeEntities(/alt="([^"]*)"/.exec(attributes)?.[1] ?? '');
        out += `${alt ? `${alt} ` : ''}(${origin}${src})`;
        break;
      }
    }
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^\u00a0+/, (run) => ' '.repeat(run.length)))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'table']);
const IMG = /<img src="([^"]*)" alt="([^"]*)" ?\/?>/g;

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1]?.toLowerCase() === 'x'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}
