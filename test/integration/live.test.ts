import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/app/auth/tokens';
import { actorOf } from '../../src/app/context';
import { LiveHub } from '../../src/app/live/hub';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, openTicket, type TestCompany } from '../support/factories';

interface LiveEvent {
  /** The stream's `id:` line: where the change sits in the replay window. */
  id?: string;
  event: string;
  data: {
    ticketId: string;
    key: string;
    status: string;
    actorId: string | null;
    actorName: string | null;
    notice: boolean;
  };
}

/** An open event stream: every event received so far, and a way to wait for the next matching one. */
class Stream {
  readonly events: LiveEvent[] = [];
  /** Everything the server wrote, as text. */
  raw = '';
  private waiters: { match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }[] = [];
  private textWaiters: { pattern: RegExp; resolve: (found: RegExpExecArray) => void }[] = [];
  private buffer = '';
  readonly ended: Promise<void>;

  constructor(
    readonly response: IncomingMessage,
    private readonly close: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.push(chunk));
    this.ended = new Promise((resolve) => response.on('close', () => resolve()));
  }

  next(match: (e: LiveEvent) => boolean): Promise<LiveEvent> {
    const found = this.events.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The first match of a pattern in what the server wrote, once it has been written in full. */
  written(pattern: RegExp): Promise<RegExpExecArray> {
    const found = pattern.exec(this.raw);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.textWaiters.push({ pattern, resolve }));
  }

  stop() {
    this.close();
  }

  private push(chunk: string) {
    this.raw += chunk;
    for (const waiter of this.textWaiters) {
      const found = waiter.pattern.exec(this.raw);
      if (found) waiter.resolve(found);
    }
    this.textWaiters = this.textWaiters.filter((w) => !w.pattern.exec(this.raw));
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      const id = /^id: (.+)$/m.exec(block)?.[1];
      if (event && data) {
        const parsed: LiveEvent = { ...(id ? { id } : {}), event, data: JSON.parse(data) };
        this.events.push(parsed);
        for (const waiter of this.waiters.filter((w) => w.match(parsed))) waiter.resolve(parsed);
        this.waiters = this.waiters.filter((w) => !w.match(parsed));
      }
      end = this.buffer.indexOf('\n\n');
    }
  }
}

function openStream(base: string, client: TestClient | null, lastEventId?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const session = client?.cookie('guichet_session');
    const req = httpRequest(`${base}/api/live/tickets`, {
      headers: {
        ...(session ? { cookie: `guichet_session=${session}` } : {}),
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
    });
    req.on('response', (response) => resolve(new Stream(response, () => req.destroy())));
    req.on('error', reject);
    req.end();
  });
}

let t: TestApp;
let base: string;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let globex: TestCompany;
let agent: TestClient;
let consultant: TestClient;
let acmeCustomer: TestClient;

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
  acmeCustomer = new TestClient(t.app);
  await acmeCustomer.login(acme.customer.email);
});
afterAll(() => t.close());

