import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatMinutes } from './format';
import { useStaffT } from './i18n';

/** The current time, refreshed every `everyMs`: remaining times tick without refetching. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

// Dark shades only: white text on each keeps a contrast of at least 4.5:1.
const colours: Record<string, string> = {
  on_track: '#2b6a30',
  running: '#2b6a30',
  met: '#0b6b50',
  at_risk: '#9c3a00',
  breached: '#b02020',
  paused: '#495057',
  stopped: '#495057',
  none: '#495057',
};

export function SlaBadge({ state }: { state: string | null | undefined }) {
  const { st } = useStaffT();
  const key = state ?? 'none';
  return (
    <Badge color={colours[key] ?? '#495057'} autoContrast={false} c="white" variant="filled" radius="sm">
      {st(`sla.state.${key}`, { defaultValue: key })}
    </Badge>
  );
}

/** "in 2 h 05" or "overdue by 15 min", from a due instant and the ticking clock. */
export function Remaining({ dueAt, now }: { dueAt: string | null; now: number }) {
  const { st } = useStaffT();
  if (!dueAt) return <span>—</span>;
  const minutes = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  return minutes >= 0 ? (
    <span>{st('sla.remaining', { time: formatMinutes(minutes) })}</span>
  ) : (
    <span style={{ color: 'var(--mantine-color-red-9)', fontWeight: 600 }}>
      {st('sla.overdue', { time: formatMinutes(-minutes) })}
    </span>
  );
}
