import { useEffect, useRef } from 'react';

/**
 * Files pasted into an element (a screenshot copied to the clipboard): handed to `onFiles`,
 * named after the moment they were pasted when the clipboard gives no name.
 */
export function usePastedFiles(
  target: React.RefObject<HTMLElement | null> | undefined,
  onFiles: ((files: File[]) => void) | undefined,
) {
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => {
    const element = target?.current;
    if (!element) return;
    const onPaste = (event: ClipboardEvent) => {
      const items = [...(event.clipboardData?.files ?? [])];
      if (items.length === 0 || !latest.current) return;
      event.preventDefault();
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      latest.current(
        items.map((file, i) =>
          file.name && file.name !== 'image.png'
            ? file
            : new File([file], `capture-${stamp}${i ? `-${i}` : ''}.${file.type.split('/')[1] ?? 'png'}`, {
                type: file.type,
              }),
        ),
      );
    };
    element.addEventListener('paste', onPaste);
    return () => element.removeEventListener('paste', onPaste);
  }, [target]);
}
