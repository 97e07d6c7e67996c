import { useEffect, useState } from 'react';

const EVENT = 'jing:work-changed';

/**
 * Says that something on someone's plate changed (a case action, a 督办
 * step, a notice read or acknowledged), so counters elsewhere on the page —
 * the menu badges — refresh without waiting for the next page change.
 */
export function announceWorkChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** A number that goes up with every {@link announceWorkChanged}: put it in a load's dependencies. */
export function useWorkChanged(): number {
  const [round, setRound] = useState(0);
  useEffect(() => {
    const bump = () => setRound((r) => r + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return round;
}
