import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exactMean, formatHalfEven, interpolate, ratioToNumber, roundHalfEven, roundRatio, toDecimal, truncateDecimals } from './rounding.ts';

describe('GB/T 8170 rounding (round half to even)', () => {
  it('rounds an exact half to the even neighbour', () => {
    assert.equal(roundHalfEven(60.5), 60);
    assert.equal(roundHalfEven(75.5), 76);
    assert.equal(roundHalfEven(0.5), 0);
    assert.equal(roundHalfEven(1.5), 2);
    assert.equal(roundHalfEven(2.5), 2);
  });

  it('rounds below and above a half the usual way', () => {
    assert.equal(roundHalfEven(60.49), 60);
    assert.equal(roundHalfEven(60.6), 61);
    assert.equal(roundHalfEven(4.44, 1), 4.4);
    assert.equal(roundHalfEven(4.46, 1), 4.5);
  });

  it('rounds a 5 followed by non-zero digits up, and one followed by zeros as a tie', () => {
    assert.equal(roundHalfEven(1.451, 1), 1.5);
    assert.equal(roundHalfEven(1.4500001, 1), 1.5);
    assert.equal(roundHalfEven(1.45, 1), 1.4);
    assert.equal(roundHalfEven(1.55, 1), 1.6);
  });

  it('reads a double as the decimal it prints as, so binary representation does not decide a tie', () => {
    // The doubles nearest 0.15 and 2.675 are slightly below them; toFixed rounds those binary values down.
    assert.equal((0.15).toFixed(1), '0.1');
    assert.equal(roundHalfEven(0.15, 1), 0.2);
    assert.equal(roundHalfEven(0.25, 1), 0.2);
    assert.equal(roundHalfEven(0.35, 1), 0.4);
    assert.equal((2.675).toFixed(2), '2.67');
    assert.equal(roundHalfEven(2.675, 2), 2.68);
    assert.equal(roundHalfEven(1.005, 2), 1);
  });

  it('rounds negatives by absolute value and never returns −0', () => {
    assert.equal(roundHalfEven(-2.5), -2);
    assert.equal(roundHalfEven(-3.5), -4);
    assert.ok(Object.is(roundHalfEven(-0.4), 0));
  });

  it('handles exponent notation at both ends of the range', () => {
    assert.equal(roundHalfEven(1e21), 1e21);
    assert.equal(roundHalfEven(1.5e-6, 6), 0.000002);
    assert.equal(roundHalfEven(5e-7, 6), 0);
    assert.deepEqual(toDecimal(1.5e-7), { units: 15n, scale: 8 });
  });

  it('leaves a value that already has few enough places unchanged', () => {
    assert.equal(roundHalfEven(27, 1), 27);
    assert.equal(roundHalfEven(0.1 + 0.2, 1), 0.3);
  });

  it('refuses non-finite values and silly place counts', () => {
    assert.throws(() => roundHalfEven(Number.NaN), RangeError);
    assert.throws(() => roundHalfEven(Infinity), RangeError);
    assert.throws(() => roundHalfEven(1, -1), RangeError);
    assert.throws(() => roundHalfEven(1, 1.5), RangeError);
  });
});

describe('formatted rounding for reports', () => {
  it('keeps trailing zeros', () => {
    assert.equal(formatHalfEven(26.95, 1), '27.0');
    assert.equal(formatHalfEven(27, 1), '27.0');
    assert.equal(formatHalfEven(0.05, 1), '0.0');
    assert.equal(formatHalfEven(-0.35, 1), '-0.4');
    assert.equal(formatHalfEven(1.73, 2), '1.73');
  });

  it("reproduces Beijing's published PM2.5 changes (reference §4.1, §4.4)", () => {
    const change = (now: number, before: number) => formatHalfEven(((now - before) / before) * 100, 1);
    assert.equal(change(33, 89.5), '-63.1');
    assert.equal(change(27.0, 89.5), '-69.8');
    assert.equal(change(27.0, 30.5), '-11.5');
    assert.equal(change(19, 30), '-36.7');
  });
});

describe('truncation (EPA)', () => {
  it('cuts towards zero without rounding', () => {
    assert.equal(truncateDecimals(9.05, 1), 9);
    assert.equal(truncateDecimals(35.45, 1), 35.4);
    assert.equal(truncateDecimals(0.0874, 3), 0.087);
    assert.equal(truncateDecimals(54.99), 54);
    assert.equal(truncateDecimals(-1.29, 1), -1.2);
  });
});

describe('exact ratios', () => {
  it('ceils an interpolation that is exactly an integer to that integer', () => {
    // In doubles, 50/2·0.2 + 50 is 55.00000000000001, which Math.ceil turns into 56.
    assert.equal(Math.ceil(((100 - 50) / (4 - 2)) * (2.2 - 2) + 50), 56);
    assert.equal(roundRatio(interpolate(2.2, 2, 4, 50, 100), 0, 'ceil'), 55);
  });

  it('ceils a fraction up and rounds half away from zero in half-up mode', () => {
    assert.equal(roundRatio({ num: 205n, den: 2n }, 0, 'ceil'), 103);
    assert.equal(roundRatio({ num: -205n, den: 2n }, 0, 'ceil'), -102);
    assert.equal(roundRatio({ num: 5n, den: 2n }, 0, 'half-up'), 3);
    assert.equal(roundRatio({ num: 5n, den: 2n }, 0, 'half-even'), 2);
  });

  it('keeps a mean that is exactly a tie a tie', () => {
    // Summed in doubles, the mean of these CO hours is 1.4500000000000002 and would round to 1.5; it is exactly 1.45.
    const hours = [2.2, 1.7, 0.8, 1.1];
    assert.equal(hours.reduce((a, b) => a + b, 0) / hours.length, 1.4500000000000002);
    const mean = exactMean(hours)!;
    assert.equal(ratioToNumber(mean), 1.45);
    assert.equal(roundRatio(mean, 1, 'half-even'), 1.4);
    assert.equal(exactMean([]), null);
  });
});
