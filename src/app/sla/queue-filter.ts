import { and, eq, not, or, type SQL, sql } from 'drizzle-orm';
import { ticketSla, tickets } from '../../db/schema/index';

/** The SLA states a staff queue can be filtered on. */
export type SlaQueueFilter = 'at_risk' | 'breached';

/**
 * A condition on `tickets` for the queue: tickets whose SLA is breached, or at risk (75 % of a
 * target used) and not yet breached, exactly as of `now`. The stored state says what held at the
 * ticket's last change; the warning instants of `ticket_sla` add the running clocks that have
 * crossed a threshold since, with no event in between.
 */
export function slaStateFilter(state: SlaQueueFilter, now: Date): SQL {
  const breached = or(eq(tickets.slaState, 'breached'), crossed(ticketSla.nextBreachAt, now)) as SQL;
  if (state === 'breached') return breached;
  return and(or(eq(tickets.slaState, 'at_risk'), crossed(ticketSla.nextAtRiskAt, now)), not(breached)) as SQL;
}

function crossed(column: typeof ticketSla.nextBreachAt, now: Date): SQL {
  return sql`exists (select 1 from ${ticketSla} where ${ticketSla.ticketId} = ${tickets.id} and ${column} <= ${now.toISOString()}::timestamptz)`;
}
