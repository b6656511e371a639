import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';

/** How far ahead of the screen a part below it starts building: a quarter of a screen's height. */
const ahead = '25% 0px';
/** A part nobody scrolled to is still built once the page has been quiet this long. */
const quietMs = 3000;

/**
 * Builds a part of the page below its first screen (a reply form, say) once the reader comes near
 * it (`ahead`), or once the page has been quiet a few seconds, whichever comes first; the
 * placeholder holds its place meanwhile. The first screen is then built and shown without the
 * code and the rendering of what the reader cannot see yet, while a reader who scrolls, tabs or
 * reads on finds the part ready.
 */
export function WhenNear({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const mark = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = mark.current;
    if (near || !element) return;
    const build = () => startTransition(() => setNear(true));
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && build(), {
      rootMargin: ahead,
    });
    observer.observe(element);
    const timer = setTimeout(() => whenIdle(build), quietMs);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [near]);
  return near ? children : <div ref={mark}>{placeholder}</div>;
}

function whenIdle(run: () => void) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}
