/**
 * The code of the page's first screen, named by the page (src/http/web-page.ts) and asked for once
 * the frame is painted: before that, the styles and the data have the connection to themselves.
 * During a page's load, asking for a file costs the main thread a few milliseconds, so each is
 * asked for in a task of its own, and a tap is answered between them. Resolves once all are asked
 * for: the app's own import then finds its files already on their way.
 */
export function askForFirstScreenCode(
  root: HTMLElement | null = document.getElementById('root'),
): Promise<void> {
  const pending = root?.dataset.code?.split(' ').filter(Boolean) ?? [];
  return new Promise((resolve) => {
    const askForNext = () => {
      const href = pending.shift();
      if (href === undefined) {
        resolve();
        return;
      }
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
      setTimeout(askForNext, 0);
    };
    askForNext();
  });
}
