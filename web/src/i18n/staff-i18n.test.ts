import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUEUES } from '../pages/staff/queues';
import { describeCompleteness, keysAskedFor } from './completeness';
import de from './staff.de.json';
import en from './staff.en.json';
import fr from './staff.fr.json';

const reference = describeCompleteness('staff console', { fr, de, en });
const sections = new Set(Object.keys(fr));

/** Every literal that names a key of the staff namespace in the console's pages. */
function literalKeys(dir: string): string[] {
  const keys: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) keys.push(...literalKeys(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
        const key = m[1] ?? '';
        if (sections.has(key.split('.')[0] ?? '')) keys.push(key);
      }
    }
  }
  return keys;
}

describe('keys used by the staff console', () => {
  it('all exist in French (and so in every language)', () => {
    const pages = join(import.meta.dirname, '..', 'pages');
    const used = [...literalKeys(join(pages, 'staff')), ...literalKeys(join(pages, 'admin'))];
    expect(used.length).toBeGreaterThan(150);
    expect([...new Set(used)].filter((k) => !keysAskedFor(reference).has(k))).toEqual([]);
  });

  it('names every queue and SLA state (statuses, criticalities, close reasons: src/i18n/ticket-labels)', () => {
    const dynamic = [
      ...QUEUES.map((q) => `queue.names.${q}`),
      ...['on_track', 'at_risk', 'breached', 'met', 'paused', 'stopped', 'none', 'running'].map(
        (s) => `sla.state.${s}`,
      ),
    ];
    expect(dynamic.filter((k) => !keysAskedFor(reference).has(k))).toEqual([]);
  });
});
