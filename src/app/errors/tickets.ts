import type { ErrorEntry } from './types';

/** The ticket lifecycle: creation (R1, R3), qualification (R5), statuses (R6), closed tickets (R10). */
export const ticketsErrors = {
  no_active_maintenance: {
    status: 422,
    message: {
      fr: 'Votre entreprise n’a pas de contrat de maintenance actif : aucune demande ne peut être ouverte. Contactez le support pour le renouveler.',
      de: 'Ihr Unternehmen hat keinen aktiven Wartungsvertrag: Es kann keine Anfrage eröffnet werden. Wenden Sie sich an den Support, um ihn zu erneuern.',
      en: 'Your company has no active maintenance contract: no request can be opened. Contact Customer Services to renew it.',
    },
  },
  flex_contract_required: {
    status: 422,
    message: {
      fr: 'Le type « {type} » demande un contrat Flex actif, que votre société n’a pas.',
      de: 'Der Typ «{type}» erfordert einen aktiven Flex-Vertrag, den Ihre Firma nicht hat.',
      en: 'The type "{type}" needs an active Flex contract, which your company does not have.',
    },
  },
  flex_balance_exhausted: {
    status: 422,
    message: {
      fr: 'Le solde Flex de votre société est de {balance} : une demande « {type} » ne peut être ouverte qu’avec un solde positif.',
      de: 'Das Flex-Guthaben Ihrer Firma beträgt {balance}: Eine Anfrage «{type}» kann nur mit positivem Guthaben eröffnet werden.',
      en: 'Your company’s Flex balance is {balance}: a "{type}" request can only be opened with a positive balance.',
    },
  },
  request_type_unavailable: {
    status: 422,
    message: {
      fr: 'Ce type de demande n’est pas disponible.',
      de: 'Dieser Anfragetyp ist nicht verfügbar.',
      en: 'This request type is not available.',
    },
  },
  request_type_required: {
    status: 400,
    message: {
      fr: 'Choisissez le type de la demande.',
      de: 'Wählen Sie den Typ der Anfrage.',
      en: 'Choose the type of the request.',
    },
  },
  project_required: {
    status: 400,
    message: {
      fr: 'Une demande Consulting doit indiquer un projet actif de votre société.',
      de: 'Eine Consulting-Anfrage muss ein aktives Projekt Ihrer Firma angeben.',
      en: 'A consulting request must name an active project of your company.',
    },
  },
  company_required: {
    status: 400,
    message: {
      fr: 'Indiquez la société cliente pour laquelle ce ticket est ouvert.',
      de: 'Geben Sie die Kundenfirma an, für die dieses Ticket eröffnet wird.',
      en: 'Name the customer company this ticket is opened for.',
    },
  },
  requester_invalid: {
    status: 400,
    message: {
      fr: 'Le demandeur doit être un utilisateur actif de cette société.',
      de: 'Der Antragsteller muss ein aktiver Benutzer dieser Firma sein.',
      en: 'The requester must be an active user of this company.',
    },
  },
  linked_ticket_invalid: {
    status: 400,
    message: {
      fr: 'La demande liée doit être une demande de la même entreprise.',
      de: 'Die verknüpfte Anfrage muss eine Anfrage desselben Unternehmens sein.',
      en: 'The linked request must be a request of the same company.',
    },
  },
  reason_required: {
    status: 400,
    message: {
      fr: 'Indiquez la raison du changement de criticité : le client en sera informé.',
      de: 'Geben Sie den Grund für die Änderung der Kritikalität an: Der Kunde wird darüber informiert.',
      en: 'Give the reason for changing the criticality: the customer will be told.',
    },
  },
  transition_not_allowed: {
    status: 409,
    message: {
      fr: 'Un ticket au statut « {from} » ne peut pas passer au statut « {to} ».',
      de: 'Ein Ticket im Status «{from}» kann nicht in den Status «{to}» wechseln.',
      en: 'A ticket with the status "{from}" cannot move to "{to}".',
    },
  },
  transition_forbidden: {
    status: 403,
    message: {
      fr: 'Vous ne pouvez pas faire passer ce ticket du statut « {from} » au statut « {to} ».',
      de: 'Sie können dieses Ticket nicht vom Status «{from}» in den Status «{to}» setzen.',
      en: 'You cannot move this ticket from "{from}" to "{to}".',
    },
  },
  wrong_desk: {
    status: 403,
    message: {
      fr: 'Ce ticket est traité par un autre département ({desk}).',
      de: 'Dieses Ticket wird von einer anderen Abteilung bearbeitet ({desk}).',
      en: 'This ticket is handled by another department ({desk}).',
    },
  },
  rpc_reference_required: {
    status: 400,
    message: {
      fr: 'Indiquez la référence RPC pour passer en attente développement.',
      de: 'Geben Sie die RPC-Referenz an, um auf «Warten auf Entwicklung» zu wechseln.',
      en: 'Give the RPC reference to move to waiting for development.',
    },
  },
  spc_reference_required: {
    status: 400,
    message: {
      fr: 'Indiquez la référence SPC pour transférer au développement.',
      de: 'Geben Sie die SPC-Referenz an, um an die Entwicklung zu übergeben.',
      en: 'Give the SPC reference to transfer to development.',
    },
  },
  close_reason_required: {
    status: 400,
    message: {
      fr: 'Indiquez la raison de la fermeture.',
      de: 'Geben Sie den Grund für das Schliessen an.',
      en: 'Give the reason for closing.',
    },
  },
  close_reason_not_allowed: {
    status: 403,
    message: {
      fr: 'Vous ne pouvez pas fermer un ticket avec cette raison.',
      de: 'Sie können ein Ticket nicht mit diesem Grund schliessen.',
      en: 'You cannot close a ticket with this reason.',
    },
  },
  assignee_not_eligible: {
    status: 400,
    message: {
      fr: 'Ce ticket ne peut être attribué qu’à un collaborateur actif du département qui le traite.',
      de: 'Dieses Ticket kann nur einem aktiven Mitarbeitenden der zuständigen Abteilung zugewiesen werden.',
      en: 'This ticket can only be assigned to an active staff member of the department handling it.',
    },
  },
  ticket_closed: {
    status: 409,
    message: {
      fr: 'Cette demande est fermée : votre message n’y a pas été ajouté. Pour toute nouvelle question, ouvrez une nouvelle demande (liée à celle-ci).',
      de: 'Diese Anfrage ist geschlossen: Ihre Nachricht wurde nicht hinzugefügt. Eröffnen Sie für eine neue Frage bitte eine neue Anfrage (mit dieser verknüpft).',
      en: 'This request is closed: your message was not added. For any new question, please open a new request (linked to this one).',
    },
  },
  ticket_is_closed: {
    status: 409,
    message: {
      fr: 'Cette demande est fermée et ne peut plus être modifiée. Pour toute nouvelle question, ouvrez une nouvelle demande.',
      de: 'Diese Anfrage ist geschlossen und kann nicht mehr geändert werden. Eröffnen Sie für eine neue Frage bitte eine neue Anfrage.',
      en: 'This request is closed and can no longer be changed. For any new question, please open a new request.',
    },
  },
  internal_note_staff_only: {
    status: 403,
    message: {
      fr: 'Les notes internes sont réservées au personnel.',
      de: 'Interne Notizen sind dem Personal vorbehalten.',
      en: 'Internal notes are for staff only.',
    },
  },
} satisfies Record<string, ErrorEntry>;
