import './i18n';
import { Badge, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../src/i18n/format';
import { fetchRequestTypes, requestTypesKey } from '../../api/catalogue';
import { ApiError } from '../../api/client';
import type { TicketStatus } from '../../api/tickets';

/** Who acts next, by status: the colour tells the reader whether the ball is in their court. */
const statusColor: Record<TicketStatus, string> = {
  open: 'blue',
  qualified: 'blue',
  in_progress: 'indigo',
  waiting_customer: 'orange',
  waiting_development: 'grape',
  transferred_development: 'grape',
  transferred_consulting: 'teal',
  closed: 'gray',
};

export function StatusBadge({ status, label }: { status: TicketStatus; label: string }) {
  return (
    // Dark text on the light tint: the colour tells who acts, the text stays readable (WCAG AA).
    <Badge
      color={statusColor[status]}
      c="dark.9"
      variant="light"
      radius="sm"
      style={{ textTransform: 'none' }}
    >
      {label}
    </Badge>
  );
}

/** The meaning of a status in a few words: who acts next. */
export function useStatusMeaning() {
  const { t } = useTranslation();
  return (status: TicketStatus) => t(`labels:turn.${status}`);
}

/** Dates and times in the reader's language, Zurich time (the one formatting module). */
export function useFormatDate() {
  const { i18n } = useTranslation();
  return (iso: string | null, withTime = true) =>
    iso ? (withTime ? formatDateTime(iso, i18n.language) : formatDate(iso, i18n.language)) : '';
}

/** A message for a failure: the server's own words, or ours when it could not be reached. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error instanceof ApiError
      ? error.code === 'network'
        ? t('errors.network')
        : error.message
      : t('errors.unexpected');
}

/**
 * Renders the plain-text format of help articles: paragraphs separated by a blank line, `## `
 * headings and `- ` list items. Text only, never HTML.
 */
export function ArticleBody({ body }: { body: string }) {
  const blocks = body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const out: ReactNode[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const heading = lines[0]?.startsWith('## ') ? lines.shift() : undefined;
    if (heading) {
      out.push(
        <Title key={`h:${block}`} order={2} size="h4" mt="sm">
          {heading.slice(3)}
        </Title>,
      );
    }
    const items = lines.filter((l) => l.startsWith('- '));
    if (items.length > 0 && items.length === lines.length) {
      out.push(
        <List key={`l:${block}`} spacing={4}>
          {items.map((item) => (
            <List.Item key={item}>{item.slice(2)}</List.Item>
          ))}
        </List>,
      );
    } else if (lines.length > 0) {
      out.push(<Text key={`p:${block}`}>{lines.join(' ')}</Text>);
    }
  }
  return <Stack gap="xs">{out}</Stack>;
}

/** The request-type catalogue of the signed-in customer's company. */
export function useRequestTypes() {
  return useQuery({ queryKey: requestTypesKey, queryFn: fetchRequestTypes, staleTime: 60_000 });
}
