import type { ErrorEntry } from './types';

/** Accounts (R13), profile, and administration of companies, users and contracts. */
export const accountsErrors = {
  wrong_password: {
    status: 400,
    message: {
      fr: 'Le mot de passe actuel est incorrect.',
      de: 'Das aktuelle Passwort ist falsch.',
      en: 'The current password is wrong.',
    },
  },
  company_unknown: {
    status: 400,
    message: {
      fr: "Cette société n'existe pas.",
      de: 'Diese Firma existiert nicht.',
      en: 'This company does not exist.',
    },
  },
  mail_domain_taken: {
    status: 409,
    message: {
      fr: 'Le domaine de messagerie {domain} appartient déjà à une autre société.',
      de: 'Die Mail-Domain {domain} gehört bereits zu einer anderen Firma.',
      en: 'The mail domain {domain} already belongs to another company.',
    },
  },
  customer_company_mismatch: {
    status: 400,
    message: {
      fr: "Un client doit appartenir à une société ; un membre du personnel n'appartient à aucune société et ne peut pas être responsable.",
      de: 'Ein Kunde muss zu einer Firma gehören; ein Mitarbeitender gehört zu keiner Firma und kann nicht Verantwortlicher sein.',
      en: 'A customer must belong to a company; a staff member belongs to none and cannot be a manager.',
    },
  },
  cannot_change_own_account: {
    status: 409,
    message: {
      fr: 'Vous ne pouvez ni désactiver votre propre compte ni retirer vos propres droits d’administrateur.',
      de: 'Sie können weder Ihr eigenes Konto deaktivieren noch sich selbst die Administratorrechte entziehen.',
      en: 'You cannot deactivate your own account or remove your own administrator rights.',
    },
  },
  contract_dates_invalid: {
    status: 400,
    message: {
      fr: 'La date de fin du contrat doit être postérieure ou égale à sa date de début.',
      de: 'Das Enddatum des Vertrags muss gleich oder nach dem Startdatum liegen.',
      en: 'The contract end date must be on or after its start date.',
    },
  },
  low_balance_flex_only: {
    status: 400,
    message: {
      fr: "Le seuil d'alerte de solde ne s'applique qu'aux contrats Flex.",
      de: 'Die Warnschwelle für das Guthaben gilt nur für Flex-Verträge.',
      en: 'The low-balance threshold applies to Flex contracts only.',
    },
  },
  invalid_cursor: {
    status: 400,
    message: {
      fr: "La position de pagination n'est pas valable. Rechargez la liste.",
      de: 'Die Blätterposition ist ungültig. Laden Sie die Liste neu.',
      en: 'The page position is not valid. Reload the list.',
    },
  },
} satisfies Record<string, ErrorEntry>;
