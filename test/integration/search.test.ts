import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexTicketSearch } from '../../src/app/ticket-lists/search';
import { ticketSearch } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  forceTicket,
  insertMessage,
  insertTicket,
  type TestCompany,
} from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let globex: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
  const open = async (name: string, subject: string, description: string, company = acme) => {
    ids[name] = (
      await insertTicket(t.ctx.db, {
        companyId: company.company.id,
        createdBy: company.customer.id,
        subject,
        description,
      })
    ).id;
  };
  await open('factures', 'Les factures ne sortent plus', 'Impression bloquée depuis ce matin.');
  await open('mention', 'Export comptable', 'Le journal des factures est vide.');
  await open('ecriture', 'Écriture comptable en double', 'Chaque écriture apparaît deux fois.');
  await open('rechnung', 'Rechnung wird nicht gedruckt', 'Seit heute Morgen keine Rechnung mehr.');
  await open('unrelated', 'Mot de passe oublié', 'Je ne peux plus me connecter.');
  await open('note', 'Problème de stock', 'Les quantités sont fausses.');
  await open('other', 'Factures en retard', 'Les factures de mars manquent.', globex);
  await insertMessage(t.ctx.db, {
    ticketId: ids.note ?? '',
    authorId: staff.agent.id,
    body: 'Note interne : le client confond avec le module xylophone.',
    visibility: 'internal',
  });
  await insertMessage(t.ctx.db, {
    ticketId: ids.unrelated ?? '',
    authorId: staff.agent.id,
    body: 'Nous avons réinitialisé votre accès à la comptabilité.',
  });
});
afterAll(() => t.close());

const signedIn = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
};

const search = async (client: TestClient, q: string) => {
  const response = await client.get(`/api/tickets?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { id: string }[]).map((i) => i.id);
};

describe('full-text search', () => {
  it('finds "factures" when searching "facturation" (French stems), most relevant first', async () => {
    const client = await signedIn(acme.customer.email);
    const found = await search(client, 'facturation');
    // Subject (weight A) ranks above description (weight B); Globex's ticket stays invisible.
    expect(found).toEqual([ids.factures, ids.mention]);
  });

  it('ignores accents in both directions', async () => {
    const client = await signedIn(acme.customer.email);
    expect(await search(client, 'ecriture')).toEqual([ids.ecriture]);
    expect(await search(client, 'écritures')).toEqual([ids.ecriture]);
    expect(await search(client, 'ÉCRITURE')).toEqual([ids.ecriture]);
  });

  it('stems German: "Rechnungen" finds "Rechnung"', async () => {
    const client = await signedIn(acme.customer.email);
    expect(await search(client, 'Rechnungen')).toEqual([ids.rechnung]);
  });

  it('searches public messages too', async () => {
    const client = await signedIn(acme.customer.email);
    expect(await search(client, 'comptabilité')).toContain(ids.unrelated);
  });

  it('never matches words that occur only in an internal note for customers, but does for staff', async () => {
    const customer = await signedIn(acme.customer.email);
    expect(await search(customer, 'xylophone')).toEqual([]);
    const agent = await signedIn(staff.agent.email);
    expect(await search(agent, 'xylophone')).toEqual([ids.note]);
  });

  it('lets staff search every company, and pages through results in relevance order', async () => {
    const agent = await signedIn(staff.agent.email);
    const all = await search(agent, 'factures');
    expect(all).toHaveLength(3);
    expect(all).toContain(ids.other);
    const first = (await agent.get('/api/tickets?q=factures&limit=2')).json();
    const second = (await agent.get(`/api/tickets?q=factures&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual(all);
    expect(second.nextCursor).toBeNull();
  });

  it('combines search with filters and other sorts', async () => {
    const agent = await signedIn(staff.agent.email);
    const response = await agent.get(`/api/tickets?q=factures&companyId=${globex.company.id}&sort=createdAt`);
    expect(response.json().items.map((i: { id: string }) => i.id)).toEqual([ids.other]);
  });

  it('keeps the index current when a ticket changes, and can rebuild it', async () => {
    const byTicket = (rows: (typeof ticketSearch.$inferSelect)[]) =>
      [...rows].sort((a, b) => a.ticketId.localeCompare(b.ticketId));
    const before = byTicket(await t.ctx.db.select().from(ticketSearch));
    expect(before.map((row) => row.ticketId)).toEqual(Object.values(ids).sort());
    await t.ctx.db.transaction((tx) => reindexTicketSearch(tx, ids.factures ?? ''));
    expect(byTicket(await t.ctx.db.select().from(ticketSearch))).toEqual(before);

    await forceTicket(t.ctx.db, ids.unrelated ?? '', { subject: 'Lieferschein fehlt' });
    const client = await signedIn(acme.customer.email);
    expect(await search(client, 'Lieferscheine')).toEqual([ids.unrelated]);
  });
});
