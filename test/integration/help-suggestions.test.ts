import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany } from '../support/factories';

let t: TestApp;
let customer: TestClient;

beforeAll(async () => {
  t = await testApp();
  const acme = await createCompany(t.ctx.db);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

async function suggested(subject: string, language: 'fr' | 'de' | 'en' = 'fr'): Promise<string[]> {
  expect((await customer.put('/api/session/language', { language })).statusCode).toBe(200);
  const response = await customer.get(`/api/help-articles/suggest?subject=${encodeURIComponent(subject)}`);
  expect(response.statusCode).toBe(200);
  return response.json().items.map((item: { slug: string }) => item.slug);
}

describe('help suggestions while a subject is typed (R15)', () => {
  it('ranks the article about the subject first, in each language, and leaves out articles only sharing common words', async () => {
    expect((await suggested('Comment joindre le journal des erreurs ?', 'fr'))[0]).toBe(
      'joindre-un-fichier-journal',
    );
    expect((await suggested('Quelle criticité choisir pour un arrêt de la production ?', 'fr'))[0]).toBe(
      'choisir-la-criticite',
    );
    expect(await suggested('Welche Kritikalität wählen?', 'de')).toEqual(['choisir-la-criticite']);
    expect(await suggested('How do I attach a log file?', 'en')).toEqual(['joindre-un-fichier-journal']);
    expect(await suggested('Support or consulting for a new report?', 'en')).toEqual([
      'support-ou-consulting',
    ]);
  });

  it('suggests nothing when no word of the subject matches an article', async () => {
    expect(await suggested('Imprimante du troisième étage', 'fr')).toEqual([]);
    expect(await suggested('Drucker im dritten Stock', 'de')).toEqual([]);
    expect(await suggested('Printer on the third floor', 'en')).toEqual([]);
  });
});
