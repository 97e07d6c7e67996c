import { randomInt } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * The GB 11643 check character of the first 17 digits of a resident ID number.
 * Written again here on purpose rather than imported from the server: a test
 * oracle must not share the code it checks.
 */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * A valid resident ID number, unique enough per run: 朝阳区 (110105), a date
 * of birth in 1990, a random sequence number, and the right check character.
 */
export function residentIdNumber(): string {
  const day = String(randomInt(1, 29)).padStart(2, '0');
  const month = String(randomInt(1, 13)).padStart(2, '0');
  const seq = String(randomInt(0, 1000)).padStart(3, '0');
  const first17 = `1101051990${month}${day}${seq}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheckChar(idNumber: string): string {
  const right = idNumber[17]!;
  const wrong = right === '0' ? '1' : '0';
  return idNumber.slice(0, 17) + wrong;
}

/** A username no other test run has used. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomInt(0, 1296).toString(36)}`;
}
