import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** The toasts' container, with its styles: a chunk of its own, loaded with the first toast. */
export default function Toasts() {
  return <Notifications position="top-center" />;
}
