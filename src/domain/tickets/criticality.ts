import type { Localized } from './translations';

/** R4, from the most to the least severe. */
export const CRITICALITIES = ['critique', 'haute', 'moyenne', 'basse'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export interface CriticalityInfo {
  label: Localized;
  /** Shown at the choice, so the customer picks the right one. */
  definition: Localized;
}

export const CRITICALITY_INFO: Record<Criticality, CriticalityInfo> = {
  critique: {
    label: { fr: 'Critique', de: 'Kritisch', en: 'Critical' },
    definition: {
      fr: 'Processus vital bloqué, sans contournement, avec un risque de perte de chiffre d’affaires pour le client.',
      de: 'Lebenswichtiger Prozess blockiert, ohne Umgehungslösung, mit dem Risiko von Umsatzverlust für den Kunden.',
      en: 'Vital process blocked, no workaround, risk of lost revenue for the customer.',
    },
  },
  haute: {
    label: { fr: 'Haute', de: 'Hoch', en: 'High' },
    definition: {
      fr: 'Processus vital bloqué, sans risque immédiat de perte de chiffre d’affaires.',
      de: 'Lebenswichtiger Prozess blockiert, ohne unmittelbares Risiko von Umsatzverlust.',
      en: 'Vital process blocked, no immediate risk of lost revenue.',
    },
  },
  moyenne: {
    label: { fr: 'Moyenne', de: 'Mittel', en: 'Medium' },
    definition: {
      fr: 'Contournement difficile et coûteux.',
      de: 'Umgehungslösung schwierig und aufwendig.',
      en: 'Workaround hard and costly.',
    },
  },
  basse: {
    label: { fr: 'Basse', de: 'Niedrig', en: 'Low' },
    definition: {
      fr: 'Contournement facile, ou confort.',
      de: 'Einfache Umgehungslösung, oder Komfort.',
      en: 'Easy workaround, or comfort.',
    },
  },
};

export const isCriticality = (value: unknown): value is Criticality =>
  typeof value === 'string' && (CRITICALITIES as readonly string[]).includes(value);

/** 0 for the most severe; a larger number is less severe. */
export const severityRank = (c: Criticality): number => CRITICALITIES.indexOf(c);

/** True when going from `from` to `to` makes the ticket less severe (R5: the customer is told). */
export const isLowering = (from: Criticality, to: Criticality): boolean =>
  severityRank(to) > severityRank(from);

export const isRaising = (from: Criticality, to: Criticality): boolean =>
  severityRank(to) < severityRank(from);
