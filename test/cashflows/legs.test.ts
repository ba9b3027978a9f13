import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CashFlows } from '../../src/cashflows/CashFlows.js';
import { FixedRateCoupon } from '../../src/cashflows/FixedRateCoupon.js';
import { FloatingRateCoupon } from '../../src/cashflows/FloatingRateCoupon.js';
import { IborCoupon } from '../../src/cashflows/IborCoupon.js';
import { fixedLeg } from '../../src/cashflows/fixedLeg.js';
import { iborLeg } from '../../src/cashflows/iborLeg.js';
import { overnightLeg } from '../../src/cashflows/overnightLeg.js';
import { SimpleCashFlow } from '../../src/cashflows/SimpleCashFlow.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { IborIndex } from '../../src/indexes/IborIndex.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import type { Calendar } from '../../src/time/Calendar.js';
import { Date } from '../../src/time/Date.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import { TARGET } from '../../src/time/TARGET.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { qlCashflows, relErr, setToday, today } from './_lib.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

const target = new TARGET();
const sofrCalendar = new UnitedStates(UnitedStatesMarket.SOFR);

function schedule(from: string, to: string, tenor: string, calendar: Calendar = target, convention = BusinessDayConvention.ModifiedFollowing): Schedule {
  return new Schedule({ effectiveDate: Date.fromISO(from), terminationDate: Date.fromISO(to), tenor: Period.parse(tenor), calendar, convention });
}

describe('fixedLeg', () => {
  it('one coupon per period, payment lag in business days, amortising nominals and rates repeating their last value', () => {
    const leg = fixedLeg(schedule('2025-01-15', '2026-01-15', '3M'), {
      nominals: [100, 75, 50], currency: Currency.EUR, couponRates: [0.03, 0.04], dayCounter: new Actual360(), paymentLag: 2,
    });
    expect(leg).toHaveLength(4);
    const coupons = leg as FixedRateCoupon[];
    expect(coupons.map((c) => c.nominal.toNumber())).toEqual([100, 75, 50, 50]);
    expect(coupons.map((c) => c.rate())).toEqual([0.03, 0.04, 0.04, 0.04]);
    expect(coupons.map((c) => c.accrualEndDate.toISOString())).toEqual(['2025-04-15', '2025-07-15', '2025-10-15', '2026-01-15']);
    expect(coupons.map((c) => c.date().toISOString())).toEqual(['2025-04-17', '2025-07-17', '2025-10-17', '2026-01-19']);
    expect(coupons[0].amount().toNumber()).toBeCloseTo((100 * 0.03 * 90) / 360, 14);
  });

  it('gives a short first stub the regular period it belongs to as reference period', () => {
    const s = new Schedule({ effectiveDate: Date.fromISO('2025-02-10'), terminationDate: Date.fromISO('2026-01-15'), tenor: Period.parse('6M'), calendar: target, convention: BusinessDayConvention.Unadjusted });
    const leg = fixedLeg(s, { nominals: 100, currency: Currency.EUR, couponRates: 0.03, dayCounter: new Actual360() }) as FixedRateCoupon[];
    expect(leg[0].accrualStartDate.toISOString()).toBe('2025-02-10');
    expect(leg[0].referencePeriodStart.toISOString()).toBe('2025-01-15');
    expect(leg[1].referencePeriodStart.toISOString()).toBe('2025-07-15');
  });

  it('refuses missing rates and day counters, naming them', () => {
    const s = schedule('2025-01-15', '2026-01-15', '6M');
    expect(() => fixedLeg(s, { nominals: 100, currency: Currency.EUR, couponRates: [] })).toThrow(/couponRates/);
    expect(() => fixedLeg(s, { nominals: 100, currency: Currency.EUR, couponRates: 0.03 })).toThrow(/dayCounter = undefined is outside the allowed range a DayCounter/);
    expect(() => fixedLeg(s, { nominals: [100, Number.NaN], currency: Currency.EUR, couponRates: 0.03, dayCounter: new Actual360() })).toThrow(/nominals\[1\] = NaN/);
    expect(() => fixedLeg(s, { nominals: 100, currency: Currency.EUR, couponRates: 0.03, dayCounter: new Actual360(), paymentLag: -1 })).toThrow(/paymentLag = -1/);
  });
});

