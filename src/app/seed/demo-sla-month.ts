import { zurichDateOf, zurichInstant } from '../../domain/calendar/index';
import { manualClock } from '../../domain/clock';
import { requestTypeByCode } from '../catalogue/request-types';
import type { Actor, AppContext } from '../context';
import { calendarFor, readCalendarSetting } from '../sla/config';
import { addMessage } from '../tickets/add-message';
import { changeStatus } from '../tickets/change-status';
import { closeTicket } from '../tickets/close-ticket';
import { createTicket } from '../tickets/create-ticket';
import { qualifyTicket } from '../tickets/qualify-ticket';
import { takeTicket } from '../tickets/take-ticket';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Last month of the demo company, lived through the application functions at the instants they
 * happened, so its monthly SLA report has something to show: three Assistance requests opened at
 * the first opening of the month's first working day —
 * - Critique, taken in charge after 10 minutes and closed after 40: both commitments met;
 * - Critique, taken in charge after 3 hours (1 hour allowed), closed half an hour later: the
 *   engagement breached, the resolution met;
 * - Haute, taken in charge after an hour, waiting for the customer until the next day, closed ten
 *   days later: the resolution (24 business hours) breached, with its pause in the explanation.
 * The first working day is read from the desk's calendar, so the story holds in any month.
 */
export async function seedDemoSlaMonth(
  ctx: AppContext,
  people: { customer: Actor; agent: Actor },
): Promise<void> {
  const assistance = await requestTypeByCode(ctx.db, 'assistance');
  if (!assistance) return;
  const opening = await firstOpeningOfLastMonth(ctx);
  const clock = manualClock(opening);
  const past: AppContext = { ...ctx, clock };
  const at = (offsetMs: number) => clock.set(new Date(opening.getTime() + offsetMs));
  const { customer, agent } = people;
  const open = (criticality: 'critique' | 'haute', subject: string, description: string) =>
    createTicket(past, customer, {
      desk: 'support',
      requestTypeId: assistance.id,
      criticality,
      subject,
      description,
      softwareVersion: '12.4',
      societe: 'Acme Lausanne',
      module: 'Finance',
    });

  at(0);
  const quick = await open(
    'critique',
    'Impression des salaires impossible',
    'Le traitement des salaires s’arrête à l’impression des fiches.',
  );
  const slow = await open(
    'critique',
    'Paiements fournisseurs rejetés par la banque',
    'Le fichier de paiement du jour est rejeté par la banque.',
  );
  const paused = await open(
    'haute',
    'Rapprochement bancaire incomplet',
    'Le rapprochement bancaire ne reprend pas les écritures du dernier relevé.',
  );
  const take = async (id: string, offsetMs: number) => {
    at(offsetMs);
    await qualifyTicket(past, agent, id, {});
    await takeTicket(past, agent, id);
  };
  const close = async (id: string, offsetMs: number) => {
    at(offsetMs);
    await closeTicket(past, agent, id, { reason: 'solution_delivered' });
  };
  await take(quick.id, 10 * MINUTE);
  await close(quick.id, 40 * MINUTE);
  await take(paused.id, 60 * MINUTE);
  at(120 * MINUTE);
  await changeStatus(past, agent, paused.id, { status: 'waiting_customer' });
  await take(slow.id, 180 * MINUTE);
  await close(slow.id, 210 * MINUTE);
  at(DAY + 120 * MINUTE);
  await addMessage(past, customer, paused.id, {
    visibility: 'public',
    body: 'Voici le relevé bancaire concerné.',
  });
  await close(paused.id, 10 * DAY);
}

/** The first instant the desk opens in the Zurich month before the current one. */
async function firstOpeningOfLastMonth(ctx: AppContext): Promise<Date> {
  const [year, month] = zurichDateOf(ctx.clock.now()).split('-').map(Number) as [number, number];
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const { value } = await readCalendarSetting(ctx.db);
  for (const stretch of calendarFor(value).openStretchesFrom(zurichInstant(`${last}-01 00:00`))) {
    return new Date(stretch.start * MINUTE);
  }
  throw new Error('the desk never opens');
}
