/** R4, from the most to the least severe. */
export const CRITICALITIES = ['critique', 'haute', 'moyenne', 'basse'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const isCriticality = (value: unknown): value is Criticality =>
  typeof value === 'string' && (CRITICALITIES as readonly string[]).includes(value);

/** 0 for the most severe; a larger number is less severe. */
export const severityRank = (c: Criticality): number => CRITICALITIES.indexOf(c);

/** True when going from `from` to `to` makes the ticket less severe (R5: the customer is told). */
export const isLowering = (from: Criticality, to: Criticality): boolean =>
  severityRank(to) > severityRank(from);

export const isRaising = (from: Criticality, to: Criticality): boolean =>
  severityRank(to) < severityRank(from);
