import type { Locale } from './i18n/index.ts';

/**
 * Formats a UTC instant for people, in the city's time zone (not the browser's:
 * a case handled in Beijing is stamped in Beijing time wherever it is read).
 *
 * @example
 * formatInstant('2026-11-28T06:50:13Z', 'zh-CN', 'Asia/Shanghai') // '2026/11/28 14:50:13'
 */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

/** Formats a count with the locale's grouping, e.g. `12,345`. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The first characters of a hash, enough to tell entries apart on screen. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}

/** A rate (0–1) as a percentage with one decimal, or `—` when there is nothing to rate. */
export function formatPercent(rate: number | null, locale: Locale): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}
