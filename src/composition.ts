/**
 * Where the application is composed. Every process that acts on tickets (the server, the
 * standalone worker, the demo seed, the test harness, the benchmarks) builds its context here, so
 * all run the same after-change effects in the same order.
 */
import type { AppContext } from './app/context';
import type { AfterChangeEffects } from './app/effects';
import { installEffects } from './app/effects';
import { publishTicketChange } from './app/live/channel';
import { recomputeSlaAfterChange } from './app/sla/after-ticket-change';
import { scheduleTicketTimers } from './app/timers/schedule-timers';
import { armSlaWarnings } from './app/timers/sla-warnings';
import { queueSlaWebhooks, queueTicketWebhooks } from './app/webhooks/queue-webhooks';
import { mailRendering } from './mail/preview';

/**
 * What follows every change, in order: the SLA due times first (they rearm the R7 warnings), then
 * the R9 reminders and closing (entering or leaving waiting_customer; closing cancels every
 * pending timer, warnings included), then the webhook deliveries (queued, sent later by the
 * worker), and last the live notice, which reads the ticket as the effects before it left it. A
 * fired SLA warning queues its webhooks too.
 */
export const afterChangeEffects: AfterChangeEffects = Object.freeze({
  afterTicketChange: Object.freeze([
    recomputeSlaAfterChange,
    scheduleTicketTimers,
    queueTicketWebhooks,
    publishTicketChange,
  ]),
  afterSlaRecompute: Object.freeze([armSlaWarnings]),
  afterSlaWarning: Object.freeze([queueSlaWebhooks]),
});

/**
 * The application context of a process, with the after-change effects installed and the ports
 * the application uses without importing them (the mail layer's rendering).
 */
export function composeContext(parts: Omit<AppContext, 'mail'>): AppContext {
  installEffects(afterChangeEffects);
  return { ...parts, mail: mailRendering };
}
