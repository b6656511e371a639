import { afterTicketChange } from '../tickets/record-event';
import { scheduleTicketTimers } from './schedule-timers';

// Every ticket change passes through recordEvent; its hooks run in the change's transaction.
if (!afterTicketChange.includes(scheduleTicketTimers)) afterTicketChange.push(scheduleTicketTimers);
