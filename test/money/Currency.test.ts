import { describe, expect, it } from 'vitest';
import { Currency } from '../../src/money/Currency.js';
import { InvalidInputError } from '../../src/errors.js';

describe('Currency (ISO 4217)', () => {
  // ISO 4217 list one: alphabetic code, numeric code, minor unit.
  const iso: Array<[string, number, number]> = [
    ['USD', 840, 2],
    ['EUR', 978, 2],
    ['GBP', 826, 2],
    ['JPY', 392, 0],
    ['CHF', 756, 2],
  ];
  it.each(iso)('%s: numeric %i, %i decimals', (code, numeric, decimals) => {
    const c = Currency.fromCode(code);
    expect([c.code, c.numericCode, c.decimals, c.fractionsPerUnit]).toEqual([code, numeric, decimals, 10 ** decimals]);
    expect(c.rounding.precision).toBe(decimals);
  });
  it('looks up case-insensitively and refuses unknown codes', () => {
    expect(Currency.fromCode('usd')).toBe(Currency.USD);
    expect(() => Currency.fromCode('XYZ')).toThrow(InvalidInputError);
    expect(() => new Currency({ code: 'usd', name: 'x', numericCode: 1, symbol: '', fractionsPerUnit: 100 })).toThrow(InvalidInputError);
    expect(() => new Currency({ code: 'ABC', name: 'x', numericCode: 1, symbol: '', fractionsPerUnit: 60 })).toThrow(InvalidInputError);
  });
});
