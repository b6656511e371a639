import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TimelineEntry } from '../../../api/staff-tickets';
import { formatDateTime } from '../format';
import { useStaffT } from '../i18n';

const describeChange = (entry: TimelineEntry): string[] => {
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  return Object.keys(after).map(
    (key) => `${key}: ${String(before[key] ?? '—')} → ${String(after[key] ?? '—')}`,
  );
};

/** The whole history: public entries plainly, internal ones on a yellow ground with a label. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { st, language } = useStaffT();
  return (
    <Stack gap="sm" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title">
        {st('timeline.title')}
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((entry) => {
          const internal = entry.visibility === 'internal';
          const reason = typeof entry.data.reason === 'string' ? entry.data.reason : null;
          return (
            <Card
              key={entry.id}
              component="li"
              withBorder
              padding="sm"
              data-visibility={entry.visibility}
              style={
                internal
                  ? {
                      background: 'var(--mantine-color-yellow-0)',
                      borderColor: 'var(--mantine-color-yellow-7)',
                      borderLeftWidth: 6,
                    }
                  : { borderLeftWidth: 6, borderLeftColor: 'var(--mantine-color-blue-7)' }
              }
            >
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs">
                  {internal && (
                    <Badge color="#7a4f00" autoContrast={false} c="white" variant="filled" radius="sm">
                      {st('timeline.internal')}
                    </Badge>
                  )}
                  <Text fw={600} size="sm">
                    {st(`timeline.kinds.${entry.kind}`, { defaultValue: entry.kind })}
                  </Text>
                  <Text size="sm">{entry.actor?.name ?? st('timeline.system')}</Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {formatDateTime(entry.at, language)}
                </Text>
              </Group>
              {entry.message && (
                <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.message.body}
                </Text>
              )}
              {!entry.message &&
                describeChange(entry).map((line) => (
                  <Text key={line} size="sm" mt={4}>
                    {line}
                  </Text>
                ))}
              {reason && (
                <Text size="sm" mt={4}>
                  {st('timeline.reason', { reason })}
                </Text>
              )}
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
