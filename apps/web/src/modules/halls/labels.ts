import type { MessageKey, TFunction } from '../../shared/i18n/index.ts';
import { ApiError } from '../../shared/api/index.ts';
import { errorText } from '../../shared/api/errors.ts';
import type { HallSummary } from './api.ts';

/**
 * An error in words: a 409's `details.reason` has its own text when the
 * catalogue knows it (`halls.error.slot_full`, `ratings.error.already_rated`),
 * else the error code's.
 */
export function reasonText(t: TFunction, err: unknown): string {
  const reason = err instanceof ApiError ? (err.details as { reason?: unknown } | null | undefined)?.reason : undefined;
  if (typeof reason === 'string') {
    for (const area of ['halls', 'ratings']) {
      const key = `${area}.error.${reason}` as MessageKey;
      const text = t(key);
      if (text !== key) return text;
    }
  }
  return errorText(t, err);
}

/** Opening days and hours, e.g. 工作日 09:00–17:00. */
export function hoursText(t: TFunction, hours: HallSummary['hours']): string {
  return t(`halls.hours.${hours.days}`, { opens: hours.opens, closes: hours.closes });
}

/** The next `n` days from `today` (YYYY-MM-DD, city time). */
export function nextDays(today: string, n: number): string[] {
  const out: string[] = [];
  const start = Date.parse(`${today}T00:00:00Z`);
  for (let i = 0; i <= n; i++) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}
