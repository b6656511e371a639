import type { StaffRole } from '../roles';
import type { Localized } from './translations';

/** R2: support for malfunctions and small evolutions; consulting for project work (billable). */
export const DESKS = ['support', 'consulting'] as const;
export type Desk = (typeof DESKS)[number];

export const DESK_INFO: Record<Desk, { keyPrefix: string; label: Localized }> = {
  support: {
    keyPrefix: 'SUP',
    label: { fr: 'Demandes au support', de: 'Support-Anfragen', en: 'Support requests' },
  },
  consulting: {
    keyPrefix: 'CON',
    label: { fr: 'Demandes Consulting', de: 'Consulting-Anfragen', en: 'Consulting requests' },
  },
};

export type { StaffRole };

/** Agents work the support desk, consultants the consulting desk, admins both. */
export const DESKS_OF_ROLE: Record<StaffRole, readonly Desk[]> = {
  agent: ['support'],
  consultant: ['consulting'],
  admin: ['support', 'consulting'],
};

export const handlesDesk = (role: StaffRole, desk: Desk): boolean => DESKS_OF_ROLE[role].includes(desk);

/**
 * The key a ticket keeps for life. A ticket transferred to Consulting changes desk but keeps its
 * SUP key: customers quote it, mails thread on it, and links to it must not break.
 */
export const ticketKey = (desk: Desk, number: number): string => `${DESK_INFO[desk].keyPrefix}-${number}`;
