import sanitizeHtml from 'sanitize-html';

/**
 * The one allow-list of what a message may contain once rendered, for the portal, the console and
 * mail alike. Everything else is dropped: no style (the CSP forbids inline styles and CSS can
 * fetch), no event handler, no frame, no SVG or MathML. Links go only to http, https or mailto and
 * open apart from the page; pictures come only from our own attachment previews, which are images
 * re-encoded by the server.
 */
export function sanitiseRichHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** An inline picture is an attachment's preview, served by our origin as a re-encoded image. */
export const ATTACHMENT_PICTURE =
  /^\/api\/attachments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(preview|thumbnail)$/;

/** The elements a rendered message may hold. */
export const MESSAGE_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...MESSAGE_TAGS],
  // rel and target are set on every link by transformTags below, whatever came in.
  allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'xmp'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !ATTACHMENT_PICTURE.test(frame.attribs.src ?? ''),
};
