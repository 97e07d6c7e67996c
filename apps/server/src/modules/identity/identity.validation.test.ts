import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idNumberCheckChar, idNumberProblem, maskIdNumber, usccCheckChar, usccProblem } from './identity.validation.ts';

describe('resident identity numbers (GB 11643)', () => {
  it('computes the check character of the standard’s worked example', () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    assert.equal(idNumberCheckChar('11010519491231002'), 'X');
    assert.equal(idNumberProblem('11010519491231002X'), null);
    assert.equal(idNumberProblem('11010519491231002x'), null, 'a lower-case x is accepted');
  });
  it('rejects a wrong check digit, a bad date and a bad format', () => {
    assert.match(idNumberProblem('110105194912310021')!, /check digit/);
    assert.match(idNumberProblem('110105194902300020')!, /date of birth/);
    assert.match(idNumberProblem('11010519491231002')!, /17 digits/);
    assert.match(idNumberProblem('01010519491231002X')!, /17 digits/);
  });
  it('masks all but the first and last four characters', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts real published codes', () => {
    // Codes printed on public business licences.
    for (const code of ['91110000802100433B', '91110108551385082Q', '911100001011596199']) assert.equal(usccProblem(code), null, code);
  });
  it('computes the check character and rejects a changed one', () => {
    assert.equal(usccCheckChar('91110000802100433'), 'B');
    assert.match(usccProblem('91110000802100433C')!, /check character/);
  });
  it('rejects letters the standard excludes and a wrong length', () => {
    assert.match(usccProblem('9111000080210043IB')!, /18 characters/);
    assert.match(usccProblem('9111000080210043')!, /18 characters/);
  });
});
