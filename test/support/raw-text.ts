/**
 * What a person should never read in the interface: ids, ISO timestamps and the code's keys
 * (snake_case, camelCase, dotted), placeholders left unfilled. `written` lists what people
 * typed themselves (file names, addresses, references), which may look like a key.
 */
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const isoDate = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;
const snakeKey = /\b[a-z]+_[a-z_]+\b/;
const camelKey = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const dottedKey = /\b[a-z]+\.[a-z]+(\.[a-z]+)*\b/;
// Enum keys that are single words, where a label should stand after a colon or an arrow.
const bareKey = /(: |→ )(open|qualified|closed|critique|haute|moyenne|basse|support|consulting)\b/;
const leftovers = /[{}]|undefined|null|NaN|\[object/;

export function rawPartsOf(shown: string, written: readonly string[] = []): string[] {
  const text = written.reduce((rest, word) => rest.replaceAll(word, ''), shown);
  const found: string[] = [];
  for (const pattern of [uuid, isoDate, snakeKey, camelKey, dottedKey, bareKey, leftovers]) {
    const match = text.match(pattern);
    if (match) found.push(match[0]);
  }
  return found;
}
