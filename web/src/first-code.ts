/**
 * The code of the page's first screen, named by the page (src/http/web-page.ts) and asked for
 * beside the app's own once the frame is painted: before that, the styles and the data have the
 * connection to themselves. Each request costs the main thread a little, so they are made a few
 * at a time, in short tasks that let a tap through between them.
 */
export function askForFirstScreenCode(root: HTMLElement | null = document.getElementById('root')) {
  const pending = root?.dataset.code?.split(' ').filter(Boolean) ?? [];
  const askForSome = () => {
    for (const href of pending.splice(0, 4)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    if (pending.length > 0) setTimeout(askForSome, 0);
  };
  askForSome();
}
