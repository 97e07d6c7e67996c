/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); a city intranet served over plain http still
 * has `getRandomValues`, so fall back to it.
 *
 * @example
 * const idempotencyKey = uuidV4(); // 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
 */
export function uuidV4(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
