import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/app/errors/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createUser } from '../support/factories';

/**
 * No input a person (or a script) can send makes the server fail: for every operation of the
 * OpenAPI document that takes a body, path parameters or a query string, malformed values get a
 * 4xx — never a 5xx — and a 400 carries a stable code and a message in the caller's language.
 * The operations are read from the app's own document, so routes added later are covered too.
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type Doc = { paths: Record<string, Record<string, Operation>> };

interface Case {
  label: string;
  path: Record<string, string>;
  query: Record<string, string>;
  body?: { json: unknown } | { raw: string; contentType: string };
  /** false when the case may be acceptable input (a well-formed id that happens not to exist). */
  mustFail: boolean;
}

const huge = 'x'.repeat(100_000);
const wrongChoice = 'not-a-valid-choice';

const typeOf = (schema: JsonSchema): string | undefined => {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  const first = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  return first ? typeOf(first) : undefined;
};

/** A plausible valid value, so that a case is invalid only in the one place it corrupts. */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alternative) return sample(alternative);
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sample(schema.properties?.[k])]));
    case 'array':
      return [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > -1e9 ? schema.minimum : 1;
    default:
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'someone@example.test';
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'date-time') return '2026-03-02T09:00:00.000Z';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** Values of the wrong kind for a field of this schema. */
function corruptions(schema: JsonSchema | undefined): { label: string; value: unknown }[] {
  if (!schema) return [{ label: 'object', value: { unexpected: true } }];
  const type = typeOf(schema);
  const out: { label: string; value: unknown }[] = [];
  if (schema.enum || schema.const !== undefined) out.push({ label: 'wrong enum value', value: wrongChoice });
  switch (type) {
    case 'string':
      out.push({ label: 'number instead of text', value: 12345 });
      out.push({ label: 'huge string', value: huge });
      out.push({ label: 'NUL byte', value: 'before\u0000after' });
      if (schema.format === 'uuid') out.push({ label: 'non-uuid', value: 'not-a-uuid' });
      if (schema.format === 'date') out.push({ label: 'impossible date', value: '2026-02-30' });
      if (schema.format === 'date-time')
        out.push({ label: 'impossible date', value: '2026-02-30T09:00:00Z' });
      break;
    case 'integer':
    case 'number':
      out.push({ label: 'text instead of number', value: 'not-a-number' });
      out.push({ label: 'huge number', value: 1e300 });
      break;
    case 'boolean':
      out.push({ label: 'text instead of boolean', value: 'maybe' });
      break;
    case 'array':
      out.push({ label: 'object instead of array', value: { not: 'an array' } });
      out.push({ label: 'array of objects', value: [{ nested: [huge] }] });
      // Inside a list of records (holidays, opening hours…), each field of one record corrupted.
      if (schema.items && typeOf(schema.items) === 'object') {
        const item = sample(schema.items) as Record<string, unknown>;
        for (const [key, field] of Object.entries(schema.items.properties ?? {})) {
          for (const c of corruptions(field)) {
            out.push({ label: `item ${key}: ${c.label}`, value: [{ ...item, [key]: c.value }] });
          }
        }
      }
      break;
    case 'object':
      out.push({ label: 'text instead of object', value: 'not an object' });
      break;
    default:
      out.push({ label: 'nested object', value: { unexpected: { deeply: [1, 2, 3] } } });
  }
  return out;
}

/** A query-string value of the wrong kind. */
function queryCorruptions(schema: JsonSchema | undefined): string[] {
  const type = schema ? typeOf(schema) : undefined;
  const out = ['x'.repeat(5_000), 'before\u0000after'];
  if (schema?.enum) out.push(wrongChoice);
  if (type === 'integer' || type === 'number') out.push('not-a-number', '-1e999');
  if (type === 'boolean') out.push('maybe');
  if (schema?.format === 'uuid') out.push('not-a-uuid');
  if (schema?.format === 'date') out.push('2026-02-30');
  if (schema?.format === 'date-time') out.push('2026-02-30T09:00:00Z');
  return out;
}

