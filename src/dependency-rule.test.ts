/**
 * The dependency rule of ARCHITECTURE.md, checked on every relative import of src/ and web/src.
 * A break fails with the importing file and the import it may not make. Tests themselves may
 * reach anywhere (they build fixtures from every layer), so only the code they test is checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Import {
  from: string;
  to: string;
  specifier: string;
}

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports (static, dynamic, type-only and re-exports) as repository paths. */
function importsOf(file: string): Import[] {
  const source = readFileSync(join(root, file), 'utf8');
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => ({
      from: file,
      to: relative(root, normalize(join(root, dirname(file), specifier))),
      specifier,
    }));
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The layer of a path: `src/<folder>` or the module itself for top-level files of src/. */
function layerOf(path: string): string {
  if (under(path, 'web/src')) return 'web';
  const [, top = ''] = path.split('/');
  return top.replace(/\.tsx?$/, '');
}

/** Which layers each layer may import, besides itself. Composition roots may import anything. */
const allowed: Record<string, readonly string[]> = {
  domain: [],
  i18n: ['domain'],
  'rich-text': ['domain'],
  config: [],
  db: ['domain', 'config'],
  app: ['domain', 'db', 'i18n', 'rich-text', 'config'],
  mail: ['app', 'db', 'domain', 'i18n', 'rich-text', 'config'],
  http: ['app', 'mail', 'domain', 'i18n', 'rich-text', 'config', 'db'],
  jobs: ['app', 'mail', 'db', 'domain', 'i18n', 'config', 'composition', 'process-guards'],
  'process-guards': [],
  ops: ['app', 'db', 'domain', 'i18n', 'config', 'composition', 'http', 'mail'],
};
const compositionRoots = new Set(['main', 'seed-main', 'composition']);

/**
 * HTTP handlers reach the database only through the application. The HTTP plumbing (the app
 * factory, its plugins, the error mapping and the rate-limit counter store) is the HTTP layer's
 * own composition and may hold the connection.
 */
const httpPlumbing = ['src/http/app.ts', 'src/http/errors.ts', 'src/http/plugins', 'src/http/rate-limit'];

function layerBreak({ from, to }: Import): string | null {
  const source = layerOf(from);
  const target = layerOf(to);
  if (under(to, 'test')) return 'only tests import the test support';
  if (source === 'web') {
    const shared = ['web/src', 'src/http/schemas', 'src/i18n'];
    return shared.some((folder) => under(to, folder)) || !under(to, 'src')
      ? null
      : 'the web client imports only the shared schemas of src/http/schemas and the helpers of src/i18n';
  }
  if (source === target || compositionRoots.has(source)) return null;
  if (target === 'web') return 'server code never imports the web client';
  if (source === 'http' && target === 'db' && !httpPlumbing.some((p) => under(from, p))) {
    return 'HTTP handlers reach the database through src/app';
  }
  const may = allowed[source];
  if (!may) return `${source} is not a layer the rule knows: add it to ARCHITECTURE.md and this test`;
  return may.includes(target) ? null : `${source} may not import ${target}`;
}

/**
 * Areas of src/app are its folders; its top-level modules (context, effects, outbox, policy,
 * settings) and the error catalogue are the shared kernel, which imports no area.
 */
const kernel = (path: string) =>
  !path.slice('src/app/'.length).includes('/') || under(path, 'src/app/errors');
const areaOf = (path: string) => path.split('/')[2] ?? '';

function appAreaEdges(imports: Import[]): Map<string, Map<string, Import>> {
  const edges = new Map<string, Map<string, Import>>();
  for (const imported of imports) {
    if (!under(imported.from, 'src/app') || !under(imported.to, 'src/app') || kernel(imported.to)) continue;
    const from = kernel(imported.from) ? 'kernel' : areaOf(imported.from);
    const to = areaOf(imported.to);
    if (from === to) continue;
    const targets = edges.get(from) ?? new Map<string, Import>();
    if (!targets.has(to)) targets.set(to, imported);
    edges.set(from, targets);
  }
  return edges;
}

/** Strongly connected groups of more than one area (Tarjan), each a folder-level import loop. */
function loops(edges: Map<string, Map<string, Import>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member) group.push(member);
      } while (member && member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const show = ({ from, specifier }: Import) => `${from} imports '${specifier}'`;
const allImports = [...sourceFiles('src'), ...sourceFiles('web/src')].flatMap(importsOf);

describe('the dependency rule of ARCHITECTURE.md', () => {
  it('reads the imports of the whole source tree', () => {
    expect(allImports.length).toBeGreaterThan(500);
  });

  it('holds for every import between layers', () => {
    const breaks = allImports.flatMap((imported) => {
      const reason = layerBreak(imported);
      return reason ? [`${show(imported)}: ${reason}`] : [];
    });
    expect(breaks).toEqual([]);
  });

  it('keeps the shared kernel of src/app free of its areas', () => {
    const breaks = allImports
      .filter(({ from, to }) => under(from, 'src/app') && kernel(from) && under(to, 'src/app') && !kernel(to))
      .map(show);
    expect(breaks).toEqual([]);
  });

  it('leaves no import loop between the areas of src/app', () => {
    const edges = appAreaEdges(allImports);
    const described = loops(edges).map((group) =>
      group.flatMap((from) =>
        group.flatMap((to) => {
          const imported = edges.get(from)?.get(to);
          return imported ? [`${from} → ${to}: ${show(imported)}`] : [];
        }),
      ),
    );
    expect(described).toEqual([]);
  });
});
