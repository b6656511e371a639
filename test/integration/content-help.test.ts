import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let customer: TestClient;
let admin: TestClient;

const slug = () => `article-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
  customer = new TestClient(t.app, '10.9.0.1');
  await customer.login(acme.customer.email);
  admin = new TestClient(t.app, '10.9.0.2');
  await admin.login(staff.admin.email);
});
afterAll(() => t.close());

/** Reads `url` as a person who chose `language`. */
async function inLanguage(client: TestClient, url: string, language: 'fr' | 'de' | 'en') {
  expect((await client.put('/api/session/language', { language })).statusCode).toBe(200);
  return client.get(url);
}

describe('help articles', () => {
  it('ships a "how to use this portal" article in French, German and English', async () => {
    const titles: string[] = [];
    for (const language of ['fr', 'de', 'en'] as const) {
      const response = await inLanguage(customer, '/api/help-articles/utiliser-ce-portail', language);
      expect(response.statusCode).toBe(200);
      expect(response.json().language).toBe(language);
      expect(response.json().languages).toEqual(['de', 'en', 'fr']);
      titles.push(response.json().title);
    }
    expect(titles).toEqual([
      'Comment utiliser ce portail',
      'Wie Sie dieses Portal nutzen',
      'How to use this portal',
    ]);
    const list = await customer.get('/api/help-articles');
    expect(list.json().items.length).toBeGreaterThanOrEqual(3);
    expect(list.json().items[0].slug).toBe('utiliser-ce-portail');
  });

  it('answers in the language asked for, whatever the reader’s own', async () => {
    await inLanguage(customer, '/api/session', 'fr');
    const german = await customer.get('/api/help-articles/utiliser-ce-portail?language=de');
    expect(german.json()).toMatchObject({ language: 'de', title: 'Wie Sie dieses Portal nutzen' });
    expect((await customer.get('/api/help-articles/utiliser-ce-portail?language=xx')).statusCode).toBe(400);
  });

  it('falls back to another language when the reader’s translation is missing', async () => {
    const address = slug();
    const created = await admin.post('/api/help-articles', {
      slug: address,
      translations: { fr: { title: 'Paramétrer les imprimantes', body: 'Texte en français.' } },
    });
    expect(created.statusCode).toBe(201);
    const german = await inLanguage(customer, `/api/help-articles/${address}`, 'de');
    expect(german.json()).toMatchObject({
      language: 'fr',
      title: 'Paramétrer les imprimantes',
      languages: ['fr'],
    });

    await admin.patch(`/api/help-articles/${address}`, {
      translations: { de: { title: 'Drucker einrichten', body: 'Deutscher Text.' } },
    });
    const after = await inLanguage(customer, `/api/help-articles/${address}`, 'de');
    expect(after.json()).toMatchObject({
      language: 'de',
      title: 'Drucker einrichten',
      languages: ['de', 'fr'],
    });
    // English readers get French, the reference, before German.
    expect((await inLanguage(customer, `/api/help-articles/${address}`, 'en')).json().language).toBe('fr');
  });

  it('searches accent-insensitively in French and German stems', async () => {
    const byWord = await customer.get('/api/help-articles?q=criticite');
    expect(byWord.json().items.map((a: { slug: string }) => a.slug)).toContain('choisir-la-criticite');
    const german = await inLanguage(
      customer,
      `/api/help-articles?q=${encodeURIComponent('Protokolldateien')}`,
      'de',
    );
    expect(german.json().items[0]).toMatchObject({ slug: 'joindre-un-fichier-journal', language: 'de' });
    const none = await customer.get('/api/help-articles?q=zzzyyyxxx');
    expect(none.json().items).toEqual([]);
  });

  it('suggests articles from a ticket subject while it is typed, matching any of its words', async () => {
    // Matched against the articles in the reader's language (help-suggestions.test.ts covers the others).
    const response = await inLanguage(
      customer,
      `/api/help-articles/suggest?subject=${encodeURIComponent('Comment joindre le journal des erreurs ?')}`,
      'fr',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0].slug).toBe('joindre-un-fichier-journal');
    const short = await customer.get('/api/help-articles/suggest?subject=ab');
    expect(short.json().items).toEqual([]);
  });

  it('lets only administrators write, and refuses a taken address', async () => {
    const address = slug();
    const body = { slug: address, translations: { en: { title: 'Title', body: 'Body' } } };
    expect((await customer.post('/api/help-articles', body)).statusCode).toBe(403);
    const agent = new TestClient(t.app, '10.9.0.3');
    await agent.login(staff.agent.email);
    expect((await agent.post('/api/help-articles', body)).statusCode).toBe(403);
    expect((await admin.post('/api/help-articles', body)).statusCode).toBe(201);
    const again = await admin.post('/api/help-articles', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('help_article_slug_taken');
    expect((await customer.delete(`/api/help-articles/${address}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/help-articles/${address}`)).statusCode).toBe(200);
    expect((await customer.get(`/api/help-articles/${address}`)).statusCode).toBe(404);
  });

  it('refuses an article without any language, and removing its last one', async () => {
    const empty = await admin.post('/api/help-articles', { slug: slug(), translations: {} });
    expect(empty.statusCode).toBe(400);
    const address = slug();
    await admin.post('/api/help-articles', {
      slug: address,
      translations: { en: { title: 'T', body: 'B' } },
    });
    const removeLast = await admin.patch(`/api/help-articles/${address}`, { translations: { en: null } });
    expect(removeLast.statusCode).toBe(400);
    expect((await customer.get(`/api/help-articles/${address}`)).json().title).toBe('T');
  });

  it('is for signed-in people only', async () => {
    const anonymous = new TestClient(t.app, '10.9.0.4');
    expect((await anonymous.get('/api/help-articles')).statusCode).toBe(401);
    expect((await anonymous.get('/api/escalation-matrix')).statusCode).toBe(401);
  });
});

describe('escalation matrix as installed', () => {
  it('starts with three levels, in the reader’s language', async () => {
    const response = await inLanguage(customer, '/api/escalation-matrix', 'de');
    expect(response.statusCode).toBe(200);
    const { levels } = response.json();
    expect(levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3]);
    expect(levels[1].role).toBe('Leiterin oder Leiter Support');
    expect(levels[0].email).toBe('support@guichet.example');
  });
});