describe('GET /api/live/tickets', () => {
  it('answers 401 to a caller who is not signed in', async () => {
    const stream = await openStream(base, null);
    expect(stream.response.statusCode).toBe(401);
    stream.stop();
  });

  it('streams uncompressed server-sent events to staff: who changed which ticket, to what status', async () => {
    const stream = await openStream(base, consultant);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.response.headers['cache-control']).toContain('no-transform');
    expect(stream.response.headers['content-encoding'] ?? 'identity').toBe('identity');

    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const taken = await agent.post(`/api/tickets/${ticket.id}/take`);
    expect(taken.statusCode).toBe(200);

    const event = await stream.next((e) => e.data.ticketId === ticket.id && e.data.status === 'in_progress');
    expect(event).toEqual({
      id: expect.stringMatching(/^\d+$/),
      event: 'ticket-changed',
      data: {
        ticketId: ticket.id,
        key: ticket.key,
        status: 'in_progress',
        actorId: staff.agent.id,
        actorName: staff.agent.name,
        notice: false,
      },
    });
    stream.stop();
  });

  it('flags the change that brought a person a notice on their stream only, so their bell refreshes', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const consultantStream = await openStream(base, consultant);
    const agentStream = await openStream(base, agent);
    const admin = new TestClient(t.app);
    await admin.login(staff.admin.email);
    const assigned = await admin.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: staff.agent.id });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const forAgent = await agentStream.next((e) => e.data.ticketId === ticket.id && e.data.notice);
    expect(forAgent.data).toMatchObject({ ticketId: ticket.id, actorId: staff.admin.id, notice: true });
    const forConsultant = await consultantStream.next((e) => e.data.ticketId === ticket.id);
    expect(forConsultant.data.notice).toBe(false);
    agentStream.stop();
    consultantStream.stop();
  });

  it('tells a customer of their company’s public changes only: never another company’s, never an internal note', async () => {
    const theirs = await openTicket(t.ctx, globex.customer, { status: 'in_progress' });
    const mine = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const stream = await openStream(base, acmeCustomer);

    const foreign = await agent.post(`/api/tickets/${theirs.id}/messages`, { body: 'Answer to Globex' });
    expect(foreign.statusCode).toBe(201);
    const note = await agent.post(`/api/tickets/${mine.id}/messages`, {
      body: 'Internal: check the export job',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(201);
    const answer = await agent.post(`/api/tickets/${mine.id}/status`, { status: 'waiting_customer' });
    expect(answer.statusCode).toBe(200);

    // Changes are delivered in commit order: once the last one arrives, the earlier ones would have.
    await stream.next((e) => e.data.ticketId === mine.id && e.data.status === 'waiting_customer');
    expect(stream.events.map((e) => e.data.ticketId)).not.toContain(theirs.id);
    expect(stream.events.filter((e) => e.data.ticketId === mine.id)).toHaveLength(1);
    stream.stop();
  });

  it('announces nothing for a change that is refused (rolled back)', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'open' });
    const other = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const stream = await openStream(base, consultant);
    const refused = await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_development' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    await agent.post(`/api/tickets/${other.id}/take`);
    await stream.next((e) => e.data.ticketId === other.id);
    expect(stream.events.map((e) => e.data.ticketId)).not.toContain(ticket.id);
    stream.stop();
  });
});

describe('reconnection (Last-Event-ID)', () => {
  it('replays to a reconnecting stream the changes it missed, as it may hear them', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const first = await openStream(base, acmeCustomer);
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'First answer' });
    const seen = await first.next((e) => e.data.ticketId === ticket.id);
    expect(seen.id).toMatch(/^\d+$/);
    first.stop();

    // While the customer's browser is away: an internal note, then a public change.
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Internal only', visibility: 'internal' });
    await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    const foreign = await openTicket(t.ctx, globex.customer, { status: 'qualified' });
    await agent.post(`/api/tickets/${foreign.id}/take`);

    const again = await openStream(base, acmeCustomer, seen.id);
    // The replayed changes come after the event-stream head, or a browser would refuse the answer.
    expect(again.response.statusCode).toBe(200);
    expect(again.response.headers['content-type']).toMatch(/^text\/event-stream/);
    const missed = await again.next(
      (e) => e.data.ticketId === ticket.id && e.data.status === 'waiting_customer',
    );
    expect(Number(missed.id)).toBeGreaterThan(Number(seen.id));
    expect(again.events.map((e) => e.data.ticketId)).not.toContain(foreign.id);
    // The replay reaches a little before the change seen (a client takes a change twice harmlessly),
    // but the internal note, the only change made in progress after the one seen, is never in it.
    const replayed = again.events.filter((e) => e.data.ticketId === ticket.id && e.id !== seen.id);
    expect(replayed.filter((e) => Number(e.id) > Number(seen.id)).map((e) => e.data.status)).toEqual([
      'waiting_customer',
    ]);
    again.stop();
  });

  it('gives a new stream the window position, so a stream cut before any change still resumes', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Before the stream' });
    const first = await openStream(base, acmeCustomer);
    // The whole id line, not merely the first bytes of the stream: they may come in several parts.
    const position = (await first.written(/^id: (\d+)\n/m))[1];
    expect(position).toBeDefined();
    first.stop();

    // Cut before it heard anything: it reconnects with the position, and hears what came after.
    await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    const again = await openStream(base, acmeCustomer, position);
    const missed = await again.next(
      (e) => e.data.ticketId === ticket.id && e.data.status === 'waiting_customer',
    );
    expect(Number(missed.id)).toBeGreaterThan(Number(position));
    again.stop();
  });

  it('replays internal changes to staff, and ignores an id that is not a number', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const first = await openStream(base, consultant);
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Public' });
    const seen = await first.next((e) => e.data.ticketId === ticket.id);
    first.stop();
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'A note', visibility: 'internal' });

    const again = await openStream(base, consultant, seen.id);
    await again.next((e) => e.data.ticketId === ticket.id && e.id !== seen.id);
    again.stop();

    const odd = await openStream(base, consultant, '1; drop table');
    expect(odd.response.statusCode).toBe(200);
    odd.stop();
  });
});

