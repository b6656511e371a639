/** A staff member as a note may name them. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people an internal note mentions: `@First Last` (their name, accents and case ignored) or
 * `@localpart` (of their e-mail address). A name is matched only as a whole: `@Anne` does not
 * mention `Anne Agent`, and `@anne.agent` does not mention `anne.agent2`.
 */
export function mentionedIn(text: string, people: readonly Mentionable[]): string[] {
  const folded = fold(text);
  const found = new Set<string>();
  for (const person of people) {
    const local = person.email.split('@')[0] ?? '';
    for (const handle of [fold(person.name), fold(local)]) {
      if (handle && mentions(folded, handle)) found.add(person.id);
    }
  }
  return [...found];
}

const word = /[\p{L}\p{N}_-]/u;

function mentions(text: string, handle: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(`@${handle}`, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const end = at + handle.length + 1;
    const after = text[end] ?? ' ';
    // A dot ends a sentence, unless a word goes on after it (a longer address or handle).
    const continues = word.test(after) || (after === '.' && word.test(text[end + 1] ?? ' '));
    if (!word.test(before) && before !== '.' && !continues) return true;
    from = at + 1;
  }
}