describe('iborLeg', () => {
  it('plus its final nominal, on its own forwarding curve, is worth the nominal discounted from the start (par coupons)', () => {
    const curve = new FlatForward(0.03, { referenceDate: today });
    const index = new IborIndex({
      familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: target,
      dayCounter: new Actual360(), forwardingTermStructure: new Handle<YieldTermStructure>(curve), fixingsStore: new FixingsStore(),
    });
    const s = schedule('2025-03-17', '2030-03-18', '6M');
    const leg = [...iborLeg(s, index, { nominals: 1e6 }), new SimpleCashFlow(new Money(1e6, Currency.EUR), s.endDate())];
    // Σ N (P(s_i)/P(e_i) − 1) P(e_i) + N P(e_n) = N P(s_0): telescoping, 1e-12 relative.
    expect(relErr(CashFlows.npv(leg, curve), 1e6 * curve.discount(s.startDate()))).toBeLessThan(1e-12);
  });

  it("matches QuantLib 1.29's Euribor 6M leg with a past fixing and a spread (dates, rates, amounts, NPV, BPS)", () => {
    const q = qlCashflows.iborLeg;
    const curve = new FlatForward(q.curve.rate, { referenceDate: today });
    const index = new IborIndex({
      familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: target,
      dayCounter: new Actual360(), forwardingTermStructure: new Handle<YieldTermStructure>(curve), fixingsStore: new FixingsStore(),
    });
    index.addFixing(Date.fromISO('2024-10-15'), q.pastFixings['2024-10-15']);
    const leg = iborLeg(schedule(q.schedule.effective, q.schedule.termination, '6M'), index, { nominals: q.nominal, spreads: q.spread, fixingDays: 2 });
    expect(leg).toHaveLength(q.coupons.length);
    leg.forEach((cf, i) => {
      const c = cf as IborCoupon;
      const e = q.coupons[i];
      expect([c.accrualStartDate, c.accrualEndDate, c.date(), c.fixingDate()].map(String)).toEqual([e.start, e.end, e.payment, e.fixingDate]);
      // Same closed forms on the same flat curve; P1/P2 − 1 costs ~100 ulps: 1e-13 relative.
      expect(relErr(c.rate(), e.rate)).toBeLessThan(1e-13);
      expect(relErr(c.amountValue(), e.amount)).toBeLessThan(1e-13);
    });
    expect(relErr(CashFlows.npv(leg, curve), q.npv)).toBeLessThan(1e-13);
    expect(relErr(CashFlows.bps(leg, curve), q.bps)).toBeLessThan(1e-13);
  });
});

describe('overnightLeg', () => {
  it("matches QuantLib 1.29's SOFR leg compounded in arrears: past fixings, forecasts and a 2-day payment lag", () => {
    const q = qlCashflows.overnightLeg;
    const curve = new FlatForward(q.curve.rate, { referenceDate: today });
    const sofr = new Sofr(new Handle<YieldTermStructure>(curve), new FixingsStore());
    sofr.addFixings(Object.keys(q.pastFixings).map((d) => Date.fromISO(d)), Object.values(q.pastFixings) as number[]);
    const s = schedule(q.schedule.effective, q.schedule.termination, '3M', sofrCalendar);
    const leg = overnightLeg(s, sofr, { nominals: q.nominal, paymentLag: q.paymentLag, paymentConvention: BusinessDayConvention.ModifiedFollowing });
    expect(leg).toHaveLength(q.coupons.length);
    leg.forEach((cf, i) => {
      const c = cf as FloatingRateCoupon;
      const e = q.coupons[i];
      expect([c.accrualStartDate, c.accrualEndDate, c.date()].map(String)).toEqual([e.start, e.end, e.payment]);
      // QuantLib telescopes the forecast part, quantflow multiplies daily factors: 1e-12 relative.
      expect(relErr(c.rate(), e.rate)).toBeLessThan(1e-12);
      expect(relErr(c.amountValue(), e.amount)).toBeLessThan(1e-12);
    });
    expect(relErr(CashFlows.npv(leg, curve), q.npv)).toBeLessThan(1e-12);
  });

  it('plus its final nominal, on its own curve, is worth the nominal discounted from the start', () => {
    const curve = new FlatForward(0.043, { referenceDate: today });
    const sofr = new Sofr(new Handle<YieldTermStructure>(curve), new FixingsStore());
    const s = schedule('2025-02-03', '2027-02-03', '3M', sofrCalendar);
    const leg = [...overnightLeg(s, sofr, { nominals: 1e6 }), new SimpleCashFlow(new Money(1e6, Currency.USD), s.endDate())];
    expect(relErr(CashFlows.npv(leg, curve), 1e6 * curve.discount(s.startDate()))).toBeLessThan(1e-12);
  });

  it('passes lookback, lockout and observation shift to every coupon', () => {
    const sofr = new Sofr(undefined, new FixingsStore());
    const leg = overnightLeg(schedule('2025-02-04', '2025-08-04', '3M', sofrCalendar), sofr, { nominals: 1, lookbackDays: 2, lockoutDays: 1, observationShift: true });
    for (const c of leg) expect(c).toMatchObject({ lookbackDays: 2, lockoutDays: 1, observationShift: true });
    expect(() => overnightLeg(schedule('2025-02-04', '2025-08-04', '3M', sofrCalendar), sofr, { nominals: 1, gearings: [1, Number.POSITIVE_INFINITY] })).toThrow(/gearings\[1\] = Infinity/);
  });
});
