import type { Language } from '../../../i18n/language';

type Texts = Record<Language, string>;

/** The sentences of the timeline, with {placeholders} filled by `describeEvent`. */
export const SENTENCES = {
  created: {
    fr: '{actor} a ouvert la demande',
    de: '{actor} hat die Anfrage eröffnet',
    en: '{actor} opened the request',
  },
  createdOnBehalf: {
    fr: '{actor} a ouvert la demande au nom de {person}',
    de: '{actor} hat die Anfrage im Namen von {person} eröffnet',
    en: '{actor} opened the request on behalf of {person}',
  },
  qualified: {
    fr: '{actor} a qualifié la demande',
    de: '{actor} hat die Anfrage qualifiziert',
    en: '{actor} qualified the request',
  },
  statusChanged: {
    fr: '{actor} a changé le statut',
    de: '{actor} hat den Status geändert',
    en: '{actor} changed the status',
  },
  criticalityLowered: {
    fr: '{actor} a abaissé la criticité',
    de: '{actor} hat die Kritikalität gesenkt',
    en: '{actor} lowered the criticality',
  },
  criticalityRaised: {
    fr: '{actor} a relevé la criticité',
    de: '{actor} hat die Kritikalität erhöht',
    en: '{actor} raised the criticality',
  },
  typeChanged: {
    fr: '{actor} a changé le type de demande',
    de: '{actor} hat den Anfragetyp geändert',
    en: '{actor} changed the request type',
  },
  assigned: {
    fr: 'Attribuée à {person} par {actor}',
    de: 'Zugewiesen an {person} durch {actor}',
    en: 'Assigned to {person} by {actor}',
  },
  unassigned: {
    fr: '{actor} a retiré l’attribution',
    de: '{actor} hat die Zuweisung aufgehoben',
    en: '{actor} removed the assignment',
  },
  taken: {
    fr: '{actor} a pris la demande en charge',
    de: '{actor} hat die Anfrage übernommen',
    en: '{actor} took charge of the request',
  },
  transferred: {
    fr: '{actor} a transféré la demande au Consulting',
    de: '{actor} hat die Anfrage an das Consulting übergeben',
    en: '{actor} transferred the request to Consulting',
  },
  closed: {
    fr: '{actor} a fermé la demande',
    de: '{actor} hat die Anfrage geschlossen',
    en: '{actor} closed the request',
  },
  closedAutomatically: {
    fr: 'La demande a été fermée automatiquement',
    de: 'Die Anfrage wurde automatisch geschlossen',
    en: 'The request was closed automatically',
  },
  answered: { fr: '{actor} a répondu', de: '{actor} hat geantwortet', en: '{actor} answered' },
  answeredByMail: {
    fr: '{actor} a répondu par e-mail',
    de: '{actor} hat per E-Mail geantwortet',
    en: '{actor} answered by e-mail',
  },
  internalNote: {
    fr: 'Note interne de {actor}',
    de: 'Interne Notiz von {actor}',
    en: 'Internal note by {actor}',
  },
  attachedOne: {
    fr: '{actor} a joint un fichier : {names}',
    de: '{actor} hat eine Datei angehängt: {names}',
    en: '{actor} attached a file: {names}',
  },
  attachedMany: {
    fr: '{actor} a joint {count} fichiers : {names}',
    de: '{actor} hat {count} Dateien angehängt: {names}',
    en: '{actor} attached {count} files: {names}',
  },
  refusedReply: {
    fr: 'Réponse de {person} refusée : la demande était fermée',
    de: 'Antwort von {person} abgelehnt: die Anfrage war geschlossen',
    en: 'Reply from {person} refused: the request was closed',
  },
  reminderSent: {
    fr: 'Rappel n° {number} envoyé au client',
    de: 'Erinnerung Nr. {number} an den Kunden gesendet',
    en: 'Reminder no. {number} sent to the customer',
  },
  reminderQueued: {
    fr: "Rappel n° {number} mis en file d'envoi",
    de: 'Erinnerung Nr. {number} zum Versand bereitgestellt',
    en: 'Reminder no. {number} queued for sending',
  },
  reminderNoContact: {
    fr: "Rappel n° {number} non envoyé : aucun contact client à qui l'adresser",
    de: 'Erinnerung Nr. {number} nicht gesendet: kein Kundenkontakt, an den sie gehen könnte',
    en: 'Reminder no. {number} not sent: no customer contact to send it to',
  },
  reminderDropped: {
    fr: "Rappel n° {number} non envoyé : la demande n'attendait plus le client",
    de: 'Erinnerung Nr. {number} nicht gesendet: die Anfrage wartete nicht mehr auf den Kunden',
    en: 'Reminder no. {number} not sent: the request no longer waited on the customer',
  },
  reminderRefused: {
    fr: 'Rappel n° {number} non envoyé : refusé par le serveur de messagerie',
    de: 'Erinnerung Nr. {number} nicht gesendet: vom Mailserver abgelehnt',
    en: 'Reminder no. {number} not sent: refused by the mail server',
  },
  mailNotSent: {
    fr: "Un e-mail prévu n'a pas été envoyé",
    de: 'Eine vorgesehene E-Mail wurde nicht gesendet',
    en: 'A planned e-mail was not sent',
  },
  autoCloseSuspended: {
    fr: "Fermeture automatique suspendue : le rappel n° {number} n'a pas pu être envoyé",
    de: 'Automatische Schliessung ausgesetzt: Erinnerung Nr. {number} konnte nicht gesendet werden',
    en: 'Automatic closing suspended: reminder no. {number} could not be sent',
  },
  autoCloseDue: {
    fr: 'Fermeture automatique prévue le {date}',
    de: 'Automatische Schliessung vorgesehen am {date}',
    en: 'Automatic closing due on {date}',
  },
  slaRecomputed: {
    fr: 'Échéances SLA recalculées : {cause}',
    de: 'SLA-Fristen neu berechnet: {cause}',
    en: 'SLA due times recomputed: {cause}',
  },
  changed: {
    fr: '{actor} a modifié la demande',
    de: '{actor} hat die Anfrage geändert',
    en: '{actor} changed the request',
  },
  system: { fr: 'Le système', de: 'Das System', en: 'The system' },
  someone: { fr: 'Une personne', de: 'Eine Person', en: 'Someone' },
  surveyAnswered: {
    fr: '{actor} a évalué le traitement de la demande : {score} sur 5',
    de: '{actor} hat die Bearbeitung der Anfrage bewertet: {score} von 5',
    en: '{actor} rated the handling of the request: {score} out of 5',
  },
  surveyComment: { fr: 'Commentaire : {comment}', de: 'Kommentar: {comment}', en: 'Comment: {comment}' },
  reason: { fr: 'Raison : {reason}', de: 'Begründung: {reason}', en: 'Reason: {reason}' },
  field: { fr: '{label} : {from} → {to}', de: '{label}: {from} → {to}', en: '{label}: {from} → {to}' },
  fieldSet: { fr: '{label} : {value}', de: '{label}: {value}', en: '{label}: {value}' },
} satisfies Record<string, Texts>;

