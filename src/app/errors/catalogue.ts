import type { ErrorEntry } from './types';

/** Request types, projects, attachments and ticket lists. */
export const catalogueErrors = {
  request_type_code_taken: {
    status: 409,
    message: {
      fr: 'Un type de demande avec le code « {code} » existe déjà.',
      de: 'Ein Anfragetyp mit dem Code «{code}» existiert bereits.',
      en: 'A request type with the code "{code}" already exists.',
    },
  },
  attachment_missing: {
    status: 400,
    message: {
      fr: 'Aucun fichier n’a été reçu.',
      de: 'Es wurde keine Datei empfangen.',
      en: 'No file was received.',
    },
  },
  attachment_type_refused: {
    status: 415,
    message: {
      fr: 'Le fichier « {file} » n’est pas d’un type accepté. Types acceptés : PDF, images (PNG, JPEG, GIF, WebP), archives ZIP, documents Word, Excel et PowerPoint, messages e-mail et fichiers texte.',
      de: 'Die Datei «{file}» hat keinen zulässigen Typ. Zulässig sind: PDF, Bilder (PNG, JPEG, GIF, WebP), ZIP-Archive, Word-, Excel- und PowerPoint-Dokumente, E-Mail-Nachrichten und Textdateien.',
      en: 'The file "{file}" is not of an accepted type. Accepted: PDF, images (PNG, JPEG, GIF, WebP), ZIP archives, Word, Excel and PowerPoint documents, e-mail messages and text files.',
    },
  },
  attachment_too_large: {
    status: 413,
    message: {
      fr: 'Le fichier « {file} » dépasse la taille maximale de {maxMb} Mo par fichier.',
      de: 'Die Datei «{file}» überschreitet die maximale Grösse von {maxMb} MB pro Datei.',
      en: 'The file "{file}" exceeds the maximum size of {maxMb} MB per file.',
    },
  },
  ticket_attachments_full: {
    status: 413,
    message: {
      fr: 'Le fichier « {file} » ne peut pas être ajouté : les pièces jointes de ce ticket dépasseraient {maxMb} Mo au total.',
      de: 'Die Datei «{file}» kann nicht hinzugefügt werden: Die Anhänge dieses Tickets würden insgesamt {maxMb} MB überschreiten.',
      en: 'The file "{file}" cannot be added: this ticket’s attachments would exceed {maxMb} MB in total.',
    },
  },
  attachment_infected: {
    status: 422,
    message: {
      fr: 'Le fichier « {file} » a été refusé : l’antivirus y a détecté un logiciel malveillant.',
      de: 'Die Datei «{file}» wurde abgelehnt: Der Virenscanner hat darin Schadsoftware erkannt.',
      en: 'The file "{file}" was refused: the virus scanner found malware in it.',
    },
  },
  company_storage_full: {
    status: 413,
    message: {
      fr: 'Le fichier « {file} » ne peut pas être ajouté : l’espace de stockage de la société ({quotaMb} Mo) serait dépassé. Adressez-vous au support.',
      de: 'Die Datei «{file}» kann nicht hinzugefügt werden: Der Speicherplatz der Firma ({quotaMb} MB) würde überschritten. Wenden Sie sich an den Support.',
      en: 'The file "{file}" cannot be added: the company’s storage space ({quotaMb} MB) would be exceeded. Please contact support.',
    },
  },
  too_many_files: {
    status: 413,
    message: {
      fr: 'Trop de fichiers dans un seul envoi : {maxFiles} au plus.',
      de: 'Zu viele Dateien in einer Sendung: höchstens {maxFiles}.',
      en: 'Too many files in one upload: {maxFiles} at most.',
    },
  },
  upload_too_large: {
    status: 413,
    message: {
      fr: 'Cet envoi dépasse {maxMb} Mo, le total des pièces jointes permis sur un ticket : envoyez moins de fichiers ou des fichiers plus petits.',
      de: 'Diese Sendung überschreitet {maxMb} MB, die zulässige Gesamtgrösse der Anhänge eines Tickets: Senden Sie weniger oder kleinere Dateien.',
      en: 'This upload exceeds {maxMb} MB, the total allowed for a ticket’s attachments: send fewer or smaller files.',
    },
  },
} satisfies Record<string, ErrorEntry>;
