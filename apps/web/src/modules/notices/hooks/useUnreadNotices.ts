import { useLiveCount } from '../../../shared/useLiveCount.ts';
import { listNotices } from '../api.ts';

/** How many notices I have not read, for the menu badge. */
export function useUnreadNotices(): number | null {
  return useLiveCount(async (signal) => (await listNotices(true, signal)).unread);
}
