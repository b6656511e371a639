import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketTimers } from '../../db/schema/index';

/** A timer settled (done: it happened; cancelled: it no longer applies), or moved later. */
export type TimerUpdate = { id: string; state: 'done' | 'cancelled'; at: Date } | { id: string; dueAt: Date };

/** Writes the settled and moved timers of a batch in one statement. */
export async function writeTimerUpdates(tx: Tx, updates: readonly TimerUpdate[]): Promise<void> {
  if (!updates.length) return;
  if (new Set(updates.map((u) => u.id)).size !== updates.length) {
    throw new Error('a timer was decided twice in one batch');
  }
  const rows = updates.map((u) =>
    'state' in u
      ? { id: u.id, state: u.state, doneAt: u.at.toISOString(), dueAt: null }
      : { id: u.id, state: null, doneAt: null, dueAt: u.dueAt.toISOString() },
  );
  await tx.execute(sql`
    update ${ticketTimers}
       set state = coalesce(v.state, ${ticketTimers.state}),
           done_at = case when v.state is null then ${ticketTimers.doneAt} else v."doneAt" end,
           due_at = coalesce(v."dueAt", ${ticketTimers.dueAt})
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(id uuid, state ticket_timer_state, "doneAt" timestamptz, "dueAt" timestamptz)
     where ${ticketTimers.id} = v.id`);
}
