import { useEffect } from 'react';

/** Calls `reload` every `ms` while the page is visible: call screens and ticket status follow the queue. */
export function usePoll(reload: () => void, ms: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, ms);
    return () => clearInterval(timer);
  }, [reload, ms]);
}
