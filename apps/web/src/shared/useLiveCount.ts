import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { isAbort } from './api/errors.ts';
import { useWorkChanged } from './workChanged.ts';

/**
 * A count for a menu badge, kept fresh: loaded again on every page change,
 * whenever work changes on the page (`announceWorkChanged`), and every
 * `refreshMs` if given. `null` until the first answer. A badge is only a hint:
 * a failed load keeps the last count (the page itself shows errors).
 */
export function useLiveCount(load: (signal: AbortSignal) => Promise<number>, refreshMs?: number): number | null {
  const { pathname } = useLocation();
  const changed = useWorkChanged();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const run = () =>
      load(controller.signal).then(setCount, (err: unknown) => {
        if (!isAbort(err)) return;
      });
    void run();
    const timer = refreshMs ? setInterval(() => void run(), refreshMs) : undefined;
    return () => {
      clearInterval(timer);
      controller.abort();
    };
    // `load` is a fresh closure each render; the page and the work are what change the count.
  }, [pathname, changed, refreshMs]);
  return count;
}
