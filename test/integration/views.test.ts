import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff } from '../support/factories';

let t: TestApp;
let agent: TestClient;
let consultant: TestClient;
let customer: TestClient;

beforeAll(async () => {
  t = await testApp();
  const staff = await createStaff(t.ctx.db);
  const acme = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

describe('saved views', () => {
  it('saves, lists by name and deletes a person’s own views', async () => {
    const saved = await agent.post('/api/views', {
      name: 'Critiques à qualifier',
      filters: { status: ['open'], criticality: ['critique'], sort: 'engagementDueAt' },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'Critiques à qualifier',
      filters: { status: ['open'], criticality: ['critique'], sort: 'engagementDueAt' },
    });
    await agent.post('/api/views', { name: 'Attente client', filters: { status: 'waiting_customer' } });

    const list = await agent.get('/api/views');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((v: { name: string }) => v.name)).toEqual([
      'Attente client',
      'Critiques à qualifier',
    ]);

    const removed = await agent.delete(`/api/views/${saved.json().id}`);
    expect(removed.statusCode).toBe(200);
    const after = await agent.get('/api/views');
    expect(after.json().items.map((v: { name: string }) => v.name)).toEqual(['Attente client']);
  });

  it('replaces a view saved again under the same name', async () => {
    await consultant.post('/api/views', { name: 'Mine', filters: { assigneeId: 'me' } });
    await consultant.post('/api/views', { name: 'Mine', filters: { assigneeId: 'me', desk: 'consulting' } });
    const list = await consultant.get('/api/views');
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].filters).toEqual({ assigneeId: 'me', desk: 'consulting' });
  });

  it('keeps each person’s views private: another’s view is not found', async () => {
    const own = await agent.post('/api/views', { name: 'Private', filters: {} });
    const views = await consultant.get('/api/views');
    expect(views.json().items.map((v: { id: string }) => v.id)).not.toContain(own.json().id);
    const attempt = await consultant.delete(`/api/views/${own.json().id}`);
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().code).toBe('not_found');
  });

  it('is for staff: a customer is refused', async () => {
    expect((await customer.get('/api/views')).statusCode).toBe(403);
    expect((await customer.post('/api/views', { name: 'x', filters: {} })).statusCode).toBe(403);
  });

  it('refuses an empty name and malformed filters with a 400', async () => {
    const blank = await agent.post('/api/views', { name: '  ', filters: {} });
    expect(blank.statusCode).toBe(400);
    const bad = await agent.post('/api/views', { name: 'Bad', filters: { 'not a key': 'x' } });
    expect(bad.statusCode).toBe(400);
  });
});
