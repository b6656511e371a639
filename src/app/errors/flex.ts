import type { ErrorEntry } from './types';

/** The Flex hour bank, time logging and billing runs (R12). */
export const flexErrors = {
  flex_no_active_contract: {
    status: 422,
    message: {
      fr: "Cette société n'a pas de contrat Flex actif.",
      de: 'Diese Firma hat keinen aktiven Flex-Vertrag.',
      en: 'This company has no active Flex contract.',
    },
  },
  flex_amount_invalid: {
    status: 422,
    message: {
      fr: 'Le montant doit être un nombre entier de minutes, différent de zéro (un crédit est positif).',
      de: 'Der Betrag muss eine ganze Zahl von Minuten ungleich null sein (eine Gutschrift ist positiv).',
      en: 'The amount must be a whole number of minutes other than zero (a credit is positive).',
    },
  },
  flex_reason_required: {
    status: 422,
    message: {
      fr: 'Indiquez la raison de cette correction du solde Flex.',
      de: 'Geben Sie den Grund für diese Korrektur des Flex-Guthabens an.',
      en: 'Give the reason for this correction of the Flex balance.',
    },
  },
  time_entry_billed: {
    status: 409,
    message: {
      fr: 'Ce temps a déjà été facturé : il ne peut plus être modifié ni supprimé.',
      de: 'Diese Zeit wurde bereits verrechnet: Sie kann nicht mehr geändert oder gelöscht werden.',
      en: 'This time has already been billed: it can no longer be changed or deleted.',
    },
  },
  time_override_reason_required: {
    status: 422,
    message: {
      fr: 'Indiquez pourquoi ce temps est facturé autrement que le prévoit le ticket.',
      de: 'Geben Sie an, warum diese Zeit anders verrechnet wird, als es das Ticket vorsieht.',
      en: 'Say why this time is billed differently from what the ticket implies.',
    },
  },
  time_flex_without_contract: {
    status: 422,
    message: {
      fr: "Ce temps ne peut pas être facturé sur Flex : la société n'a pas de contrat Flex actif.",
      de: 'Diese Zeit kann nicht über Flex verrechnet werden: Die Firma hat keinen aktiven Flex-Vertrag.',
      en: 'This time cannot be billed to Flex: the company has no active Flex contract.',
    },
  },
  billing_period_invalid: {
    status: 422,
    message: {
      fr: 'La période de facturation est invalide : la date de début doit précéder la date de fin.',
      de: 'Die Abrechnungsperiode ist ungültig: Das Anfangsdatum muss vor dem Enddatum liegen.',
      en: 'The billing period is invalid: the start date must come before the end date.',
    },
  },
  time_work_date_in_future: {
    status: 422,
    message: {
      fr: 'La date du travail ne peut pas être dans le futur.',
      de: 'Das Arbeitsdatum darf nicht in der Zukunft liegen.',
      en: 'The work date cannot be in the future.',
    },
  },
  billing_nothing_to_bill: {
    status: 409,
    message: {
      fr: "Il n'y a rien à facturer : ces temps ont déjà été facturés ou n'existent plus.",
      de: 'Es gibt nichts zu verrechnen: Diese Zeiten wurden bereits verrechnet oder existieren nicht mehr.',
      en: 'There is nothing to bill: this time has already been billed or no longer exists.',
    },
  },
  billing_flex_contract_missing: {
    status: 422,
    message: {
      fr: "La société « {company} » a du temps facturable sur Flex mais pas de contrat Flex actif. Corrigez la facturation de ces temps ou le contrat, puis relancez l'aperçu.",
      de: 'Die Firma «{company}» hat über Flex zu verrechnende Zeit, aber keinen aktiven Flex-Vertrag. Korrigieren Sie die Verrechnung dieser Zeiten oder den Vertrag und erstellen Sie die Vorschau erneut.',
      en: 'The company "{company}" has time billable to Flex but no active Flex contract. Correct the billing of that time or the contract, then preview again.',
    },
  },
} satisfies Record<string, ErrorEntry>;