/** Why the SLA due times were recomputed: the administration change that caused it. */
export const SLA_CAUSES: Record<'targets' | 'override' | 'calendar' | 'other', Texts> = {
  targets: { fr: 'objectifs SLA modifiés', de: 'SLA-Ziele geändert', en: 'SLA targets changed' },
  override: {
    fr: 'objectifs du contrat modifiés',
    de: 'Vertragsziele geändert',
    en: 'contract targets changed',
  },
  calendar: { fr: 'calendrier modifié', de: 'Kalender geändert', en: 'calendar changed' },
  other: { fr: 'paramètres SLA modifiés', de: 'SLA-Einstellungen geändert', en: 'SLA settings changed' },
};

/** Labels of the fields a timeline entry may show as "label: before → after". */
export const FIELD_LABELS = {
  status: { fr: 'Statut', de: 'Status', en: 'Status' },
  criticality: { fr: 'Criticité', de: 'Kritikalität', en: 'Criticality' },
  requestTypeId: { fr: 'Type', de: 'Typ', en: 'Type' },
  assigneeId: { fr: 'Attribuée à', de: 'Zugewiesen an', en: 'Assigned to' },
  desk: { fr: 'Service', de: 'Bereich', en: 'Desk' },
  rpcReference: { fr: 'Référence RPC', de: 'RPC-Referenz', en: 'RPC reference' },
  spcReference: { fr: 'Référence SPC', de: 'SPC-Referenz', en: 'SPC reference' },
  closeReason: { fr: 'Motif de fermeture', de: 'Schliessungsgrund', en: 'Closing reason' },
  engagementDueAt: { fr: 'Prise en charge due', de: 'Übernahme fällig', en: 'Taken in charge by' },
  resolutionDueAt: { fr: 'Résolution due', de: 'Lösung fällig', en: 'Resolution due' },
  slaState: { fr: 'État SLA', de: 'SLA-Status', en: 'SLA state' },
} satisfies Record<string, Texts>;

export type DescribedField = keyof typeof FIELD_LABELS;

export const SLA_STATE_LABELS: Record<string, Texts> = {
  none: { fr: 'aucun', de: 'keiner', en: 'none' },
  running: { fr: 'en cours', de: 'läuft', en: 'running' },
  paused: { fr: 'en pause', de: 'pausiert', en: 'paused' },
  at_risk: { fr: 'à risque', de: 'gefährdet', en: 'at risk' },
  breached: { fr: 'dépassé', de: 'verletzt', en: 'breached' },
  met: { fr: 'tenu', de: 'eingehalten', en: 'met' },
  stopped: { fr: 'arrêté', de: 'gestoppt', en: 'stopped' },
};

/** Shown for a value the reader cannot be told (a person or type since deleted, an unknown state). */
export const UNKNOWN: Texts = { fr: 'inconnu', de: 'unbekannt', en: 'unknown' };
