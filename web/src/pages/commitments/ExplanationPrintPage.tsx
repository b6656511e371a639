import './print.css';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { getTicketSla, ticketKeys } from '../../api/tickets';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useErrorText } from '../portal/shared';
import { usePageTitle } from '../usePageTitle';
import { ExplanationTimeline } from './ExplanationTimeline';
import { useCommitmentsT } from './i18n';
import { useCriticalityLabel } from './useCriticalityLabel';

/** The explanation of a ticket's due times on one printable page (for a customer who disputes a breach). */
export default function ExplanationPrintPage() {
  const { id = '' } = useParams();
  const { ct } = useCommitmentsT();
  usePageTitle(ct('explain.pageTitle'));
  const errorText = useErrorText();
  const label = useCriticalityLabel();
  const sla = useQuery({ queryKey: ticketKeys.sla(id), queryFn: () => getTicketSla(id) });
  if (sla.isPending) return <PageLoader />;
  if (sla.error) return <FormAlert message={errorText(sla.error)} />;
  const clocks = (['engagement', 'resolution'] as const).filter((clock) => sla.data.explanations[clock]);
  return (
    <Stack gap="md" maw={860}>
      <Title order={1}>{ct('explain.pageTitle')}</Title>
      <Button onClick={() => window.print()} style={{ alignSelf: 'flex-start' }} className="no-print">
        {ct('explain.printButton')}
      </Button>
      {clocks.length === 0 && <Text>{ct('explain.none')}</Text>}
      {clocks.map((clock) => {
        const explanation = sla.data.explanations[clock];
        return (
          explanation && (
            <section key={clock} aria-labelledby={`print-${clock}`}>
              <Title order={2} size="h4" id={`print-${clock}`}>
                {ct(`explain.clock.${clock}`)} — {ct(`explain.state.${explanation.state}`)}
              </Title>
              <ExplanationTimeline explanation={explanation} criticalityLabel={label} />
            </section>
          )
        );
      })}
    </Stack>
  );
}
