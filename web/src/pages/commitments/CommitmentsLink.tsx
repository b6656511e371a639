import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useCommitmentsT } from './i18n';

/** A link to "Nos engagements", for the pages that speak of criticality and escalation. */
export function CommitmentsLink({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  const { ct } = useCommitmentsT();
  return (
    <Anchor component={Link} to="/commitments" size={size} fw={600} data-testid="commitments-link">
      {ct('link')}
    </Anchor>
  );
}

/** The two delays of a criticality for the customer's company, beside its definition in the form. */
export function CriticalityDelays({
  delays,
}: {
  delays: { engagementMinutes: number; resolutionMinutes: number } | undefined;
}) {
  const { ct, business } = useCommitmentsT();
  if (!delays) return null;
  return (
    <span data-testid="criticality-delays">
      {ct('delays', {
        engagement: business(delays.engagementMinutes),
        resolution: business(delays.resolutionMinutes),
      })}
    </span>
  );
}
