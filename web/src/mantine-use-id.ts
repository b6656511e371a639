import { useId as useReactId } from 'react';

/**
 * The component library's `useId`, without its second render: the library's own version starts
 * from React's id and swaps it for a random one once mounted, so every input, popover, tab and
 * checkbox rendered twice, the second time all at once after the page's first commit (a fifth of a
 * second on a phone for the queue). React's ids are unique within the app's one root and contain
 * no character a selector would need escaped. web/vite.config.ts puts this in the library's place.
 */
export function useId(staticId?: string): string {
  const reactId = useReactId();
  return typeof staticId === 'string' ? staticId : `mantine-${reactId}`;
}
