/**
 * Check digits of Chinese identifiers and the masks used wherever they are shown.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits of a resident identity number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * Validates an 18-character resident identity number: format, birth date and
 * the GB 11643 check character. Returns a problem description, or null when valid.
 */
export function idNumberProblem(raw: string): string | null {
  const v = raw.toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(v)) return 'must be 17 digits followed by a digit or X';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'contains an impossible date of birth';
  if (idNumberCheckChar(v.slice(0, 17)) !== v[17]) return 'check digit does not match (GB 11643)';
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character for the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Validates a unified social credit code (GB 32100). Returns a problem description, or null. */
export function usccProblem(raw: string): string | null {
  const v = raw.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) {
    return 'must be 18 characters: 2 code characters, a 6-digit region code, 10 code characters (no I, O, S, V, Z)';
  }
  if (usccCheckChar(v.slice(0, 17)) !== v[17]) return 'check character does not match (GB 32100)';
  return null;
}

/** 110105194912310021 → 1101**********0021 */
export function maskIdNumber(v: string): string {
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(v: string): string {
  return `${v.slice(0, 3)}****${v.slice(-4)}`;
}
