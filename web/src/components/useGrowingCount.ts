import { startTransition, useEffect, useState } from 'react';

/**
 * How many of a list's items to render: a first screenful at once, then `step` more in each later
 * commit until all are there. React slices a render but not its commit (the DOM built in one go):
 * fifty rows at once held a phone's main thread for a fifth of a second before anything answered.
 */
export function useGrowingCount(total: number, first = 12, step = 12): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    // A task of its own per step, so the browser paints and answers input between them.
    const timer = setTimeout(() => startTransition(() => setCount((shown) => shown + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  return Math.min(count, total);
}
