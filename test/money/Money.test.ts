import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { InvalidInputError } from '../../src/errors.js';

describe('Money', () => {
  const usd = (x: number | string) => new Money(x, Currency.USD);
  it('adds exactly in decimal: 0.1 + 0.2 = 0.3', () => {
    expect(usd(0.1).plus(usd(0.2)).equals(usd('0.3'))).toBe(true);
    expect(usd('1.50').equals(usd(1.5))).toBe(true);
  });
  it('sums agree with integer-cent arithmetic in BigInt (property)', () => {
    // Oracle: the same amounts as BigInt cents, summed exactly.
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: 1, maxLength: 30 }), (cents) => {
        const toMoney = (c: bigint) => usd(new Decimal(c.toString()).dividedBy(100).toFixed(2));
        const total = cents.reduce((acc, c) => acc.plus(toMoney(c)), usd(0));
        const expected = cents.reduce((a, b) => a + b, 0n);
        expect(total.amount.times(100).toFixed(0)).toBe(expected.toString());
      }),
    );
  });
  it('rounds with the currency rounding (Closest to the minor unit)', () => {
    expect(usd('1234.565').rounded().amount.toString()).toBe('1234.57');
    expect(usd('-1234.565').rounded().amount.toString()).toBe('-1234.57');
    expect(usd('1234.564999').rounded().amount.toString()).toBe('1234.56');
    expect(new Money('1234.5', Currency.JPY).rounded().amount.toString()).toBe('1235');
  });
  it('multiplies and divides by scalars', () => {
    expect(usd(100).times('0.035').amount.toString()).toBe('3.5');
    expect(usd(100).dividedBy(3).rounded().amount.toString()).toBe('33.33');
    expect(usd(10).negated().abs().equals(usd(10))).toBe(true);
    expect(() => usd(1).dividedBy(0)).toThrow(InvalidInputError);
  });
  it('formats as code and grouped amount', () => {
    expect(usd('1234.5').toString()).toBe('USD 1,234.50');
    expect(usd('1234567.891').toString()).toBe('USD 1,234,567.891');
    expect(usd(-0.5).toString()).toBe('USD -0.50');
    expect(new Money(-1234.5, Currency.JPY).rounded().toString()).toBe('JPY -1,235');
    expect(new Money(999, Currency.EUR).toString()).toBe('EUR 999.00');
  });
  it('compares within one currency and refuses to mix currencies', () => {
    expect(usd(1).compare(usd(2))).toBeLessThan(0);
    expect(usd(1).equals(new Money(1, Currency.EUR))).toBe(false);
    expect(() => usd(1).plus(new Money(1, Currency.EUR))).toThrow(InvalidInputError);
    expect(() => usd(1).compare(new Money(1, Currency.GBP))).toThrow(InvalidInputError);
  });
  it('refuses non-finite or malformed amounts', () => {
    expect(() => usd(Number.NaN)).toThrow(InvalidInputError);
    expect(() => usd(Infinity)).toThrow(InvalidInputError);
    expect(() => usd('12,5')).toThrow(InvalidInputError);
    expect(() => usd('Infinity')).toThrow(InvalidInputError);
    expect(() => usd(1).times(Number.NaN)).toThrow(InvalidInputError);
  });
});
