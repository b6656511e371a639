import type { Language } from '../../i18n/language';
import { richHtmlForMail, richHtmlToText } from '../../rich-text/mail';
import { renderRichText } from '../../rich-text/render';
import type { Block, Footer, Rendered } from './types';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const footers: Record<Footer, Record<Language, string>> = {
  reply: {
    fr: 'Vous pouvez répondre directement à ce message : votre réponse sera ajoutée à la demande.',
    de: 'Sie können direkt auf diese Nachricht antworten: Ihre Antwort wird der Anfrage hinzugefügt.',
    en: 'You can reply to this message directly: your answer will be added to the request.',
  },
  closed: {
    fr: 'Cette demande est fermée : une réponse à ce message n’y serait pas ajoutée. Pour toute nouvelle question, ouvrez une nouvelle demande :',
    de: 'Diese Anfrage ist geschlossen: Eine Antwort auf diese Nachricht würde ihr nicht hinzugefügt. Für eine neue Frage eröffnen Sie bitte eine neue Anfrage:',
    en: 'This request is closed: a reply to this message would not be added to it. For any new question, please open a new request:',
  },
  automatic: {
    fr: 'Ce message a été envoyé automatiquement par le portail de support Guichet. Pour nous écrire, utilisez le portail.',
    de: 'Diese Nachricht wurde automatisch vom Support-Portal Guichet versandt. Um uns zu schreiben, nutzen Sie bitte das Portal.',
    en: 'This message was sent automatically by the Guichet support portal. To write to us, please use the portal.',
  },
};

const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : '#');

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'action':
      return `<p style="margin:24px 0"><a href="${escapeHtml(safeUrl(block.url))}" style="background:#1c4f8a;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #c5cdd6;color:#333333;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
    case 'message':
      return `<div style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #c5cdd6;color:#333333">${richHtmlForMail(renderRichText(block), block.origin)}</div>`;
    case 'facts':
      return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
        .map(
          ([k, v]) =>
            `<tr><th scope="row" style="text-align:left;padding:2px 16px 2px 0;font-weight:600">${escapeHtml(k)}</th><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`,
        )
        .join('')}</table>`;
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'p':
      return block.text;
    case 'action':
      return `${block.label}:\n${block.url}`;
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'message':
      return richHtmlToText(renderRichText(block), block.origin);
    case 'facts': {
      const width = Math.max(...block.rows.map(([k]) => k.length));
      return block.rows.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`).join('\n');
    }
  }
}

/**
 * Both bodies of a mail from its blocks; the footer says what an answer to the mail does, and
 * for a closed request where to open a new one (`newRequestUrl`).
 */
export function layout(
  language: Language,
  subject: string,
  blocks: Block[],
  options: { footer: Footer; newRequestUrl?: string },
): Rendered {
  const footer = footers[options.footer][language];
  const link = options.footer === 'closed' ? options.newRequestUrl : undefined;
  const footerHtml = link
    ? `${escapeHtml(footer)} <a href="${escapeHtml(safeUrl(link))}">${escapeHtml(link)}</a>`
    : escapeHtml(footer);
  const footerText = link ? `${footer}\n${link}` : footer;
  const html = `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">
${blocks.map(blockHtml).join('\n')}
<hr style="border:none;border-top:1px solid #dde3e9;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#555555">${footerHtml}</p>
</div>
</body>
</html>
`;
  const text = `${blocks.map(blockText).join('\n\n')}\n\n-- \n${footerText}\n`;
  return { subject, html, text };
}
