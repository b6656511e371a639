/** An instant as the API writes it: ISO 8601 in UTC; null stays null. */
export const iso = (instant: Date | null): string | null => (instant ? instant.toISOString() : null);
