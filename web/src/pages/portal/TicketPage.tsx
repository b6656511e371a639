import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { fetchTicketSla } from '../../api/sla';
import {
  type Attachment,
  closeTicket,
  fetchAttachments,
  fetchTicket,
  fetchTimeline,
  replyToTicket,
  type Ticket,
  type TimelineEntry,
  ticketKey,
} from '../../api/tickets';
import { ErrorScreen } from '../../components/ErrorScreen';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { notify } from '../../components/notify';
import { usePageTitle } from '../usePageTitle';
import { FileDrop, formatSize, UploadProgress } from './files';
import { StatusBadge, useErrorText, useFormatDate } from './shared';

export default function TicketPage() {
  const { id = '' } = useParams();
  const me = useMe();
  // Staff work on a ticket in their own workspace; links in mails lead everyone here first.
  if (me.role !== 'customer') return <Navigate to={`/staff/tickets/${id}`} replace />;
  return <CustomerTicketPage id={id} />;
}

function CustomerTicketPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ticket = useQuery({ queryKey: ticketKey(id), queryFn: () => fetchTicket(id) });
  usePageTitle(
    ticket.data ? `${ticket.data.ticket.key} · ${ticket.data.ticket.subject}` : t('portal:ticket.title'),
  );
  if (ticket.isPending) return <PageLoader />;
  if (ticket.error instanceof ApiError && ticket.error.status === 404) return <ErrorScreen kind="notFound" />;
  if (ticket.error) return <FormAlert message={errorText(ticket.error)} />;
  return <TicketView ticket={ticket.data.ticket} />;
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
        </SimpleGrid>
        {ticket.linkedTicketId && (
          <Anchor component={Link} to={`/tickets/${ticket.linkedTicketId}`} size="sm" mt="xs" display="block">
            {t('portal:ticket.followsUp')}
          </Anchor>
        )}
      </Paper>
      <Timeline ticket={ticket} />
      {closed ? (
        <ClosedExplanation ticket={ticket} />
      ) : (
        ticket.abilities.canAnswer && <ReplyForm ticket={ticket} />
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

/** The commitment and its due time in plain words (R7), from the customer view of the SLA. */
function SlaPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const sla = useQuery({ queryKey: ['ticket-sla', ticketId], queryFn: () => fetchTicketSla(ticketId) });
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
                <Text key={index === 0 ? 'engagement' : 'resolution'} size="sm">
                  <strong>{c.commitment}</strong>
                  {' — '}
                  {c.met
                    ? t('portal:ticket.slaMet')
                    : c.dueAt
                      ? t('portal:ticket.slaDue', { date: format(c.dueAt) })
                      : t('portal:ticket.slaNoDue')}
                </Text>
              ),
          )}
        {view && <Text size="sm">{view.explanation}</Text>}
      </Stack>
    </Paper>
  );
}

