import type { ErrorEntry } from './types';

/** SLA targets, contract overrides and the business calendar. */
export const slaErrors = {
  calendar_invalid: {
    status: 400,
    message: {
      fr: 'Le calendrier n’est pas valable : {problems}',
      de: 'Der Kalender ist nicht gültig: {problems}',
      en: 'The calendar is not valid: {problems}',
    },
  },
  sla_engagement_after_resolution: {
    status: 400,
    message: {
      fr: 'Criticité « {criticality} » : le délai de prise en charge ne peut pas dépasser le délai de résolution.',
      de: 'Kritikalität «{criticality}»: Die Übernahmefrist darf die Lösungsfrist nicht überschreiten.',
      en: 'Criticality "{criticality}": the engagement target cannot exceed the resolution target.',
    },
  },
  sla_override_needs_maintenance: {
    status: 422,
    message: {
      fr: 'Des délais SLA propres ne peuvent être définis que sur un contrat de maintenance.',
      de: 'Eigene SLA-Fristen können nur für einen Wartungsvertrag festgelegt werden.',
      en: 'Specific SLA targets can only be set on a maintenance contract.',
    },
  },
  closed_days_range_invalid: {
    status: 400,
    message: {
      fr: 'La période demandée n’est pas valable : la date de fin doit suivre la date de début, sur {maxYears} ans au plus.',
      de: 'Der verlangte Zeitraum ist nicht gültig: Das Enddatum muss nach dem Anfangsdatum liegen, höchstens {maxYears} Jahre später.',
      en: 'The requested period is not valid: the end date must follow the start date, at most {maxYears} years later.',
    },
  },
} satisfies Record<string, ErrorEntry>;
