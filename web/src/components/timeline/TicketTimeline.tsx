import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Attachment,
  getAttachments,
  getTimeline,
  type TimelineEntry,
  ticketKeys,
} from '../../api/tickets';
import { PageLoader } from '../guards';
import { RichText } from '../rich-text/RichText';
import { AttachmentList } from './AttachmentList';
import { formatInstant } from './format';

type Filter = 'everything' | 'messages';

/**
 * The ticket's history as people read it, the same for customers and staff (R14): the
 * description first, then every entry as a sentence in the reader's language with its date in
 * Zurich time, messages with their files, internal entries marked. Staff read newest first.
 */
export function TicketTimeline({
  ticket,
  newestFirst = false,
}: {
  ticket: { id: string; descriptionHtml: string; createdAt: string; creator: { name: string } | null };
  newestFirst?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [filter, setFilter] = useState<Filter>('everything');
  const timeline = useQuery({
    queryKey: ticketKeys.timeline(ticket.id, language),
    queryFn: () => getTimeline(ticket.id),
  });
  const attachments = useQuery({
    queryKey: ticketKeys.attachments(ticket.id),
    queryFn: () => getAttachments(ticket.id),
  });
  // Built from deferred copies: a long history renders in slices, not in one blocking task.
  const shownTimeline = useDeferredValue(timeline.data);
  const files = useDeferredValue(attachments.data)?.items ?? [];
  const filesOf = (messageId: string | null) => files.filter((f) => f.messageId === messageId);
  const entries = (shownTimeline?.entries ?? []).filter(
    (e) => e.kind !== 'created' && (filter === 'everything' || e.message !== null),
  );
  if (newestFirst) entries.reverse();

  return (
    <Stack gap="sm" component="section" aria-labelledby="timeline-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="timeline-title">
          {t('timeline.title')}
        </Title>
        {/* Two toggle buttons: a sliding indicator would measure the page while it first renders. */}
        <Button.Group aria-label={t('timeline.filter')}>
          {(['everything', 'messages'] as const).map((choice) => (
            <Button
              key={choice}
              size="compact-sm"
              variant={filter === choice ? 'filled' : 'default'}
              aria-pressed={filter === choice}
              onClick={() => setFilter(choice)}
            >
              {t(choice === 'everything' ? 'timeline.everything' : 'timeline.messagesOnly')}
            </Button>
          ))}
        </Button.Group>
      </Group>
      <Card withBorder padding="sm" data-testid="description">
        <Text size="sm" c="dimmed">
          {t('timeline.descriptionBy', {
            name: ticket.creator?.name ?? '—',
            date: formatInstant(ticket.createdAt, language),
          })}
        </Text>
        <RichText html={ticket.descriptionHtml} mt={4} testId="description-text" />
        <AttachmentList files={filesOf(null)} />
      </Card>
      {!shownTimeline && !timeline.error && <PageLoader />}
      <Stack
        gap="xs"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="timeline"
      >
        {entries.map((entry) => (
          <EntryCard key={entry.id} entry={entry} files={entry.message ? filesOf(entry.message.id) : []} />
        ))}
      </Stack>
    </Stack>
  );
}

function EntryCard({ entry, files }: { entry: TimelineEntry; files: Attachment[] }) {
  const { t, i18n } = useTranslation();
  const internal = entry.visibility === 'internal';
  const fromCustomer = entry.actor?.role === 'customer';
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-visibility={entry.visibility}
      data-kind={entry.kind}
      style={
        internal
          ? {
              background: 'var(--mantine-color-yellow-0)',
              borderColor: 'var(--mantine-color-yellow-7)',
              borderLeftWidth: 6,
            }
          : {
              borderLeftWidth: 6,
              borderLeftColor: `var(--mantine-color-${fromCustomer ? 'gray-6' : 'blue-7'})`,
            }
      }
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          {internal && (
            <Badge color="#7a4f00" autoContrast={false} c="white" variant="filled" radius="sm">
              {t('timeline.internal')}
            </Badge>
          )}
          <Text fw={600} size="sm">
            {entry.summary}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" component="time" dateTime={entry.at}>
          {formatInstant(entry.at, i18n.language)}
        </Text>
      </Group>
      {entry.details.map((line) => (
        <Text key={line} size="sm" mt={4}>
          {line}
        </Text>
      ))}
      {entry.message && <RichText html={entry.message.html} mt="xs" testId="message-text" />}
      <AttachmentList files={files} />
    </Card>
  );
}
