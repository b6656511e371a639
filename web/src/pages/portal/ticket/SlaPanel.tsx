import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getTicketSla, ticketKeys } from '../../../api/tickets';
import { DueExplanation } from '../../commitments/ExplanationTimeline';
import { useCriticalityLabel } from '../../commitments/useCriticalityLabel';
import { useFormatDate } from '../shared';

/** The commitment and its due time in plain words (R7), from the customer view of the SLA. */
export function SlaPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const label = useCriticalityLabel();
  const sla = useQuery({ queryKey: ticketKeys.sla(ticketId), queryFn: () => getTicketSla(ticketId) });
  const view = sla.data?.view === 'customer' ? sla.data : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-sla-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="ticket-sla-title">
          {t('portal:ticket.slaTitle')}
        </Title>
        {sla.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {sla.error && <Text size="sm">{t('portal:ticket.slaUnavailable')}</Text>}
        {view &&
          [view.engagement, view.resolution].map(
            (c, index) =>
              c && (
                <div key={index === 0 ? 'engagement' : 'resolution'}>
                  <Text size="sm">
                    <strong>{c.commitment}</strong>
                    {' — '}
                    {c.met
                      ? t('portal:ticket.slaMet')
                      : c.dueAt
                        ? t('portal:ticket.slaDue', { date: format(c.dueAt) })
                        : t('portal:ticket.slaNoDue')}
                  </Text>
                  <DueExplanation
                    explanation={view.explanations[index === 0 ? 'engagement' : 'resolution']}
                    ticketId={ticketId}
                    clock={index === 0 ? 'engagement' : 'resolution'}
                    criticalityLabel={label}
                  />
                </div>
              ),
          )}
        {view && <Text size="sm">{view.explanation}</Text>}
      </Stack>
    </Paper>
  );
}