function Timeline({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const timeline = useQuery({ queryKey: ['timeline', ticket.id], queryFn: () => fetchTimeline(ticket.id) });
  const attachments = useQuery({
    queryKey: ['attachments', ticket.id],
    queryFn: () => fetchAttachments(ticket.id),
  });
  const files = attachments.data?.items ?? [];
  const byMessage = (messageId: string | null) => files.filter((f) => f.messageId === messageId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ticket-timeline-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="ticket-timeline-title">
          {t('portal:ticket.conversation')}
        </Title>
        <div>
          <Text size="sm" c="dimmed">
            {t('portal:ticket.descriptionBy', {
              name: ticket.creator?.name ?? '—',
              date: format(ticket.createdAt),
            })}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} mt={4}>
            {ticket.description}
          </Text>
          <FileList files={byMessage(null)} />
        </div>
        <Divider />
        {timeline.isPending && <PageLoader />}
        <Stack
          gap="sm"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="timeline"
        >
          {(timeline.data?.entries ?? [])
            .filter((e) => e.kind !== 'created')
            .map((entry) => (
              <li key={entry.id}>
                <TimelineItem entry={entry} files={entry.message ? byMessage(entry.message.id) : []} />
              </li>
            ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function TimelineItem({ entry, files }: { entry: TimelineEntry; files: Attachment[] }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const who = entry.actor?.name ?? t('portal:ticket.system');
  const header = (
    <Text size="sm" c="dimmed">
      {format(entry.at)} · {who}
    </Text>
  );
  if (entry.message) {
    return (
      <Paper p="sm" radius="md" bg={entry.actor?.role === 'customer' ? 'gray.0' : 'blue.0'}>
        {header}
        <Text style={{ whiteSpace: 'pre-wrap' }} mt={4}>
          {entry.message.body}
        </Text>
        <FileList files={files} />
      </Paper>
    );
  }
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  let text: string;
  if (typeof after.status === 'string') {
    text = t('portal:ticket.event.status', {
      from: t(`portal:status.label.${String(before.status)}`),
      to: t(`portal:status.label.${after.status}`),
    });
  } else if (typeof after.criticality === 'string') {
    text = t('portal:ticket.event.criticality', {
      from: t(`portal:criticality.${String(before.criticality)}`),
      to: t(`portal:criticality.${after.criticality}`),
      reason: String(entry.data.reason ?? ''),
    });
  } else {
    const known = ['assigned', 'taken', 'type_changed', 'reminder_sent', 'refused_reply', 'auto_close'];
    text = known.includes(entry.kind)
      ? t(`portal:ticket.event.${entry.kind}`)
      : t('portal:ticket.event.other');
  }
  return (
    <div>
      {header}
      <Text size="sm">{text}</Text>
    </div>
  );
}

function FileList({ files }: { files: Attachment[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <List size="sm" mt="xs" aria-label={t('portal:files.attached')}>
      {files.map((f) => (
        <List.Item key={f.id}>
          <Anchor href={f.downloadUrl} download={f.fileName}>
            {f.fileName}
          </Anchor>{' '}
          ({formatSize(f.size)})
        </List.Item>
      ))}
    </List>
  );
}

function useRefreshTicket(id: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ticketKey(id) }),
      client.invalidateQueries({ queryKey: ['timeline', id] }),
      client.invalidateQueries({ queryKey: ['attachments', id] }),
      client.invalidateQueries({ queryKey: ['ticket-sla', id] }),
      client.invalidateQueries({ queryKey: ['tickets'] }),
    ]);
  };
}

function ReplyForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshTicket(ticket.id);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!body.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    setSending(true);
    setProgress(files.length > 0 ? 0 : null);
    try {
      await replyToTicket(ticket.id, body, files, setProgress);
      setBody('');
      setFiles([]);
      await refresh();
      notify({ color: 'green', message: t('portal:ticket.replySent') });
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.path === 'body') : undefined;
      if (field) setError(field.message);
      else setFailure(errorText(e));
    } finally {
      setSending(false);
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reply-title">
      <form onSubmit={(e) => void send(e)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="reply-title">
            {t('portal:ticket.replyTitle')}
          </Title>
          {ticket.status === 'waiting_customer' && (
            <Alert color="orange" variant="light">
              {t('portal:ticket.waitingForYou')}
            </Alert>
          )}
          <FormAlert message={failure} />
          <Textarea
            label={t('portal:ticket.replyLabel')}
            required
            autosize
            minRows={4}
            value={body}
            error={error}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <FileDrop files={files} onChange={setFiles} disabled={sending} />
          <UploadProgress share={progress} />
          <Button type="submit" loading={sending} style={{ alignSelf: 'flex-start' }}>
            {t('portal:ticket.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** R10: a closed ticket takes no more answers; a new one, linked to it, does. */
function ClosedExplanation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const newPath = ticket.desk === 'consulting' ? '/requests/new' : '/tickets/new';
  return (
    <Alert
      color="gray"
      variant="light"
      title={t('portal:ticket.closedTitle')}
      data-testid="closed-explanation"
    >
      <Stack gap="sm">
        <Text>{t('portal:ticket.closedText')}</Text>
        <Button component={Link} to={`${newPath}?linkedTo=${ticket.id}`} style={{ alignSelf: 'flex-start' }}>
          {t('portal:ticket.openLinked')}
        </Button>
      </Stack>
    </Alert>
  );
}

function CloseButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshTicket(ticket.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const confirm = async () => {
    setClosing(true);
    setFailure(null);
    try {
      await closeTicket(ticket.id);
      close();
      await refresh();
      notify({ color: 'green', message: t('portal:ticket.closedDone', { key: ticket.key }) });
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setClosing(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={open} style={{ alignSelf: 'flex-start' }}>
        {t('portal:ticket.close')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('portal:ticket.closeConfirmTitle', { key: ticket.key })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('portal:ticket.closeConfirmText')}</Text>
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={closing} onClick={() => void confirm()}>
              {t('portal:ticket.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