/** Waits for the stream to be closed by the server, failing (not hanging) if it stays open. */
async function closedWithin(stream: Stream, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stream still open after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([stream.ended, bound]);
  } finally {
    clearTimeout(timer);
  }
}

describe('revocation', () => {
  it('closes the streams of a session when it signs out, and only those', async () => {
    const person = await createUser(t.ctx.db, { role: 'agent' });
    const leaving = new TestClient(t.app);
    await leaving.login(person.email);
    const staying = new TestClient(t.app);
    await staying.login(person.email);
    const leavingStream = await openStream(base, leaving);
    const stayingStream = await openStream(base, staying);
    expect([leavingStream.response.statusCode, stayingStream.response.statusCode]).toEqual([200, 200]);

    expect((await leaving.delete('/api/session')).statusCode).toBe(200);
    await closedWithin(leavingStream, 5000);

    // The other sign-in of the same person keeps hearing of changes.
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    await agent.post(`/api/tickets/${ticket.id}/take`);
    await stayingStream.next((e) => e.data.ticketId === ticket.id);
    stayingStream.stop();
  });

  it('closes every stream of an account an administrator disables', async () => {
    const admin = new TestClient(t.app);
    await admin.login(staff.admin.email);
    const person = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    const browser = new TestClient(t.app);
    await browser.login(person.email);
    const streams = await Promise.all([openStream(base, browser), openStream(base, browser)]);
    expect(streams.map((s) => s.response.statusCode)).toEqual([200, 200]);

    const disabled = await admin.patch(`/api/users/${person.id}`, { active: false });
    expect(disabled.statusCode).toBe(200);
    await Promise.all(streams.map((s) => closedWithin(s, 5000)));
    const reopened = await openStream(base, browser);
    expect(reopened.response.statusCode).toBe(401);
    reopened.stop();
  });

  it('ends the streams of a session that has expired at the periodic check', async () => {
    const person = await createUser(t.ctx.db, { role: 'agent' });
    const browser = new TestClient(t.app);
    await browser.login(person.email);
    const hub = new LiveHub(t.ctx);
    const ended: string[] = [];
    await hub.subscribe({
      actor: actorOf(person),
      sessionHash: hashToken(browser.cookie('guichet_session') ?? ''),
      send: () => undefined,
      end: () => ended.push('current'),
    });
    await hub.endExpiredSessions();
    expect(ended).toEqual([]);

    t.clock.advance(t.ctx.config.SESSION_TTL_HOURS * 3_600_000 + 1000);
    await hub.endExpiredSessions();
    expect(ended).toEqual(['current']);
    expect(hub.size).toBe(0);
    await hub.close();
  });
});

describe('server close', () => {
  it('ends open streams, so closing the server does not wait for clients', async () => {
    const own = await testApp();
    await own.app.listen({ port: 0, host: '127.0.0.1' });
    const ownBase = `http://127.0.0.1:${(own.app.server.address() as AddressInfo).port}`;
    const people = await createStaff(own.ctx.db);
    const client = new TestClient(own.app);
    await client.login(people.agent.email);
    const streams = await Promise.all([openStream(ownBase, client), openStream(ownBase, client)]);
    expect(streams.map((s) => s.response.statusCode)).toEqual([200, 200]);

    await own.close();
    await Promise.all(streams.map((s) => s.ended));
    // The last word is a short retry hint, so browsers reconnect (to another instance) at once.
    for (const stream of streams) expect(stream.raw.trimEnd().endsWith('retry: 500')).toBe(true);
  });
});
