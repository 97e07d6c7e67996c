/**
 * Instants are stored as fixed-width ISO 8601 UTC text (`2026-11-28T06:50:13.123Z`)
 * on both engines: they sort and compare as text identically everywhere (ADR 0003).
 */
export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
