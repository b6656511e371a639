import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTimeWithWeekday } from '../../../src/i18n/format';
import type { Ticket } from '../api/tickets';

/**
 * R9 told while a ticket waits on the customer: when the two reminders come (or came) and when
 * the ticket closes without an answer. The dates are the server's, from the domain's schedule.
 */
export function WaitingSchedule({
  schedule,
  audience,
}: {
  schedule: NonNullable<Ticket['waitingSchedule']>;
  audience: 'customer' | 'staff';
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDateTimeWithWeekday(iso, i18n.language);
  const reminder = (number: 1 | 2, r: { at: string; sent: boolean }) =>
    t(`waitingSchedule.reminder${number}${r.sent ? 'Sent' : ''}`, { date: date(r.at) });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="waiting-schedule-title">
      <Stack gap="xs" data-testid="waiting-schedule">
        <Title order={2} size="h4" id="waiting-schedule-title">
          {t('waitingSchedule.title')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{reminder(1, schedule.reminder1)}</List.Item>
          <List.Item>{reminder(2, schedule.reminder2)}</List.Item>
          <List.Item>
            {schedule.closeAt
              ? t('waitingSchedule.closing', { date: date(schedule.closeAt) })
              : t('waitingSchedule.suspended')}
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t(audience === 'customer' ? 'waitingSchedule.cancelCustomer' : 'waitingSchedule.cancelStaff')}
        </Text>
      </Stack>
    </Paper>
  );
}
