import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets';
import { usePageTitle } from '../usePageTitle';
import { Confirmation } from './new-ticket/Confirmation';
import { type Desk, TicketForm } from './new-ticket/TicketForm';

/** A new support ticket (R3, R4, R15) or consulting request (R2), with its confirmation. */
export default function NewTicketPage({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  usePageTitle(t(desk === 'support' ? 'portal:newTicket.titleSupport' : 'portal:newTicket.titleConsulting'));
  const [created, setCreated] = useState<Ticket | null>(null);
  const [attempt, setAttempt] = useState(0);
  if (created) {
    return (
      <Confirmation
        ticket={created}
        onAnother={() => {
          setCreated(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <TicketForm key={`${desk}-${attempt}`} desk={desk} onCreated={setCreated} />;
}
