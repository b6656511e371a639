import type { Localized } from './translations';

/** R6: the life of a ticket. */
export const TICKET_STATUSES = [
  'open',
  'qualified',
  'in_progress',
  'waiting_customer',
  'waiting_development',
  'transferred_development',
  'transferred_consulting',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const isTicketStatus = (value: unknown): value is TicketStatus =>
  typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);

/** Who is expected to act next, shown next to the status so nobody wonders whose turn it is. */
export type NextActor = 'staff' | 'customer' | 'development' | 'consulting' | 'nobody';

export interface StatusInfo {
  label: Localized;
  nextActor: NextActor;
  /** One sentence saying who acts next and what they do. */
  nextStep: Localized;
}

export const STATUS_INFO: Record<TicketStatus, StatusInfo> = {
  open: {
    label: { fr: 'Ouvert', de: 'Offen', en: 'Open' },
    nextActor: 'staff',
    nextStep: {
      fr: 'Le support va qualifier votre demande (type et criticité).',
      de: 'Der Support qualifiziert Ihre Anfrage (Typ und Kritikalität).',
      en: 'Support will qualify your request (type and criticality).',
    },
  },
  qualified: {
    label: { fr: 'Qualifié', de: 'Qualifiziert', en: 'Qualified' },
    nextActor: 'staff',
    nextStep: {
      fr: 'Votre demande est qualifiée ; un consultant va la prendre en charge.',
      de: 'Ihre Anfrage ist qualifiziert; ein Berater wird sie übernehmen.',
      en: 'Your request is qualified; a consultant will pick it up.',
    },
  },
  in_progress: {
    label: { fr: 'En cours', de: 'In Bearbeitung', en: 'In progress' },
    nextActor: 'staff',
    nextStep: {
      fr: 'Un consultant analyse votre demande.',
      de: 'Ein Berater analysiert Ihre Anfrage.',
      en: 'A consultant is analysing your request.',
    },
  },
  waiting_customer: {
    label: { fr: 'Attente client', de: 'Warten auf Kunde', en: 'Waiting for customer' },
    nextActor: 'customer',
    nextStep: {
      fr: 'Nous attendons votre réponse pour continuer.',
      de: 'Wir warten auf Ihre Antwort, um fortzufahren.',
      en: 'We are waiting for your answer to continue.',
    },
  },
  waiting_development: {
    label: {
      fr: 'Attente développement (RPC)',
      de: 'Warten auf Entwicklung (RPC)',
      en: 'Waiting for development (RPC)',
    },
    nextActor: 'development',
    nextStep: {
      fr: 'Le département Développement examine la question (référence RPC).',
      de: 'Die Entwicklungsabteilung prüft die Frage (RPC-Referenz).',
      en: 'The Development department is looking into it (RPC reference).',
    },
  },
  transferred_development: {
    label: {
      fr: 'Transféré au développement (SPC)',
      de: 'An die Entwicklung übergeben (SPC)',
      en: 'Transferred to development (SPC)',
    },
    nextActor: 'development',
    nextStep: {
      fr: 'Le département Développement traite la correction (référence SPC).',
      de: 'Die Entwicklungsabteilung bearbeitet die Korrektur (SPC-Referenz).',
      en: 'The Development department is working on the fix (SPC reference).',
    },
  },
  transferred_consulting: {
    label: { fr: 'Transféré au consulting', de: 'An Consulting übergeben', en: 'Transferred to consulting' },
    nextActor: 'consulting',
    nextStep: {
      fr: 'Le département Consulting va prendre en charge votre demande (prestation facturable).',
      de: 'Die Consulting-Abteilung übernimmt Ihre Anfrage (verrechenbare Leistung).',
      en: 'The Consulting department will take over your request (billable service).',
    },
  },
  closed: {
    label: { fr: 'Fermé', de: 'Geschlossen', en: 'Closed' },
    nextActor: 'nobody',
    nextStep: {
      fr: 'Ce ticket est fermé. Pour toute nouvelle question, ouvrez un nouveau ticket.',
      de: 'Dieses Ticket ist geschlossen. Eröffnen Sie für jede neue Frage ein neues Ticket.',
      en: 'This ticket is closed. For any new question, open a new ticket.',
    },
  },
};

/** R6: closed is final, with one of these reasons. */
export const CLOSE_REASONS = ['solution_delivered', 'no_answer', 'closed_by_customer'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CLOSE_REASON_LABELS: Record<CloseReason, Localized> = {
  solution_delivered: { fr: 'Solution livrée', de: 'Lösung geliefert', en: 'Solution delivered' },
  no_answer: { fr: 'Sans réponse', de: 'Keine Antwort', en: 'No answer' },
  closed_by_customer: {
    fr: 'Fermé par le client',
    de: 'Vom Kunden geschlossen',
    en: 'Closed by the customer',
  },
};
