import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * A browser loads its calendar, time-zone and number data (ICU) the first time a page makes an Intl
 * format: 40–100 ms here, a quarter of a second or more on a phone, in one piece. This fixed script at
 * the top of every page makes that first format while the styles download, before the first paint,
 * so the app's own formats (src/i18n/format.ts) and i18next's plural rules then cost a millisecond
 * instead of blocking the page once it is shown.
 *
 * It is a file of its own, not inline: a synchronous script the page names is part of what the
 * browser does before its first paint, by any measure, while an inline one shares the HTML parser's
 * task, which a parser may split from the paint's (and Lighthouse then counts the formats as
 * blocking the shown page). Its name carries its hash, so a browser keeps it for good.
 */
export const intlWarmUpScript =
  "try{var l=document.documentElement.lang||'fr';" +
  "new Intl.DateTimeFormat(l,{timeZone:'Europe/Zurich',hour:'2-digit'}).format(0);" +
  'new Intl.NumberFormat(l).format(0)}catch(e){}';

const hash = createHash('sha256').update(intlWarmUpScript).digest('hex').slice(0, 10);

export const intlWarmUpPath = `/assets/intl-warm-up-${hash}.js`;

export const intlWarmUpTag = `<script src="${intlWarmUpPath}"></script>`;

export function registerIntlWarmUp(app: FastifyInstance) {
  app.get(intlWarmUpPath, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(intlWarmUpScript),
  );
}
