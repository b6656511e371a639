import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { getTicket, type Ticket, ticketKeys } from '../../api/tickets';
import { ErrorScreen } from '../../components/ErrorScreen';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { TicketTimeline } from '../../components/timeline/TicketTimeline';
import { WaitingSchedule } from '../../components/WaitingSchedule';
import { WhenNear } from '../../components/WhenNear';
import { usePageTitle } from '../usePageTitle';
import { StatusBadge, useErrorText, useFormatDate } from './shared';
import { CloseButton, ClosedExplanation } from './ticket/CloseTicket';
import { SlaPanel } from './ticket/SlaPanel';
import { TicketSurvey } from './ticket/TicketSurvey';
import { WatchButton } from './ticket/WatchButton';

// The reply form (editor, file picker) sits below the conversation: its code loads and it is built
// as the reader comes near it (WhenNear), not with the ticket's first screen.
const ReplyForm = lazy(() => import('./ticket/ReplyForm').then((m) => ({ default: m.ReplyForm })));
const replyPlaceholder = <Paper withBorder radius="md" mih={320} />;

export default function TicketList() {
  const { id = '' } = useParams();
  const me = useMe();
  // Staff work on a ticket in their own workspace; links in mails lead everyone here first.
  if (me.role !== 'customer') return <Navigate to={`/staff/tickets/${id}`} replace />;
  return <CustomerTicketPage id={id} />;
}

function CustomerTicketPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ticket = useQuery({ queryKey: ticketKeys.detail(id), queryFn: () => getTicket(id) });
  // An answer from the query store re-renders synchronously: the page is built from a deferred
  // copy instead, in slices that leave the main thread free between them.
  const shown = useDeferredValue(ticket.data);
  usePageTitle(shown ? `${shown.ticket.key} · ${shown.ticket.subject}` : t('portal:ticket.title'));
  if (ticket.error instanceof ApiError && ticket.error.status === 404) return <ErrorScreen kind="notFound" />;
  if (ticket.error) return <FormAlert message={errorText(ticket.error)} />;
  if (!shown) return <PageLoader />;
  return <TicketView ticket={shown.ticket} />;
}

function TicketView({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const closed = ticket.status === 'closed';
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Text c="dimmed" fw={600}>
          {ticket.key} · {ticket.desk === 'support' ? t('portal:desk.support') : t('portal:desk.consulting')}
        </Text>
        <Title order={1}>{ticket.subject}</Title>
        {!closed && ticket.abilities.canWatch && <WatchButton ticket={ticket} />}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-status-title">
          <Stack gap="xs">
            <Title order={2} size="h4" id="ticket-status-title">
              {t('portal:ticket.statusTitle')}
            </Title>
            <Group gap="xs">
              <StatusBadge status={ticket.status} label={ticket.statusLabel} />
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {ticket.criticalityLabel}
              </Badge>
            </Group>
            <Text data-testid="next-step">{ticket.nextStep}</Text>
            {closed && ticket.closeReasonLabel && (
              <Text size="sm">
                {t('portal:ticket.closedBecause', {
                  reason: ticket.closeReasonLabel,
                  date: format(ticket.closedAt),
                })}
              </Text>
            )}
          </Stack>
        </Paper>
        <SlaPanel ticketId={ticket.id} />
      </SimpleGrid>
      {ticket.waitingSchedule && <WaitingSchedule schedule={ticket.waitingSchedule} audience="customer" />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-details-title">
        <Title order={2} size="h4" id="ticket-details-title" mb="xs">
          {t('portal:ticket.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
          <Field label={t('portal:ticket.company')} value={ticket.company.name} />
          {ticket.requestType && <Field label={t('portal:newTicket.type')} value={ticket.requestType.name} />}
          {ticket.project && <Field label={t('portal:newTicket.project')} value={ticket.project.name} />}
          <Field label={t('portal:ticket.openedBy')} value={ticket.creator?.name ?? '—'} />
          <Field label={t('portal:ticket.openedAt')} value={format(ticket.createdAt)} />
          <Field
            label={t('portal:ticket.assignee')}
            value={ticket.assignee?.name ?? t('portal:ticket.nobodyYet')}
          />
          {ticket.softwareVersion && (
            <Field label={t('portal:newTicket.version')} value={ticket.softwareVersion} />
          )}
          {ticket.societe && <Field label={t('portal:newTicket.societe')} value={ticket.societe} />}
          {ticket.module && <Field label={t('portal:newTicket.module')} value={ticket.module} />}
          {ticket.rpcReference && (
            <Field label={t('portal:ticket.rpcReference')} value={ticket.rpcReference} />
          )}
          {ticket.spcReference && (
            <Field label={t('portal:ticket.spcReference')} value={ticket.spcReference} />
          )}
        </SimpleGrid>
        {ticket.linkedTicketId && (
          <Anchor component={Link} to={`/tickets/${ticket.linkedTicketId}`} size="sm" mt="xs" display="block">
            {t('portal:ticket.followsUp')}
          </Anchor>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <TicketTimeline ticket={ticket} />
      </Paper>
      {closed && <TicketSurvey ticketId={ticket.id} />}
      {closed ? (
        <ClosedExplanation ticket={ticket} />
      ) : (
        ticket.abilities.canAnswer && (
          <WhenNear placeholder={replyPlaceholder}>
            <Suspense fallback={replyPlaceholder}>
              <ReplyForm ticket={ticket} />
            </Suspense>
          </WhenNear>
        )
      )}
      {!closed && ticket.abilities.canClose && <CloseButton ticket={ticket} />}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
