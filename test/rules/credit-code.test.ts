import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../../server/src/modules/company/credit-code.js';
import { Random } from '../../server/src/seeders/random.js';
import { checkCharacter } from '../helpers/company-fixtures.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('GB 32100 check character', () => {
  test.each(['91350100M000100Y43', '91330100716105852F'])('published code %s is valid', (code) => {
    expect(checkCharacter(code.slice(0, 17))).toBe(code[17]);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(isValidCreditCode(code)).toBe(true);
  });

  test('9133010060913454XP fails: its check character would be 6', () => {
    expect(checkCharacter('9133010060913454X')).toBe('6');
    expect(creditCodeCheckChar('9133010060913454X')).toBe('6');
    expect(isValidCreditCode('9133010060913454XP')).toBe(false);
    expect(isValidCreditCode('9133010060913454X6')).toBe(true);
  });

  test('agrees with the independent formulation on 500 random codes, and every other last character is refused', () => {
    const rnd = new Random(32100);
    for (let n = 0; n < 500; n++) {
      const first17 = Array.from({ length: 17 }, () => rnd.pick([...CHARSET])).join('');
      const expected = checkCharacter(first17);
      expect(creditCodeCheckChar(first17)).toBe(expected);
      for (const last of CHARSET) expect(isValidCreditCode(first17 + last)).toBe(last === expected);
    }
  });

  test.each([
    ['too short', '91330100716105852'],
    ['too long', '91330100716105852FF'],
    ['I is not in the charset', '9133010071610585IF'],
    ['lower case', '91350100m000100y43'],
  ])('refuses %s', (_label, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
