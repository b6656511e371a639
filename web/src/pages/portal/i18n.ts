import i18next from 'i18next';
import de from '../../i18n/portal.de.json';
import en from '../../i18n/portal.en.json';
import fr from '../../i18n/portal.fr.json';

/**
 * The customer portal's texts: a namespace of its own (`t('portal:…')`), registered when the first
 * portal page loads, so they never weigh on the first page's script.
 */
export const portalNamespace = 'portal';

for (const [language, bundle] of Object.entries({ fr, de, en })) {
  if (!i18next.hasResourceBundle(language, portalNamespace)) {
    i18next.addResourceBundle(language, portalNamespace, bundle, true, false);
  }
}
