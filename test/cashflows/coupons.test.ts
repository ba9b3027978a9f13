import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedRateCoupon } from '../../src/cashflows/FixedRateCoupon.js';
import { IborCoupon } from '../../src/cashflows/IborCoupon.js';
import { SimpleCashFlow } from '../../src/cashflows/SimpleCashFlow.js';
import { InvalidInputError, MissingFixingError } from '../../src/errors.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { IborIndex } from '../../src/indexes/IborIndex.js';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { TARGET } from '../../src/time/TARGET.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from './_lib.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

const usd = (x: number | string) => new Money(x, Currency.USD);
const start = Date.fromISO('2025-01-02');
const end = Date.fromISO('2025-07-02'); // 181 days

function fixed(rate: InterestRate, nominal = usd(1_000_000)): FixedRateCoupon {
  return new FixedRateCoupon({ paymentDate: end, nominal, accrualStartDate: start, accrualEndDate: end, rate });
}

describe('FixedRateCoupon', () => {
  it('pays nominal · r · τ exactly in decimal for a simple rate (1e6 · 4 % · 181/360)', () => {
    const c = fixed(new InterestRate(0.04, new Actual360(), Compounding.Simple));
    expect(c.accrualPeriod()).toBe(181 / 360);
    expect(c.accrualDays()).toBe(181);
    expect(c.amount().amount.equals(new Decimal('0.04').times(181 / 360).times(1_000_000))).toBe(true);
    expect(c.amount().rounded().toString()).toBe('USD 20,111.11');
    expect(c.amountValue()).toBeCloseTo(1e6 * 0.04 * 181 / 360, 8);
  });

  it('pays nominal · ((1 + r)^τ − 1) for an annually compounded rate', () => {
    const c = fixed(new InterestRate(0.04, new Actual360(), Compounding.Compounded, Frequency.Annual));
    const expected = 1e6 * (Math.pow(1.04, 181 / 360) - 1);
    expect(c.amountValue()).toBeCloseTo(expected, 8);
    expect(c.amount().toNumber()).toBeCloseTo(expected, 8);
  });

  it('accrues 0 up to the start, τ(start, d) inside, the whole coupon to the payment date, 0 after', () => {
    const c = fixed(new InterestRate(0.04, new Actual360(), Compounding.Simple));
    expect(c.accruedAmount(start).isZero()).toBe(true);
    expect(c.accruedAmount(Date.fromISO('2025-04-02')).toNumber()).toBeCloseTo(1e6 * 0.04 * 90 / 360, 9);
    expect(c.accruedAmount(end).equals(c.amount())).toBe(true);
    expect(c.accruedAmount(end.addDays(1)).isZero()).toBe(true);
    expect(c.accruedDays(Date.fromISO('2025-04-02'))).toBe(90);
  });

  it('property: accrued is between 0 and the coupon and never decreases inside the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 200 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (k, r) => {
        const c = fixed(new InterestRate(r, new Actual360(), Compounding.Simple));
        // Compared as decimal Money, exactly (numbers would lose the comparison to subnormal rounding).
        const a = c.accruedAmount(start.addDays(k));
        const b = c.accruedAmount(start.addDays(k + 1));
        expect(a.amount.isNegative() && !a.isZero()).toBe(false);
        expect(a.compare(c.amount())).toBeLessThanOrEqual(0);
        if (k >= 0 && k + 1 <= 181) expect(b.compare(a)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("has occurred by a date as QuantLib's Event: before it, or on it unless it is included", () => {
    const c = fixed(new InterestRate(0.04, new Actual360(), Compounding.Simple));
    expect(c.hasOccurred(end.addDays(-1))).toBe(false);
    expect(c.hasOccurred(end)).toBe(true);
    expect(c.hasOccurred(end, true)).toBe(false);
    expect(c.hasOccurred(end.addDays(1), true)).toBe(true);
  });

  it('refuses bad dates and nominals, naming the argument and the allowed range', () => {
    const rate = new InterestRate(0.04, new Actual360(), Compounding.Simple);
    expect(() => new FixedRateCoupon({ paymentDate: end, nominal: usd(1), accrualStartDate: end, accrualEndDate: start, rate })).toThrow(
      /accrualEndDate = "2025-01-02" is outside the allowed range dates after accrualStartDate = 2025-07-02/,
    );
    expect(() => new FixedRateCoupon({ paymentDate: start.addDays(-1), nominal: usd(1), accrualStartDate: start, accrualEndDate: end, rate })).toThrow(InvalidInputError);
    expect(() => new FixedRateCoupon({ paymentDate: end, nominal: 1 as unknown as Money, accrualStartDate: start, accrualEndDate: end, rate })).toThrow(/nominal = 1/);
  });
});

describe('SimpleCashFlow', () => {
  it('pays its amount on its date', () => {
    const cf = new SimpleCashFlow(usd('100'), Date.fromISO('2030-01-02'));
    expect(cf.amount().toString()).toBe('USD 100.00');
    expect(cf.amountValue()).toBe(100);
    expect(cf.currency().code).toBe('USD');
    expect(() => new SimpleCashFlow(100 as unknown as Money, today)).toThrow(/amount = 100 is outside the allowed range a Money/);
  });
});

describe('IborCoupon', () => {
  const eur = (x: number) => new Money(x, Currency.EUR);
  function setup(store = new FixingsStore()) {
    const curve = new FlatForward(0.03, { referenceDate: today });
    const index = new IborIndex({
      familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: new TARGET(),
      dayCounter: new Actual360(), forwardingTermStructure: new Handle<YieldTermStructure>(curve), fixingsStore: store,
    });
    return { curve, index };
  }
  const cs = Date.fromISO('2025-03-05');
  const ce = Date.fromISO('2025-09-05');

  it('forecasts the simple forward over its own period (par coupon) and pays (g F + s) τ N', () => {
    const { index } = setup();
    const c = new IborCoupon({ paymentDate: ce, nominal: eur(1e6), accrualStartDate: cs, accrualEndDate: ce, index, gearing: 2, spread: 0.001 });
    expect(c.fixingDate().toISOString()).toBe('2025-03-03');
    expect(c.fixingPeriod().map(String)).toEqual(['2025-03-05', '2025-09-05']);
    const forward = (Math.exp(0.03 * (ce.serialNumber - cs.serialNumber) / 365) - 1) / ((ce.serialNumber - cs.serialNumber) / 360);
    expect(c.indexFixing()).toBeCloseTo(forward, 14);
    expect(c.rate()).toBeCloseTo(2 * forward + 0.001, 14);
    expect(c.amountValue()).toBeCloseTo(1e6 * (2 * forward + 0.001) * 184 / 360, 7);
  });

  it('uses the past fixing; a missing one is a MissingFixingError; adding it notifies and reprices', () => {
    const { index } = setup();
    const c = new IborCoupon({ paymentDate: Date.fromISO('2025-04-17'), nominal: eur(1e6), accrualStartDate: Date.fromISO('2024-10-17'), accrualEndDate: Date.fromISO('2025-04-17'), index });
    expect(c.fixingDate().toISOString()).toBe('2024-10-15');
    expect(() => c.rate()).toThrow(MissingFixingError);
    expect(() => c.amount()).toThrow(/missing Euribor6M Actual\/360 fixing for 2024-10-15/);
    let changes = 0;
    const sub = c.changes$.subscribe(() => changes++);
    index.addFixing(Date.fromISO('2024-10-15'), 0.0312);
    expect(changes).toBe(1);
    expect(c.rate()).toBe(0.0312);
    expect(c.amount().toNumber()).toBeCloseTo(1e6 * 0.0312 * 182 / 360, 9);
    sub.unsubscribe();
  });

  it('indexed: forecasts the index over its own period; in arrears: fixes before the accrual end', () => {
    const { index } = setup();
    const cs2 = Date.fromISO('2025-03-05');
    const ce2 = Date.fromISO('2025-06-05'); // a 3-month coupon on a 6-month index
    const par = new IborCoupon({ paymentDate: ce2, nominal: eur(1), accrualStartDate: cs2, accrualEndDate: ce2, index });
    const indexed = new IborCoupon({ paymentDate: ce2, nominal: eur(1), accrualStartDate: cs2, accrualEndDate: ce2, index, indexedCoupon: true });
    expect(par.fixingPeriod().map(String)).toEqual(['2025-03-05', '2025-06-05']);
    expect(indexed.fixingPeriod().map(String)).toEqual(['2025-03-05', '2025-09-05']);
    expect(indexed.indexFixing()).toBe(index.forecastFixing(Date.fromISO('2025-03-03')));
    const arrears = new IborCoupon({ paymentDate: ce2, nominal: eur(1), accrualStartDate: cs2, accrualEndDate: ce2, index, inArrears: true });
    expect(arrears.fixingDate().toISOString()).toBe('2025-06-03');
    expect(arrears.indexFixing()).toBe(index.forecastFixing(Date.fromISO('2025-06-03')));
  });

  it('refuses a zero gearing and a bad fixing-days count', () => {
    const { index } = setup();
    const base = { paymentDate: ce, nominal: eur(1), accrualStartDate: cs, accrualEndDate: ce, index };
    expect(() => new IborCoupon({ ...base, gearing: 0 })).toThrow(/gearing = 0 is outside the allowed range/);
    expect(() => new IborCoupon({ ...base, fixingDays: 1.5 })).toThrow(/fixingDays = 1.5/);
    expect(() => new IborCoupon({ ...base, spread: Number.NaN })).toThrow(/spread = NaN/);
  });
});
