// Twin tests of the docstring examples in src/cashflows: each `//=>` value asserted as printed.
import { describe, expect, it } from 'vitest';
import { Actual360, Compounding, Currency, Date, FixedRateCoupon, InterestRate, Money, SimpleCashFlow } from '../../src/index.js';

describe('cash-flow docstring examples', () => {
  it('SimpleCashFlow and FixedRateCoupon', () => {
    expect(new SimpleCashFlow(new Money('100', Currency.USD), Date.fromISO('2030-01-02')).amount().toString()).toBe('USD 100.00');
    expect(
      new FixedRateCoupon({
        paymentDate: Date.fromISO('2025-07-02'), nominal: new Money(1_000_000, Currency.USD),
        accrualStartDate: Date.fromISO('2025-01-02'), accrualEndDate: Date.fromISO('2025-07-02'),
        rate: new InterestRate(0.04, new Actual360(), Compounding.Simple),
      }).amount().rounded().toString(),
    ).toBe('USD 20,111.11');
  });
});
