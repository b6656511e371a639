/**
 * Erasing a person (GDPR): what replaces their name and addresses. Pure: the application finds the
 * copies and writes the replacements.
 */

/**
 * The mail address an erased account keeps: unique per account (the address is the login key) and
 * undeliverable, since `.invalid` is reserved and never resolves (RFC 2606).
 */
export const erasedMailAddress = (userId: string): string => `erased-${userId}@erased.invalid`;

/** What a copy of the person's name becomes inside stored texts (mails, notes, event payloads). */
export const ERASED_NAME_PLACEHOLDER = '[personne supprimée]';
/** What a copy of the person's mail address or phone number becomes inside stored texts. */
export const ERASED_CONTACT_PLACEHOLDER = '[contact supprimé]';

/**
 * The texts that identify the person, longest first so a name that contains another is replaced
 * whole. Blank and too-short values are left out: replacing two letters everywhere would damage
 * other people's texts and identify no one.
 */
export function identifyingTexts(person: {
  name: string;
  email: string;
  notificationEmail?: string | null;
  phone?: string | null;
}): { names: string[]; contacts: string[] } {
  const keep = (values: (string | null | undefined)[]) =>
    [...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value.length >= 3))].sort(
      (a, b) => b.length - a.length,
    );
  return {
    names: keep([person.name]),
    contacts: keep([person.email, person.notificationEmail, person.phone]),
  };
}

/** A PostgreSQL regular expression (ARE) that matches the text literally. */
export const literalPattern = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
