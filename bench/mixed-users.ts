/**
 * The people of the mixed-load benchmark: what a customer and an agent do, in what proportions,
 * with a pause to read or type between two actions. Each action's requests are timed under the
 * action's kind; any answer other than 2xx/3xx, and any request past the timeout, is an error.
 */
import { performance } from 'node:perf_hooks';
import { benchPassword, HttpClient } from './lib';
import { commonSearchTerms, frenchWords, rareSearchTerms } from './words';

export interface Person {
  email: string;
  role: 'customer' | 'agent';
  /** The address the person's requests come from (X-Forwarded-For through the trusted proxy). */
  address: string;
}

export interface Recorder {
  /** Durations in ms per kind of action. */
  samples: Map<string, number[]>;
  errors: Map<string, number>;
  firstErrors: string[];
}

export interface LoadShape {
  base: string;
  /** Mean pause between two actions (uniform between half and one and a half of it). */
  thinkMs: number;
  timeoutMs: number;
  deadline: number;
  requestTypeId: string;
}

const notClosed =
  'open,qualified,in_progress,waiting_customer,waiting_development,transferred_development,transferred_consulting';
const queues = [
  '/api/tickets?desk=support&status=open&sort=engagementDueAt&order=asc',
  '/api/tickets?desk=support&status=qualified&sort=engagementDueAt&order=asc',
  `/api/tickets?assigneeId=me&status=${notClosed}&sort=resolutionDueAt&order=asc`,
  '/api/tickets?sort=updatedAt&order=desc',
];
const searchTerms = [...commonSearchTerms, ...rareSearchTerms];

/** Actions and their weights: a customer mostly reads their tickets; an agent works the queues. */
const customerMix = { list: 40, 'ticket page': 35, reply: 10, search: 8, create: 7 } as const;
const agentMix = { queue: 40, 'ticket page': 30, reply: 15, search: 15 } as const;

type Kind = keyof typeof customerMix | keyof typeof agentMix | 'sign-in';

function pickWeighted<K extends string>(mix: Record<K, number>): K {
  const entries = Object.entries(mix) as [K, number][];
  let roll = Math.random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of entries) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return entries[0]?.[0] as K;
}

const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Failure extends Error {}

/** One person's session after session until the deadline: sign in, 20–40 actions, sign out. */
export async function actAs(person: Person, shape: LoadShape, recorder: Recorder): Promise<void> {
  const record = (kind: Kind, ms: number) => {
    const list = recorder.samples.get(kind) ?? [];
    list.push(ms);
    recorder.samples.set(kind, list);
  };
  const fail = (kind: Kind, what: string) => {
    recorder.errors.set(kind, (recorder.errors.get(kind) ?? 0) + 1);
    if (recorder.firstErrors.length < 10) recorder.firstErrors.push(`${person.email} ${kind}: ${what}`);
  };
  /** Known tickets: read from the lists the person has seen (open ones are those one may answer). */
  const seen: string[] = [];
  const open: string[] = [];
  while (performance.now() < shape.deadline) {
    const client = new HttpClient(shape.base, {
      headers: { 'x-forwarded-for': person.address },
      timeoutMs: shape.timeoutMs,
    });
    const call = async (kind: Kind, method: string, path: string, body?: unknown): Promise<unknown> => {
      const t0 = performance.now();
      let status = 0;
      let json: unknown = null;
      try {
        ({ status, json } = await client.request(method, path, body));
      } catch (error) {
        fail(kind, (error as Error).name === 'TimeoutError' ? 'timeout' : String(error));
        throw new Failure();
      }
      record(kind, performance.now() - t0);
      if (status >= 400) {
        fail(kind, `${method} ${path.slice(0, 80)}: ${status} ${JSON.stringify(json).slice(0, 120)}`);
        throw new Failure();
      }
      return json;
    };
    const remember = (json: unknown, openOnly: boolean) => {
      const items = (json as { items?: { id: string; status: string; desk: string }[] } | null)?.items ?? [];
      for (const item of items) {
        if (!seen.includes(item.id)) seen.push(item.id);
        // An agent answers on the support desk only; consulting requests are the consultants'.
        const mine = person.role === 'customer' || item.desk === 'support';
        if (mine && (openOnly || item.status !== 'closed') && !open.includes(item.id)) open.push(item.id);
      }
      seen.splice(0, Math.max(0, seen.length - 200));
      open.splice(0, Math.max(0, open.length - 100));
    };
    const actions: Record<string, () => Promise<void>> = {
      list: async () => {
        const onlyOpen = Math.random() < 0.3;
        remember(
          await call('list', 'GET', onlyOpen ? `/api/tickets?status=${notClosed}` : '/api/tickets'),
          onlyOpen,
        );
      },
      queue: async () => {
        remember(await call('queue', 'GET', pick(queues) ?? queues[0] ?? ''), false);
      },
      'ticket page': async () => {
        const id = pick(seen);
        if (!id) return actions[person.role === 'agent' ? 'queue' : 'list']?.();
        await call('ticket page', 'GET', `/api/tickets/${id}`);
        await call('ticket page', 'GET', `/api/tickets/${id}/timeline`);
      },
      reply: async () => {
        const id = pick(open);
        if (!id) return actions[person.role === 'agent' ? 'queue' : 'list']?.();
        const internal = person.role === 'agent' && Math.random() < 0.5;
        await call('reply', 'POST', `/api/tickets/${id}/messages`, {
          body: `${internal ? 'Note' : 'Réponse'} : ${pick(frenchWords)} ${pick(frenchWords)}, merci de vérifier.`,
          visibility: internal ? 'internal' : 'public',
        });
      },
      search: async () => {
        remember(
          await call('search', 'GET', `/api/tickets?q=${encodeURIComponent(pick(searchTerms) ?? 'erreur')}`),
          false,
        );
      },
      create: async () => {
        const created = (await call('create', 'POST', '/api/tickets', {
          desk: 'support',
          requestTypeId: shape.requestTypeId,
          criticality: pick(['moyenne', 'basse', 'haute'] as const),
          subject: `Problème ${pick(frenchWords)} ${pick(frenchWords)}`,
          description: `Lors de la saisie, ${pick(frenchWords)} ne se met pas à jour. Merci de votre aide.`,
        })) as { ticket?: { id: string } };
        if (created.ticket) open.push(created.ticket.id);
      },
    };
    try {
      await call('sign-in', 'GET', '/api/session');
      await call('sign-in', 'POST', '/api/session', { email: person.email, password: benchPassword });
      const length = 20 + Math.floor(Math.random() * 21);
      for (let i = 0; i < length && performance.now() < shape.deadline; i += 1) {
        await sleep(shape.thinkMs * (0.5 + Math.random()));
        if (performance.now() >= shape.deadline) break;
        const kind = person.role === 'agent' ? pickWeighted(agentMix) : pickWeighted(customerMix);
        try {
          await actions[kind]?.();
        } catch (error) {
          if (!(error instanceof Failure)) throw error;
        }
      }
      await client.request('DELETE', '/api/session').catch(() => undefined);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      await sleep(shape.thinkMs);
    }
  }
}
