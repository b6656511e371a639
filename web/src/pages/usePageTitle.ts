import { useEffect } from 'react';

/** Names the browser tab after the page, so screen readers and history say where one is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Guichet`;
  }, [title]);
}
