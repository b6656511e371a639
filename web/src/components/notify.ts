import type { NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

/**
 * Shows a toast; the notifications module loads on first use, outside the first page's weight.
 * Its close button is named in the reader's language unless the caller names it.
 */
export function notify(data: NotificationData): void {
  const closeButtonProps = { 'aria-label': i18next.t('common.close'), ...data.closeButtonProps };
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({ ...data, closeButtonProps }),
  );
}
