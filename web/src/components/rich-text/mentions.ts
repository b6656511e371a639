import type { Edit } from './markdown-edits';

/** A staff member a note may mention. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** The `@…` being typed at the cursor: where its `@` is, and the letters after it. */
export interface MentionQuery {
  at: number;
  query: string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const word = /[\p{L}\p{N}_-]/u;
/** What may follow the `@` while a name or an address part is typed: one space at a time. */
const typing = /^[\p{L}\p{N}_.'-]+(?: [\p{L}\p{N}_.'-]+)* ?$/u;
const LONGEST_QUERY = 60;

/**
 * The mention being typed just before the cursor, if any. As in the server's reading of a note
 * (src/domain/notifications/mentions.ts), an `@` inside a word or an address (`x@luc`) is none.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - LONGEST_QUERY - 1), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const query = before.slice(at + 1);
  const start = caret - before.length + at;
  const previous = text[start - 1] ?? ' ';
  if (word.test(previous) || previous === '.') return null;
  if (query !== '' && !typing.test(query)) return null;
  return { at: start, query };
}

/**
 * Staff whose name, a word of it, or the start of their address begins with what was typed
 * (accents and case ignored), by name.
 */
export function suggestMentions(people: readonly Mentionable[], query: string, limit = 8): Mentionable[] {
  const typed = fold(query.trim());
  if (!typed) return [];
  return people
    .filter((p) => {
      const name = fold(p.name);
      return name.startsWith(typed) || name.includes(` ${typed}`) || fold(p.email).startsWith(typed);
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * How a note names a person so that the server finds them, and only them: their name, or the
 * local part of their address when a colleague shares the name.
 */
export function mentionHandle(person: Mentionable, people: readonly Mentionable[]): string {
  const name = fold(person.name);
  const shared = people.some((p) => p.id !== person.id && fold(p.name) === name);
  return shared || !name.trim() ? (person.email.split('@')[0] ?? person.email) : person.name;
}

/** Replaces the `@query` before the cursor by `@handle ` and leaves the cursor after it. */
export function insertMention(text: string, caret: number, mention: MentionQuery, handle: string): Edit {
  const rest = text.slice(caret);
  const inserted = `@${handle}${rest.startsWith(' ') ? '' : ' '}`;
  const end = mention.at + inserted.length + (rest.startsWith(' ') ? 1 : 0);
  return { text: text.slice(0, mention.at) + inserted + rest, start: end, end };
}
