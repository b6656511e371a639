import type { Language, Translations } from '../../i18n/language';

/** The files of an export archive, in the order the README lists them, with what each holds. */
export const ARCHIVE_FILES: { file: string; text: Translations }[] = [
  {
    file: 'manifest.json',
    text: {
      fr: 'format, date, sujet de l’export, nombre d’éléments par fichier et liste des pièces jointes avec leur empreinte SHA-256',
      de: 'Format, Datum, Gegenstand des Exports, Anzahl Einträge je Datei und Liste der Anhänge mit ihrer SHA-256-Prüfsumme',
      en: 'format, date, subject of the export, number of entries per file and the list of attachments with their SHA-256',
    },
  },
  {
    file: 'company.json',
    text: { fr: 'la société', de: 'die Firma', en: 'the company' },
  },
  {
    file: 'users.json',
    text: {
      fr: 'les comptes (sans mot de passe)',
      de: 'die Konten (ohne Passwort)',
      en: 'the accounts (without passwords)',
    },
  },
  { file: 'contracts.json', text: { fr: 'les contrats', de: 'die Verträge', en: 'the contracts' } },
  {
    file: 'tickets.json',
    text: {
      fr: 'les tickets, chacun avec ses messages, son historique (events), ses pièces jointes et ses abonnés',
      de: 'die Tickets, jedes mit seinen Nachrichten, seinem Verlauf (events), seinen Anhängen und Beobachtern',
      en: 'the tickets, each with its messages, its history (events), its attachments and its watchers',
    },
  },
  {
    file: 'time-entries.json',
    text: { fr: 'le temps saisi', de: 'die erfasste Zeit', en: 'the time logged' },
  },
  {
    file: 'flex-ledger.json',
    text: {
      fr: 'les mouvements du solde Flex, en minutes',
      de: 'die Bewegungen des Flex-Guthabens, in Minuten',
      en: 'the Flex balance movements, in minutes',
    },
  },
  {
    file: 'surveys.json',
    text: {
      fr: 'les enquêtes de satisfaction',
      de: 'die Zufriedenheitsumfragen',
      en: 'the satisfaction surveys',
    },
  },
  {
    file: 'account-requests.json',
    text: { fr: 'les demandes de compte', de: 'die Kontoanfragen', en: 'the account requests' },
  },
  {
    file: 'notifications.json',
    text: { fr: 'les notifications', de: 'die Benachrichtigungen', en: 'the in-app notices' },
  },
  {
    file: 'mails.json',
    text: {
      fr: 'les e-mails envoyés (file d’envoi et copies conservées) et reçus (le message brut est dans mails/inbound/<id>.eml)',
      de: 'die gesendeten E-Mails (Warteschlange und gespeicherte Kopien) und empfangenen (die Rohnachricht liegt in mails/inbound/<id>.eml)',
      en: 'the mails sent (outbox and stored copies) and received (the raw message is in mails/inbound/<id>.eml)',
    },
  },
  {
    file: 'audit.json',
    text: {
      fr: 'les entrées du journal d’administration',
      de: 'die Einträge des Administrationsprotokolls',
      en: 'the administration audit entries',
    },
  },
  {
    file: 'sessions.json',
    text: {
      fr: 'les sessions ouvertes et jetons d’API (sans leur secret)',
      de: 'die offenen Sitzungen und API-Token (ohne Geheimnis)',
      en: 'the open sessions and API tokens (without their secrets)',
    },
  },
  {
    file: 'attachments/<id>/<file>',
    text: {
      fr: 'le contenu de chaque pièce jointe ; son chemin figure dans tickets.json (`archivePath`)',
      de: 'der Inhalt jedes Anhangs; sein Pfad steht in tickets.json (`archivePath`)',
      en: 'the content of each attachment; its path is given in tickets.json (`archivePath`)',
    },
  },
];

const intro: Translations = {
  fr: 'Données personnelles exportées de Guichet. Fichiers JSON en UTF-8 ; dates en ISO 8601 (UTC) ; identifiants UUID. Les champs portent les noms de la base de données.',
  de: 'Aus Guichet exportierte Personendaten. JSON-Dateien in UTF-8; Zeitangaben in ISO 8601 (UTC); Kennungen als UUID. Die Felder tragen die Namen der Datenbank.',
  en: 'Personal data exported from Guichet. JSON files in UTF-8; instants in ISO 8601 (UTC); identifiers are UUIDs. Fields carry the database names.',
};

/** The README.md of an archive, in the language of the person who asked for it. */
export function archiveReadme(language: Language, subjectLine: string, createdAt: string): string {
  const lines = [
    `# Guichet — ${subjectLine}`,
    '',
    intro[language],
    '',
    createdAt,
    '',
    ...ARCHIVE_FILES.map(({ file, text }) => `- \`${file}\`: ${text[language]}`),
    '',
  ];
  return lines.join('\n');
}
