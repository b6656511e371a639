import { useTranslation } from 'react-i18next';
import { loadArea } from '../../i18n/index';

/** The staff console's texts: a namespace of its own, loaded with the console's pages only. */
export const staffNamespace = 'staff';

await loadArea(staffNamespace, {
  fr: () => import('../../i18n/staff.fr.json'),
  de: () => import('../../i18n/staff.de.json'),
  en: () => import('../../i18n/staff.en.json'),
});

/** `st('queue.title')`: a text of the staff console in the current language. */
export function useStaffT() {
  const { t, i18n } = useTranslation(staffNamespace);
  return { st: t, i18n, language: i18n.language };
}
