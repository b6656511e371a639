import { Anchor, Divider, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type Attachment,
  fetchAttachments,
  fetchTimeline,
  type Ticket,
  type TimelineEntry,
} from '../../../api/tickets';
import { PageLoader } from '../../../components/guards';
import { formatSize } from '../files';
import { useFormatDate } from '../shared';

export function Timeline({ ticket }: { ticket: Ticket }) {
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
