// Twin tests of the docstring examples in src/cashflows: each `//=>` value asserted as printed.
import { describe, expect, it } from 'vitest';
import {
  Actual360, CashFlows, Compounding, Currency, Date, Duration, FixedRateCoupon, Frequency, InterestRate, Money, NullCalendar,
  Period, Schedule, SimpleCashFlow, Thirty360, fixedLeg,
} from '../../src/index.js';

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

  it('CashFlows', () => {
    const schedule = new Schedule({
      effectiveDate: Date.fromISO('2025-01-15'), terminationDate: Date.fromISO('2030-01-15'),
      tenor: Period.parse('6M'), calendar: new NullCalendar(),
    });
    const bond = [
      ...fixedLeg(schedule, { nominals: 100, currency: Currency.USD, couponRates: 0.05, dayCounter: new Thirty360() }),
      new SimpleCashFlow(new Money(100, Currency.USD), schedule.endDate()),
    ];
    const y = new InterestRate(0.05, new Thirty360(), Compounding.Compounded, Frequency.Semiannual);
    const atIssue = { settlementDate: Date.fromISO('2025-01-15') };
    expect(CashFlows.npv(bond, y, atIssue).toFixed(10)).toBe('100.0000000000');
    expect(CashFlows.duration(bond, y, Duration.Macaulay, atIssue).toFixed(6)).toBe('4.485433');
    expect(CashFlows.accruedAmount(bond, { settlementDate: Date.fromISO('2025-04-15') }).toString()).toBe('USD 1.25');
  });
});
