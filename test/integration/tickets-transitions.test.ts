import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index';
import {
  CLOSE_REASONS_OF_ROLE,
  checkTransition,
  DESKS,
  handlesDesk,
  TICKET_STATUSES,
  TRANSITIONS,
} from '../../src/domain/tickets/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  forceTicket,
  openTicket,
  type TestCompany,
  type TestUser,
} from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let people: Record<'agent' | 'consultant' | 'admin' | 'customer', TestUser>;
const clients = new Map<string, TestClient>();

beforeAll(async () => {
  t = await testApp();
  const staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  people = { ...staff, customer: acme.customer };
  for (const [role, user] of Object.entries(people)) {
    const client = new TestClient(t.app);
    await client.login(user.email);
    clients.set(role, client);
  }
});
afterAll(() => t.close());

const roles = ['agent', 'consultant', 'admin', 'customer'] as const;
const refusalCodes = new Set([
  'transition_not_allowed',
  'transition_forbidden',
  'wrong_desk',
  'ticket_is_closed',
  'close_reason_not_allowed',
]);

describe('R6 over the API: every (from, to) pair for every role and desk, generated from the table', () => {
  for (const role of roles) {
    for (const desk of DESKS) {
      it(`${role} on a ${desk} ticket`, async () => {
        const client = clients.get(role) as TestClient;
        const ticket = await openTicket(t.ctx, acme.customer);
        const outcomes: string[] = [];
        let allowed = 0;
        for (const from of TICKET_STATUSES) {
          for (const to of TICKET_STATUSES) {
            await forceTicket(t.ctx.db, ticket.id, {
              status: from,
              desk,
              closeReason: from === 'closed' ? 'solution_delivered' : null,
              closedAt: null,
            });
            const closeReason = CLOSE_REASONS_OF_ROLE[role][0];
            const expected = checkTransition({
              from,
              to,
              role,
              desk,
              rpcReference: 'RPC-1',
              spcReference: 'SPC-1',
              closeReason,
            }).ok;
            const response = await client.post(`/api/tickets/${ticket.id}/status`, {
              status: to,
              rpcReference: 'RPC-1',
              spcReference: 'SPC-1',
              closeReason,
            });
            const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
            if (expected) {
              allowed += 1;
              if (response.statusCode !== 200 || row?.status !== to) {
                outcomes.push(`${from}→${to}: expected success, got ${response.statusCode} ${response.body}`);
              }
            } else {
              const code = response.json().code as string;
              if (response.statusCode < 400 || !refusalCodes.has(code) || row?.status !== from) {
                outcomes.push(
                  `${from}→${to}: expected a refusal, got ${response.statusCode} ${code} (${row?.status})`,
                );
              }
              if (!response.json().message) outcomes.push(`${from}→${to}: refusal without a message`);
            }
          }
        }
        expect(outcomes).toEqual([]);
        // Whatever the desk, a customer may close any non-closed ticket and do nothing else.
        if (role === 'customer') expect(allowed).toBe(TICKET_STATUSES.length - 1);
        else if (handlesDesk(role, desk)) expect(allowed).toBeGreaterThan(10);
        else expect(allowed).toBe(0);
      });
    }
  }

  it('refuses each transition that needs a field without it, with a specific code', async () => {
    const client = clients.get('admin') as TestClient;
    const ticket = await openTicket(t.ctx, acme.customer);
    const codes = {
      rpcReference: 'rpc_reference_required',
      spcReference: 'spc_reference_required',
      closeReason: 'close_reason_required',
    };
    for (const rule of TRANSITIONS.filter((r) => r.requires.length > 0)) {
      await forceTicket(t.ctx.db, ticket.id, { status: rule.from, desk: rule.fromDesks?.[0] ?? 'support' });
      const response = await client.post(`/api/tickets/${ticket.id}/status`, { status: rule.to });
      expect(response.statusCode, `${rule.from}→${rule.to}`).toBe(400);
      expect(response.json().code).toBe(codes[rule.requires[0] as keyof typeof codes]);
    }
  });

  it('explains a refused transition in the caller language with both status labels', async () => {
    const client = clients.get('agent') as TestClient;
    const ticket = await openTicket(t.ctx, acme.customer);
    const response = await client.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe(
      'Un ticket au statut « Ouvert » ne peut pas passer au statut « Attente client ».',
    );
  });

  it('records each status change with before and after, and the customer sees it', async () => {
    const agent = clients.get('agent') as TestClient;
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    const entries = (
      await (clients.get('customer') as TestClient).get(`/api/tickets/${ticket.id}/timeline`)
    ).json().entries;
    expect(entries.at(-1)).toMatchObject({
      kind: 'status_changed',
      visibility: 'public',
      before: { status: 'in_progress' },
      after: { status: 'waiting_customer' },
      actor: { id: people.agent.id },
    });
  });
});
