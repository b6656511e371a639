import { CLOSE_REASON_LABELS, CRITICALITY_INFO, STATUS_INFO } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';

type LabelTable = Record<string, Record<Language, string>>;

/** Customer-visible labels of ticket fields (R4, R6), from the ticket domain. */
export const statusLabels: LabelTable = Object.fromEntries(
  Object.entries(STATUS_INFO).map(([key, info]) => [key, info.label]),
);
export const criticalityLabels: LabelTable = Object.fromEntries(
  Object.entries(CRITICALITY_INFO).map(([key, info]) => [key, info.label]),
);
export const closeReasonLabels: LabelTable = CLOSE_REASON_LABELS;

export const slaTargetLabels: LabelTable = {
  engagement: { fr: 'Prise en charge', de: 'Übernahme', en: 'Engagement' },
  resolution: { fr: 'Résolution', de: 'Lösung', en: 'Resolution' },
};

/** The label of a value in the reader's language, or the value itself when it is unknown. */
export function label(table: LabelTable, value: string, language: Language) {
  return table[value]?.[language] ?? value;
}
