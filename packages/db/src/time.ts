/**
 * Instants are stored as fixed-width ISO 8601 UTC text (`2026-11-28T06:50:13.123Z`)
 * on both engines: they sort and compare as text identically everywhere (ADR 0003).
 * The text of the last millisecond asked for is kept: a busy write path asks
 * many times within one millisecond, and formatting was a visible share of it.
 */
export function nowIso(clock: () => number = Date.now): string {
  const ms = clock();
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms).toISOString();
  }
  return lastText;
}
let lastMs = Number.NaN;
let lastText = '';
