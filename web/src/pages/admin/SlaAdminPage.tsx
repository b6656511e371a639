import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { criticalitySchema } from '../../../../src/http/schemas/tickets';
import { formatClockTime } from '../../../../src/i18n/format';
import {
  getCalendar,
  getClosedDays,
  getSlaTargets,
  putCalendar,
  putSlaTargets,
  type SlaTargets,
} from '../../api/staff-admin';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatDate, zurichToday } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';

const criticalities = criticalitySchema.options;
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const hhmm = formatClockTime;

/** SLA targets per criticality (in business hours), the business calendar and its closed days. */
export default function SlaAdminPage() {
  const { st } = useStaffT();
  usePageTitle(st('admin.sla.title'));
  return (
    <Stack gap="md">
      <Targets />
      <CalendarPanel />
    </Stack>
  );
}

function Targets() {
  const { st } = useStaffT();
  const query = useQuery({ queryKey: ['admin-sla-targets'], queryFn: getSlaTargets });
  const [draft, setDraft] = useState<SlaTargets['targets'] | null>(null);
  useEffect(() => {
    if (query.data) setDraft(query.data.targets);
  }, [query.data]);
  const save = useAdminMutation({
    mutationFn: () => putSlaTargets(draft as SlaTargets['targets']),
    success: (result) => st('admin.sla.saved', { count: result.recomputedTickets ?? 0 }),
    invalidate: 'all',
  });
  if (!draft) return <PageLoader />;
  const set = (
    c: (typeof criticalities)[number],
    field: 'engagementMinutes' | 'resolutionMinutes',
    hours: number,
  ) => setDraft({ ...draft, [c]: { ...draft[c], [field]: Math.round(hours * 60) } });

  return (
    <Card withBorder component="section" aria-labelledby="targets-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="targets-title">
            {st('admin.sla.title')}
          </Title>
          <Text size="sm">{st('admin.sla.hint')}</Text>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('dashboard.criticality')}</Table.Th>
                  <Table.Th>{st('admin.sla.engagement')}</Table.Th>
                  <Table.Th>{st('admin.sla.resolution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criticalities.map((c) => (
                  <Table.Tr key={c}>
                    <Table.Th scope="row">{st(`labels:criticality.${c}`)}</Table.Th>
                    <Table.Td>
                      <NumberInput
                        aria-label={st('admin.sla.engagementOf', {
                          criticality: st(`labels:criticality.${c}`),
                        })}
                        min={0.25}
                        step={0.25}
                        decimalScale={2}
                        value={draft[c].engagementMinutes / 60}
                        onChange={(v) => set(c, 'engagementMinutes', Number(v))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={st('admin.sla.resolutionOf', {
                          criticality: st(`labels:criticality.${c}`),
                        })}
                        min={0.25}
                        step={1}
                        decimalScale={2}
                        value={draft[c].resolutionMinutes / 60}
                        onChange={(v) => set(c, 'resolutionMinutes', Number(v))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <FormAlert message={save.error?.message ?? null} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {st('admin.sla.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CalendarPanel() {
  const { st, language } = useStaffT();
  const calendar = useQuery({ queryKey: ['admin-calendar'], queryFn: getCalendar });
  const from = zurichToday();
  const to = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
  const closed = useQuery({ queryKey: ['admin-closed-days', from], queryFn: () => getClosedDays(from, to) });
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const addDay = useAdminMutation({
    mutationFn: () => {
      const config = calendar.data?.config;
      if (!config) throw new Error('calendar not loaded');
      return putCalendar({
        ...config,
        extraClosedDays: [
          ...config.extraClosedDays,
          { date, ...(label.trim() ? { label: label.trim() } : {}) },
        ],
      });
    },
    onSuccess: () => {
      setDate('');
      setLabel('');
    },
    success: st('admin.calendar.saved'),
    invalidate: [['admin-calendar'], ['admin-closed-days']],
    notifyError: true,
  });
  if (!calendar.data) return <PageLoader />;
  const config = calendar.data.config;

  return (
    <Card withBorder component="section" aria-labelledby="calendar-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-title">
          {st('admin.calendar.title')}
        </Title>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table>
            <Table.Caption>{st('admin.calendar.hours')}</Table.Caption>
            <Table.Tbody>
              {days.map((d) => (
                <Table.Tr key={d}>
                  <Table.Th scope="row">{st(`admin.calendar.days.${d}`)}</Table.Th>
                  <Table.Td>
                    {config.weeklyHours[d].length === 0
                      ? st('admin.calendar.closed')
                      : config.weeklyHours[d].map((i) => `${hhmm(i.start)}–${hhmm(i.end)}`).join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm">
          {st('admin.calendar.eve', {
            time: config.eveClosingMinute === null ? '—' : hhmm(config.eveClosingMinute),
          })}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (date) addDay.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              label={st('admin.calendar.extraDate')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
            />
            <TextInput
              label={st('admin.calendar.extraLabel')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <Button type="submit" variant="default" loading={addDay.isPending}>
              {st('admin.calendar.addClosedDay')}
            </Button>
          </Group>
        </form>
        <Title order={3} size="h4">
          {st('admin.calendar.nextTwelveMonths')}
        </Title>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.calendar.date')}</Table.Th>
                <Table.Th>{st('admin.calendar.kind')}</Table.Th>
                <Table.Th>{st('admin.calendar.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(closed.data?.items ?? []).map((item) => (
                <Table.Tr key={`${item.date}-${item.kind}`}>
                  <Table.Td>{formatDate(`${item.date}T12:00:00Z`, language)}</Table.Td>
                  <Table.Td>{st(`admin.calendar.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>
                    {[item.name, item.closesAt && st('admin.calendar.closesAt', { time: item.closesAt })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
