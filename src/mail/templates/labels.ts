import type { Language } from '../../i18n/language';

/** Customer-visible labels of ticket fields (R4, R6), as mails show them. */
export const statusLabels: Record<string, Record<Language, string>> = {
  open: { fr: 'Ouvert', de: 'Offen', en: 'Open' },
  qualified: { fr: 'Qualifié', de: 'Qualifiziert', en: 'Qualified' },
  in_progress: { fr: 'En cours', de: 'In Bearbeitung', en: 'In progress' },
  waiting_customer: { fr: 'Attente client', de: 'Warten auf Kunde', en: 'Waiting for customer' },
  waiting_development: {
    fr: 'Attente développement (RPC)',
    de: 'Warten auf Entwicklung (RPC)',
    en: 'Waiting for development (RPC)',
  },
  transferred_development: {
    fr: 'Transféré au développement (SPC)',
    de: 'An die Entwicklung übergeben (SPC)',
    en: 'Transferred to development (SPC)',
  },
  transferred_consulting: {
    fr: 'Transféré au consulting',
    de: 'An Consulting übergeben',
    en: 'Transferred to consulting',
  },
  closed: { fr: 'Fermé', de: 'Geschlossen', en: 'Closed' },
};

export const criticalityLabels: Record<string, Record<Language, string>> = {
  basse: { fr: 'Basse', de: 'Niedrig', en: 'Low' },
  moyenne: { fr: 'Moyenne', de: 'Mittel', en: 'Medium' },
  haute: { fr: 'Haute', de: 'Hoch', en: 'High' },
  critique: { fr: 'Critique', de: 'Kritisch', en: 'Critical' },
};

export const closeReasonLabels: Record<string, Record<Language, string>> = {
  solution_delivered: { fr: 'Solution livrée', de: 'Lösung geliefert', en: 'Solution delivered' },
  no_answer: {
    fr: 'Sans réponse de votre part depuis 20 jours',
    de: 'Seit 20 Tagen keine Antwort Ihrerseits',
    en: 'No answer from you for 20 days',
  },
  closed_by_customer: {
    fr: 'Fermé par le client',
    de: 'Vom Kunden geschlossen',
    en: 'Closed by the customer',
  },
};

export const slaTargetLabels: Record<string, Record<Language, string>> = {
  engagement: { fr: 'Prise en charge', de: 'Übernahme', en: 'Engagement' },
  resolution: { fr: 'Résolution', de: 'Lösung', en: 'Resolution' },
};

/** The label of a value in the reader's language, or the value itself when it is unknown. */
export function label(table: Record<string, Record<Language, string>>, value: string, language: Language) {
  return table[value]?.[language] ?? value;
}
