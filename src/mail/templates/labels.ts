import type { Language } from '../../i18n/language';
import { closeReasonLabels, criticalityLabels, statusLabels } from '../../i18n/ticket-labels';

type LabelTable = Record<string, Record<Language, string>>;

/** Customer-visible labels of ticket fields (R4, R6), from the one source of ticket labels. */
export { closeReasonLabels, criticalityLabels, statusLabels };

export const slaTargetLabels: LabelTable = {
  engagement: { fr: 'Prise en charge', de: 'Übernahme', en: 'Engagement' },
  resolution: { fr: 'Résolution', de: 'Lösung', en: 'Resolution' },
};

/** The label of a value in the reader's language, or the value itself when it is unknown. */
export function label(table: LabelTable, value: string, language: Language) {
  return table[value]?.[language] ?? value;
}
