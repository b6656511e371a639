import { createHash } from 'node:crypto';

/**
 * A browser loads its calendar, time-zone and number data (ICU) the first time a page makes an Intl
 * format: 50–70 ms here, about a quarter of a second on a phone, in one piece. This fixed script at
 * the top of every page makes that first format while the styles download, before the first paint,
 * so the app's own formats (src/i18n/format.ts) and i18next's plural rules then cost a millisecond
 * instead of blocking the page once it is shown. The content security policy allows it by its hash.
 */
export const intlWarmUpScript =
  "try{var l=document.documentElement.lang||'fr';" +
  "new Intl.DateTimeFormat(l,{timeZone:'Europe/Zurich',hour:'2-digit'}).format(0);" +
  'new Intl.NumberFormat(l).format(0)}catch(e){}';

export const intlWarmUpScriptHash = `'sha256-${createHash('sha256').update(intlWarmUpScript).digest('base64')}'`;

export const intlWarmUpTag = `<script>${intlWarmUpScript}</script>`;
