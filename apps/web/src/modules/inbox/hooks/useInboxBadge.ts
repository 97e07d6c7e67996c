import { useLiveCount } from '../../../shared/useLiveCount.ts';
import { listInbox } from '../api.ts';

/** How many of my to-do items are red or yellow (overdue or near the limit), for the menu badge; also refreshed every minute. */
export function useInboxBadge(): number | null {
  return useLiveCount(async (signal) => {
    const page = await listInbox({ box: 'mine', limit: 1 }, signal);
    return page.counts.red + page.counts.yellow;
  }, 60_000);
}
