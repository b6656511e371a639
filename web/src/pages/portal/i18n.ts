import { loadArea } from '../../i18n/index';

/**
 * The customer portal's texts: a namespace of its own (`t('portal:…')`), loaded in the reader's
 * language when the first portal page loads, so they never weigh on the first page's script.
 */
export const portalNamespace = 'portal';

await loadArea(portalNamespace, {
  fr: () => import('../../i18n/portal.fr.json'),
  de: () => import('../../i18n/portal.de.json'),
  en: () => import('../../i18n/portal.en.json'),
});
