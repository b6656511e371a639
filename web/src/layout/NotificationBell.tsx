import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatRelative } from '../../../src/i18n/format';
import {
  fetchNotifications,
  markNotificationsRead,
  type Notification,
  notificationsKey,
} from '../api/notifications';
import { useLiveTickets } from '../api/staff-live';
import classes from './layout.module.css';

/**
 * The staff bell: how many notices are unread, refreshed live when a change brings one (the
 * ticket stream flags it), and a panel listing the latest with a link to each ticket. Opening a
 * notice marks it read; one button marks them all read.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({ queryKey: notificationsKey, queryFn: fetchNotifications });
  useLiveTickets((event) => {
    if (event.notice) void client.invalidateQueries({ queryKey: notificationsKey });
  });
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onSettled: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={18}
      offset={4}
      color="red.9"
      data-testid="notification-count"
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={380}
        shadow="md"
        trapFocus
        returnFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('notifications.bell', { count: unread })}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          {/* Its own component: the closed panel's notices are not formatted while every page loads. */}
          <NoticePanel
            unread={unread}
            items={items}
            error={list.error}
            markRead={markRead}
            close={() => setOpened(false)}
          />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

interface NoticePanelProps {
  unread: number;
  items: Notification[];
  error: Error | null;
  markRead: { mutate: (ids?: string[]) => void; isPending: boolean };
  close: () => void;
}

function NoticePanel({ unread, items, error, markRead, close }: NoticePanelProps) {
  const { t, i18n } = useTranslation();
  const now = new Date();
  return (
    <section aria-label={t('notifications.title')} data-testid="notification-panel">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={700} component="h2" size="md" m={0}>
          {t('notifications.title')}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {error && (
        <Text c="red.9" size="sm" role="alert">
          {error.message}
        </Text>
      )}
      {!error && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('notifications.empty')}
        </Text>
      )}
      <Stack gap={4} component="ul" className={classes.noticeList}>
        {items.map((item) => (
          <li key={item.id}>
            <UnstyledButton
              component={Link}
              to={`/staff/tickets/${item.ticket.id}`}
              className={item.read ? classes.notice : `${classes.notice} ${classes.noticeUnread}`}
              onClick={() => {
                if (!item.read) markRead.mutate([item.id]);
                close();
              }}
              data-testid="notification"
              data-read={item.read}
            >
              <Text size="sm" fw={item.read ? 400 : 700}>
                {noticeLine(t, item)}
              </Text>
              <Text size="sm" lineClamp={1}>
                {item.ticket.key} · {item.ticket.subject}
              </Text>
              {item.excerpt && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {item.excerpt}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {!item.read && <span className={classes.visuallyHidden}>{t('notifications.unread')} · </span>}
                {formatRelative(item.createdAt, now, i18n.language)}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      <Anchor component={Link} to="/profile#notifications" size="sm" onClick={close}>
        {t('notifications.preferences')}
      </Anchor>
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function noticeLine(t: T, item: Notification): string {
  const who = item.actorName ?? t('notifications.someone');
  if (item.kind === 'sla_warning') {
    const target = t(`notifications.target.${item.sla?.target ?? 'resolution'}`);
    return t(item.sla?.breach ? 'notifications.kind.slaBreached' : 'notifications.kind.slaAtRisk', {
      target,
    });
  }
  const keys = {
    customer_reply: 'notifications.kind.customerReply',
    assigned: 'notifications.kind.assigned',
    mention: 'notifications.kind.mention',
    transferred: 'notifications.kind.transferred',
  } as const;
  return t(keys[item.kind], { who });
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
