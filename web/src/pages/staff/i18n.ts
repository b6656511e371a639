import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import de from '../../i18n/staff.de.json';
import en from '../../i18n/staff.en.json';
import fr from '../../i18n/staff.fr.json';

/** The staff console's texts: a namespace of its own, loaded with the console's pages only. */
export const staffNamespace = 'staff';
export const staffResources = { fr, de, en };

for (const [language, bundle] of Object.entries(staffResources)) {
  if (!i18next.hasResourceBundle(language, staffNamespace)) {
    i18next.addResourceBundle(language, staffNamespace, bundle, true, false);
  }
}

/** `st('queue.title')`: a text of the staff console in the current language. */
export function useStaffT() {
  const { t, i18n } = useTranslation(staffNamespace);
  return { st: t, i18n, language: i18n.language };
}