function casesFor(operation: Operation): Case[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodyContent = operation.requestBody?.content ?? {};
  const jsonSchema = bodyContent['application/json']?.schema;
  if (pathParams.length === 0 && queryParams.length === 0 && Object.keys(bodyContent).length === 0) return [];

  const basePath = Object.fromEntries(pathParams.map((p) => [p.name, String(sample(p.schema))]));
  const baseQuery = Object.fromEntries(
    queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema))]),
  );
  const baseBody = jsonSchema ? { json: sample(jsonSchema) } : undefined;
  const cases: Case[] = [];
  const add = (c: Omit<Case, 'path' | 'query'> & Partial<Pick<Case, 'path' | 'query'>>) =>
    cases.push({ path: basePath, query: baseQuery, ...c });

  for (const p of pathParams) {
    const typed = Boolean(p.schema?.format || p.schema?.pattern || p.schema?.enum);
    add({
      label: `path ${p.name}=not-a-uuid`,
      path: { ...basePath, [p.name]: 'not-a-uuid' },
      body: baseBody,
      mustFail: typed,
    });
    add({
      label: `path ${p.name}=huge`,
      path: { ...basePath, [p.name]: 'x'.repeat(5_000) },
      body: baseBody,
      mustFail: typed,
    });
    add({
      label: `path ${p.name}=random uuid`,
      path: { ...basePath, [p.name]: randomUUID() },
      body: baseBody,
      mustFail: false,
    });
  }
  for (const p of queryParams) {
    for (const value of queryCorruptions(p.schema)) {
      add({
        label: `query ${p.name}=${value.slice(0, 20)}`,
        query: { ...baseQuery, [p.name]: value },
        body: baseBody,
        mustFail: true,
      });
    }
  }
  if (Object.keys(bodyContent).length > 0) {
    add({
      label: 'body: invalid JSON',
      body: { raw: '{"broken":', contentType: 'application/json' },
      mustFail: true,
    });
    add({ label: 'body: JSON array', body: { json: [1, 2, 3] }, mustFail: true });
    add({ label: 'body: JSON string', body: { json: 'text' }, mustFail: true });
    add({ label: 'body: plain text', body: { raw: 'hello', contentType: 'text/plain' }, mustFail: true });
    add({
      label: 'body: deep JSON',
      body: { raw: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, contentType: 'application/json' },
      mustFail: true,
    });
    add({
      label: 'body: deep JSON array',
      body: { raw: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' },
      mustFail: true,
    });
  }
  if (jsonSchema && typeOf(jsonSchema) === 'object') {
    for (const [name, schema] of Object.entries(jsonSchema.properties ?? {})) {
      for (const corruption of corruptions(schema)) {
        const json = { ...(baseBody?.json as Record<string, unknown>), [name]: corruption.value };
        add({ label: `body ${name}: ${corruption.label}`, body: { json }, mustFail: true });
      }
    }
  }
  return cases;
}

const fillPath = (template: string, values: Record<string, string>) =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));

/** The catalogue wording of a code in German, up to its first placeholder. */
const germanStart = (code: string) => {
  const entry = (errorCatalogue as Record<string, { message: { de: string } } | undefined>)[code];
  return entry?.message.de.split('{')[0] ?? '';
};

async function probe(client: TestClient, doc: Doc): Promise<{ problems: string[]; sent: number }> {
  const problems: string[] = [];
  let sent = 0;
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const c of casesFor(operation)) {
        const query = new URLSearchParams(c.query).toString();
        const url = `${fillPath(template, c.path)}${query ? `?${query}` : ''}`;
        const headers: Record<string, string> = { 'accept-language': 'de-CH,de;q=0.9' };
        let payload: string | undefined;
        if (c.body && 'raw' in c.body) {
          payload = c.body.raw;
          headers['content-type'] = c.body.contentType;
        } else if (c.body && method !== 'get' && method !== 'delete') {
          payload = JSON.stringify(c.body.json);
          headers['content-type'] = 'application/json';
        }
        const response = await client.request({
          method: method.toUpperCase() as 'GET',
          url,
          headers,
          ...(payload !== undefined ? { payload } : {}),
        });
        sent += 1;
        const name = `${method.toUpperCase()} ${template} [${c.label}] → ${response.statusCode}`;
        if (response.statusCode >= 500) {
          problems.push(`${name}: server error ${response.body.slice(0, 200)}`);
          continue;
        }
        if (c.mustFail && (response.statusCode < 400 || response.statusCode >= 500)) {
          problems.push(`${name}: accepted`);
          continue;
        }
        if (response.statusCode !== 400) continue;
        let body: { code?: unknown; message?: unknown };
        try {
          body = response.json();
        } catch {
          problems.push(`${name}: body is not JSON`);
          continue;
        }
        if (typeof body.code !== 'string' || typeof body.message !== 'string' || !body.message) {
          problems.push(`${name}: no code and message`);
          continue;
        }
        if (
          body.code === 'validation_failed' &&
          body.message !== errorCatalogue.validation_failed.message.de
        ) {
          problems.push(`${name}: validation message not in German: ${body.message}`);
        } else if (!body.message.startsWith(germanStart(body.code))) {
          problems.push(`${name}: ${body.code} message not in German: ${body.message}`);
        }
      }
    }
  }
  return { problems, sent };
}

let t: TestApp;
let doc: Doc;

beforeAll(async () => {
  t = await testApp();
  doc = (await new TestClient(t.app).get('/api/openapi.json')).json() as Doc;
});
afterAll(() => t.close());

describe('malformed input never makes a 5xx', () => {
  it('the German validation message differs from the French one (so the language check means something)', () => {
    expect(errorCatalogue.validation_failed.message.de).not.toBe(errorCatalogue.validation_failed.message.fr);
  });

  it('signed in as an administrator (whose language is German)', { timeout: 300_000 }, async () => {
    const admin = await createUser(t.ctx.db, { role: 'admin', language: 'de' });
    const client = new TestClient(t.app, '10.50.0.1');
    await client.login(admin.email);
    const { problems, sent } = await probe(client, doc);
    expect(sent).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('anonymous, asking for German', { timeout: 300_000 }, async () => {
    const { problems, sent } = await probe(new TestClient(t.app, '10.50.0.2'), doc);
    expect(sent).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
