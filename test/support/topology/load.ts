import type { RecordingClient } from './http-client';

/** A write the load sent: its unique text, and the id the server gave it when it answered. */
export interface Write {
  kind: 'ticket' | 'reply';
  text: string;
  id: string | null;
}

export interface Load {
  /** Writes answered 201 (acknowledged), and writes that got no success answer. */
  created: Write[];
  replies: Write[];
  unanswered: Write[];
  acknowledged(): number;
  stop(): void;
  done: Promise<void>;
}

/** Iterations per lane at most, so the load is bounded even if the one stopping it fails. */
const maxIterations = 400;

/**
 * A mixed load through the balancer until stopped: customers open tickets, read them and their
 * list, and add a detail; staff read the queue, answer a recent ticket and read its timeline.
 * Each lane waits for its previous request, as a person does; every text is unique, so each
 * write can be found (and counted) in the database afterwards.
 */
export function runLoad(
  sessions: Map<string, RecordingClient>,
  lanes: { customers: string[]; staff: string[] },
  tag: string,
): Load {
  const load: Load = {
    created: [],
    replies: [],
    unanswered: [],
    acknowledged: () => load.created.length + load.replies.length,
    stop: () => {
      stopped = true;
    },
    done: Promise.resolve(),
  };
  let stopped = false;
  const session = (email: string) => {
    const client = sessions.get(email);
    if (!client) throw new Error(`no session for ${email}`);
    return client;
  };
  const write = async (
    client: RecordingClient,
    kind: Write['kind'],
    path: string,
    body: object,
    text: string,
  ) => {
    const answer = await client.call('POST', path, body);
    const json = answer.json as { ticket?: { id: string }; message?: { id: string } } | null;
    const id = (kind === 'ticket' ? json?.ticket?.id : json?.message?.id) ?? null;
    if (answer.status === 201 && id)
      (kind === 'ticket' ? load.created : load.replies).push({ kind, text, id });
    else load.unanswered.push({ kind, text, id: null });
    return answer.status === 201 ? id : null;
  };

  const customerLane = async (email: string, lane: number) => {
    const client = session(email);
    const types = await client.call('GET', '/api/request-types');
    const items = (types.json as { items?: { id: string; code: string }[] } | null)?.items ?? [];
    const requestTypeId = items.find((t) => t.code === 'assistance')?.id;
    if (!requestTypeId) throw new Error(`${email} is offered no Assistance request type`);
    for (let i = 0; i < maxIterations && !stopped; i += 1) {
      const subject = `Charge ${tag} ${lane}-${i}: export bloqué`;
      const body = {
        requestTypeId,
        criticality: 'moyenne',
        subject,
        description: `Description ${lane}-${i}.`,
      };
      const id = await write(client, 'ticket', '/api/tickets', body, subject);
      if (id) {
        await client.call('GET', `/api/tickets/${id}`);
        const detail = `Précision ${tag} ${lane}-${i}`;
        await write(client, 'reply', `/api/tickets/${id}/messages`, { body: detail }, detail);
      }
      await client.call('GET', '/api/tickets?limit=20');
    }
  };

  const staffLane = async (email: string, lane: number) => {
    const client = session(email);
    for (let i = 0; i < maxIterations && !stopped; i += 1) {
      await client.call('GET', '/api/tickets?limit=20');
      const ticket = load.created[load.created.length - 1 - ((i + lane) % 5)] ?? load.created.at(-1);
      if (!ticket?.id) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const answer = `Réponse ${tag} ${lane}-${i}`;
      await write(client, 'reply', `/api/tickets/${ticket.id}/messages`, { body: answer }, answer);
      await client.call('GET', `/api/tickets/${ticket.id}/timeline`);
    }
  };

  load.done = Promise.all([
    ...lanes.customers.map((email, lane) => customerLane(email, lane)),
    ...lanes.staff.map((email, lane) => staffLane(email, lane)),
  ]).then(() => undefined);
  return load;
}
