// Twins of the @example blocks in src/money docstrings: each asserts the value shown after //=>.
import { describe, expect, it } from 'vitest';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { Rounding } from '../../src/money/Rounding.js';
import { RoundingType } from '../../src/money/RoundingType.js';

describe('src/money docstring examples', () => {
  it('Rounding', () => {
    expect(new Rounding(2, RoundingType.Closest).round(1.005)).toBe(1.01);
  });
  it('Currency', () => {
    expect(Currency.fromCode('EUR').numericCode).toBe(978);
  });
  it('Money', () => {
    expect(new Money('1234.565', Currency.USD).rounded().toString()).toBe('USD 1,234.57');
  });
});
