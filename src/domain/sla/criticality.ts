/** R4: how badly the customer is hurt, chosen at creation and possibly changed at qualification. */
export const CRITICALITIES = ['critique', 'haute', 'moyenne', 'basse'] as const;
/** Critique, Haute, Moyenne, Basse (R4). */
export type Criticality = (typeof CRITICALITIES)[number];
