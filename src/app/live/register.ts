import { afterTicketChange } from '../tickets/record-event';
import { publishTicketChange } from './channel';

// Every ticket change passes through recordEvent; the notice leaves with its commit.
if (!afterTicketChange.includes(publishTicketChange)) afterTicketChange.push(publishTicketChange);
