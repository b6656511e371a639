import type { CloseReason, Criticality, TicketStatus } from '../domain/tickets/index';
import type { Translations } from './language';

/**
 * The one source of the words for a ticket's status, criticality and closing reason, in fr, de
 * and en: the server's answers, the mails and the web client (portal and console) all read them
 * here, so a status is called the same everywhere. The French labels are the reference wording
 * of the domain (R4, R6); the terms follow src/i18n/glossary.json.
 */

export const statusLabels: Record<TicketStatus, Translations> = {
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

/** Whose turn it is, in a few words (lists); the same meaning as the sentence below. */
export const statusTurns: Record<TicketStatus, Translations> = {
  open: { fr: 'À nous : qualification', de: 'Bei uns: Qualifizierung', en: 'Our turn: qualification' },
  qualified: { fr: 'À nous : prise en charge', de: 'Bei uns: Übernahme', en: 'Our turn: pick-up' },
  in_progress: { fr: 'À nous : analyse en cours', de: 'Bei uns: in Analyse', en: 'Our turn: analysis' },
  waiting_customer: {
    fr: 'À vous : votre réponse est attendue',
    de: 'Bei Ihnen: Ihre Antwort wird erwartet',
    en: 'Your turn: we await your answer',
  },
  waiting_development: { fr: 'Au développement', de: 'Bei der Entwicklung', en: 'With Development' },
  transferred_development: { fr: 'Au développement', de: 'Bei der Entwicklung', en: 'With Development' },
  transferred_consulting: { fr: 'Au consulting', de: 'Beim Consulting', en: 'With Consulting' },
  closed: { fr: 'Terminé', de: 'Abgeschlossen', en: 'Done' },
};

/** Whose turn it is and what happens next, in one sentence (a request's page, mails). */
export const statusNextSteps: Record<TicketStatus, Translations> = {
  open: {
    fr: 'Le support va qualifier votre demande (type et criticité).',
    de: 'Der Support prüft Ihre Anfrage und legt Typ und Kritikalität fest.',
    en: 'Support will review your request and confirm its type and criticality.',
  },
  qualified: {
    fr: 'Votre demande est qualifiée ; elle sera prise en charge prochainement.',
    de: 'Ihre Anfrage ist qualifiziert und wird in Kürze übernommen.',
    en: 'Your request is qualified and will be picked up shortly.',
  },
  in_progress: {
    fr: 'Votre demande est en cours d’analyse.',
    de: 'Ihre Anfrage wird bearbeitet.',
    en: 'We are working on your request.',
  },
  waiting_customer: {
    fr: 'Nous attendons votre réponse pour continuer.',
    de: 'Wir warten auf Ihre Antwort, um weiterzuarbeiten.',
    en: 'We are waiting for your answer to continue.',
  },
  waiting_development: {
    fr: 'Le département Développement examine la question (référence RPC).',
    de: 'Die Entwicklungsabteilung prüft die Frage (RPC-Referenz).',
    en: 'The Development department is looking into it (RPC reference).',
  },
  transferred_development: {
    fr: 'Le département Développement prépare la correction (référence SPC).',
    de: 'Die Entwicklungsabteilung arbeitet an der Korrektur (SPC-Referenz).',
    en: 'The Development department is working on the fix (SPC reference).',
  },
  transferred_consulting: {
    fr: 'Le département Consulting va prendre en charge votre demande (prestation facturée en régie).',
    de: 'Die Consulting-Abteilung übernimmt Ihre Anfrage (nach Aufwand verrechnet).',
    en: 'The Consulting department will take over your request (billed on time spent).',
  },
  closed: {
    fr: 'Cette demande est fermée. Pour toute nouvelle question, ouvrez une nouvelle demande.',
    de: 'Diese Anfrage ist geschlossen. Für eine neue Frage eröffnen Sie bitte eine neue Anfrage.',
    en: 'This request is closed. For any new question, please open a new request.',
  },
};

export const criticalityLabels: Record<Criticality, Translations> = {
  critique: { fr: 'Critique', de: 'Kritisch', en: 'Critical' },
  haute: { fr: 'Haute', de: 'Hoch', en: 'High' },
  moyenne: { fr: 'Moyenne', de: 'Mittel', en: 'Medium' },
  basse: { fr: 'Basse', de: 'Niedrig', en: 'Low' },
};

/** R4: shown at the choice, addressed to the customer, so they pick the right one. */
export const criticalityDefinitions: Record<Criticality, Translations> = {
  critique: {
    fr: 'Un processus vital est bloqué, sans contournement, et votre entreprise risque une perte de chiffre d’affaires.',
    de: 'Ein geschäftskritischer Prozess steht still, es gibt keine Umgehung, und Ihrem Unternehmen droht Umsatzverlust.',
    en: 'A vital process is blocked with no workaround, and your company risks losing revenue.',
  },
  haute: {
    fr: 'Un processus vital est bloqué, sans risque immédiat de perte de chiffre d’affaires.',
    de: 'Ein geschäftskritischer Prozess steht still, ohne unmittelbare Gefahr von Umsatzverlust.',
    en: 'A vital process is blocked, with no immediate risk of lost revenue.',
  },
  moyenne: {
    fr: 'Un contournement existe, mais il est difficile et coûteux.',
    de: 'Eine Umgehung ist möglich, aber schwierig und aufwendig.',
    en: 'A workaround exists, but it is hard and costly.',
  },
  basse: {
    fr: 'Le contournement est facile, ou il s’agit de confort.',
    de: 'Eine Umgehung ist einfach, oder es geht um mehr Komfort.',
    en: 'An easy workaround exists, or it is a matter of comfort.',
  },
};

export const closeReasonLabels: Record<CloseReason, Translations> = {
  solution_delivered: { fr: 'Solution livrée', de: 'Lösung geliefert', en: 'Solution delivered' },
  no_answer: { fr: 'Sans réponse', de: 'Keine Antwort', en: 'No answer' },
  closed_by_customer: {
    fr: 'Fermé par le client',
    de: 'Vom Kunden geschlossen',
    en: 'Closed by the customer',
  },
  retention: {
    fr: 'Durée de conservation échue',
    de: 'Aufbewahrungsfrist abgelaufen',
    en: 'Retention period over',
  },
};

type Language = keyof Translations;

/**
 * The labels of one language as a tree of texts, for the web client's i18next namespace
 * `labels` (`t('labels:status.open')`, `t('labels:criticality.haute')`, …).
 */
export function ticketLabelTree(language: Language) {
  const pick = <K extends string>(table: Record<K, Translations>) =>
    Object.fromEntries(
      Object.entries<Translations>(table).map(([key, text]) => [key, text[language]]),
    ) as Record<K, string>;
  return {
    status: pick(statusLabels),
    turn: pick(statusTurns),
    nextStep: pick(statusNextSteps),
    criticality: pick(criticalityLabels),
    criticalityDefinition: pick(criticalityDefinitions),
    closeReason: pick(closeReasonLabels),
  };
}
