import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, users } from '../../src/db/schema/index';
import type { TestClient } from '../support/app';
import { type TestApp, testApp } from '../support/app';
import { createCompany, createStaff, signedIn, ticketInput } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/** The answer to POST /api/tickets, and what GET /api/tickets/:id says of the same ticket right after. */
async function createdAndRead(client: TestClient, body: object) {
  const created = await client.post('/api/tickets', body);
  expect(created.statusCode).toBe(201);
  const read = await client.get(`/api/tickets/${created.json().ticket.id}`);
  expect(read.statusCode).toBe(200);
  return { created: created.json(), read: read.json() };
}

describe('the answer to a creation', () => {
  it('is the ticket as the customer then reads it: names, abilities, SLA due times, watching', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, acme.customer);
    const { created, read } = await createdAndRead(client, {
      ...(await ticketInput(t.ctx.db)),
      softwareVersion: ' 14.2 ',
      description: 'Line one\n\nLine **two**',
      descriptionFormat: 'markdown',
    });
    expect(created.ticket.engagementDueAt).not.toBeNull();
    expect(created.ticket.company.name).toBe(acme.company.name);
    expect(created).toEqual(read);
  });

  it('is the ticket as staff then read it, for a ticket opened on behalf of a customer', async () => {
    const acme = await createCompany(t.ctx.db);
    const agent = await signedIn(t.app, staff.agent);
    const { created, read } = await createdAndRead(agent, {
      ...(await ticketInput(t.ctx.db)),
      companyId: acme.company.id,
      requesterId: acme.manager.id,
    });
    expect(created.ticket.creator).toEqual({ id: acme.manager.id, name: acme.manager.name });
    expect(created.ticket.staff).toBeDefined();
    expect(created).toEqual(read);
  });

  it('is the consulting request as read, with its project', async () => {
    const acme = await createCompany(t.ctx.db);
    const [project] = await t.ctx.db
      .insert(projects)
      .values({ companyId: acme.company.id, name: 'ERP rollout' })
      .returning();
    const client = await signedIn(t.app, acme.customer);
    const { created, read } = await createdAndRead(client, {
      desk: 'consulting',
      criticality: 'basse',
      subject: 'Configure the new warehouse',
      description: 'We need help with the warehouse setup.',
      projectId: project?.id,
    });
    expect(created.ticket.project).toEqual({ id: project?.id, name: 'ERP rollout' });
    expect(created).toEqual(read);
  });

  it('names the creator as the database does, even when the name changed since signing in', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, acme.customer);
    await t.ctx.db.update(users).set({ name: 'Renamed Customer' }).where(eq(users.id, acme.customer.id));
    const { created, read } = await createdAndRead(client, await ticketInput(t.ctx.db));
    expect(created.ticket.creator.name).toBe(read.ticket.creator.name);
    expect(created).toEqual(read);
  });
});
