import type { NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

// The toasts' container and module load on the first toast, so no page pays for them before then.
let wanted = false;
const listeners = new Set<() => void>();

/** Whether a toast was asked for yet (read by the container's host in app.tsx). */
export const notificationsWanted = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => wanted,
};

/**
 * Shows a toast; the notifications module loads on first use, outside the first page's weight.
 * Its close button is named in the reader's language unless the caller names it.
 */
export function notify(data: NotificationData): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  const closeButtonProps = { 'aria-label': i18next.t('common.close'), ...data.closeButtonProps };
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({ ...data, closeButtonProps }),
  );
}
