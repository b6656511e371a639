import { Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClockExplanation } from '../../api/commitments';
import { useCommitmentsT } from './i18n';

type Part = ClockExplanation['parts'][number];

/** A due time as a short timeline: what counted, what was closed, what waited; computed by the server's SLA engine. */
export function ExplanationTimeline({
  explanation,
  criticalityLabel,
}: {
  explanation: ClockExplanation;
  criticalityLabel: (criticality: string) => string;
}) {
  const { ct, at, business, wall, day } = useCommitmentsT();
  const e = explanation;
  const line = (part: Part) => {
    const range = { from: at(part.from), to: at(part.to) };
    if (part.kind === 'working') return ct('explain.working', { ...range, duration: business(part.minutes) });
    if (part.kind === 'paused') {
      const reason = ct(`labels:status.${part.reason ?? 'waiting_customer'}`);
      return part.ongoing && !part.projected
        ? ct('explain.pausedOngoing', { from: range.from, reason })
        : ct('explain.paused', { ...range, reason });
    }
    return ct(part.eve ? 'explain.closedEve' : 'explain.closed', range);
  };
  return (
    <Stack gap={4} data-testid="sla-explanation">
      <Text size="sm">
        {ct('explain.summary', {
          criticality: criticalityLabel(e.criticality),
          target: business(e.targetMinutes),
          used: business(e.usedMinutes),
          left: business(Math.max(e.leftMinutes, 0)),
        })}{' '}
        {e.leftMinutes < 0 ? ct('explain.overdue', { over: business(-e.leftMinutes) }) : ''}
      </Text>
      {e.criticalityChanges.map((change) => (
        <Text size="sm" key={change.at}>
          {ct('explain.changed', {
            from: criticalityLabel(change.from),
            to: criticalityLabel(change.to),
            at: at(change.at),
          })}
        </Text>
      ))}
      <Text size="sm">{ct('explain.started', { at: at(e.startedAt) })}</Text>
      <List size="sm" spacing={2}>
        {e.parts.map((part) => (
          <List.Item key={`${part.kind}-${part.from}`}>
            {line(part)} {part.kind !== 'working' ? `(${wall(part.minutes)})` : ''}{' '}
            {part.afterDue ? ct('explain.afterDue') : part.projected ? ct('explain.projected') : ''}
            {part.closedDays.length > 0 && (
              <Text span size="xs" display="block">
                {ct('explain.days', {
                  days: part.closedDays
                    .map((d) => (d.name ? `${day(d.date)} (${d.name})` : day(d.date)))
                    .join(', '),
                })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {e.endedAt && <Text size="sm">{ct('explain.ended', { at: at(e.endedAt) })}</Text>}
      <Text size="sm" fw={600}>
        {ct('explain.due', { at: at(e.dueAt) })}
      </Text>
      <Text size="xs">
        {ct('explain.identity', {
          target: business(e.untilDue.working),
          paused: wall(e.untilDue.paused),
          closed: wall(e.untilDue.closed),
        })}
      </Text>
    </Stack>
  );
}

/** "Why this due time?": the explanation folded under the due time, with a link to the printable page. */
export function DueExplanation({
  explanation,
  ticketId,
  clock,
  criticalityLabel,
  printPath,
}: {
  explanation: ClockExplanation | null | undefined;
  ticketId: string;
  clock: 'engagement' | 'resolution';
  criticalityLabel: (criticality: string) => string;
  printPath?: string;
}) {
  const { ct } = useCommitmentsT();
  if (!explanation) return null;
  return (
    <details data-testid={`explain-${clock}`}>
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
        {ct(`explain.clock.${clock}`)} — {ct('explain.open')}
      </summary>
      <Stack gap={4} pl="md" py={4}>
        <ExplanationTimeline explanation={explanation} criticalityLabel={criticalityLabel} />
        <Anchor component={Link} to={printPath ?? `/tickets/${ticketId}/sla-explanation`} size="sm">
          {ct('explain.print')}
        </Anchor>
      </Stack>
    </details>
  );
}
