import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';

/**
 * The OpenAPI document is the contract of the API for the web client and for integrators, so it
 * must describe every route the app registers — including routes added later: the list of routes
 * is read from the app itself, never written down here.
 */

let t: TestApp;
let doc: OpenApiDoc;

interface Operation {
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  security?: Record<string, string[]>[];
}

const ignoredMethods = new Set(['HEAD', 'OPTIONS']);
const undocumented = (path: string) => path.startsWith('/api/docs') || path === '/api/openapi.json';

/**
 * Every method and path the app answers, read from Fastify's route tree
 * (`printRoutes({ commonPrefix: false })`: one node per line, four characters of indentation per
 * level, the methods in parentheses).
 */
function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && !ignoredMethods.has(method)) routes.push({ method, path });
    }
  }
  return routes;
}

/** The same path whatever its parameters are called: '/a/:id', '/a/{id}' and '/a/:id|:x' all give '/a/{}'. */
const shape = (path: string) =>
  path
    .replace(/:[A-Za-z0-9_]+(?:\|:[A-Za-z0-9_]+)*/g, '{}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\*/g, '{}');

const hasSchema = (content?: Record<string, { schema?: unknown }>) =>
  Object.values(content ?? {}).some((c) => c.schema !== undefined);

beforeAll(async () => {
  t = await testApp();
  const response = await new TestClient(t.app).get('/api/openapi.json');
  expect(response.statusCode).toBe(200);
  doc = JSON.parse(response.body) as OpenApiDoc;
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is valid JSON with an OpenAPI version and paths', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });

  it('describes the bearer scheme of API tokens beside the session cookie', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toContainEqual({ bearer: [] });
  });

  it('lists every route registered under /api, with its method', () => {
    const routes = registeredRoutes(t.app).filter((r) => r.path.startsWith('/api/') && !undocumented(r.path));
    expect(routes.length).toBeGreaterThan(10);
    // sanity check of the route reading itself
    expect(routes).toContainEqual({ method: 'POST', path: '/api/account-requests' });
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${shape(path)}`),
      ),
    );
    const missing = routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => {
        const [method, path] = r.split(' ');
        return !documented.has(`${method} ${shape(path ?? '')}`);
      });
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary, a request body schema when it writes, and a success schema (or a redirect)', () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.summary?.trim()) problems.push(`${name}: no summary`);
        if (['post', 'put', 'patch'].includes(method) && !hasSchema(operation.requestBody?.content)) {
          problems.push(`${name}: no requestBody schema`);
        }
        const responses = operation.responses ?? {};
        const success =
          hasSchema(responses['200']?.content) ||
          hasSchema(responses['201']?.content) ||
          responses['204'] !== undefined ||
          // A leg of a browser flow (single sign-on) answers with a redirect and nothing else.
          responses['302'] !== undefined;
        if (!success) problems.push(`${name}: no 200/201/204 response schema`);
      }
    }
    expect(problems).toEqual([]);
  });
});
