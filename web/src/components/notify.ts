import type { NotificationData } from '@mantine/notifications';

/** Shows a toast; the notifications module loads on first use, outside the first page's weight. */
export function notify(data: NotificationData): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(data));
}
