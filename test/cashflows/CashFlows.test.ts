import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CashFlows } from '../../src/cashflows/CashFlows.js';
import type { Coupon } from '../../src/cashflows/Coupon.js';
import { Duration } from '../../src/cashflows/Duration.js';
import { fixedLeg } from '../../src/cashflows/fixedLeg.js';
import type { Leg } from '../../src/cashflows/Leg.js';
import { SimpleCashFlow } from '../../src/cashflows/SimpleCashFlow.js';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import { Settings } from '../../src/settings.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { NullCalendar } from '../../src/time/NullCalendar.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import { Thirty360 } from '../../src/time/Thirty360.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { qlCashflows, relErr, setToday, today } from './_lib.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

const thirty = new Thirty360();

/** A bullet bond: fixed coupons on `face` plus the redemption, unadjusted 30/360 dates. */
function bullet(start: string, years: number, coupon: number, frequency: Frequency, face = 100, calendar = new NullCalendar()): Leg {
  const s = new Schedule({
    effectiveDate: Date.fromISO(start), terminationDate: Date.fromISO(start).add(years, TimeUnit.Years),
    tenor: Period.fromFrequency(frequency), calendar, convention: BusinessDayConvention.Unadjusted,
  });
  return [...fixedLeg(s, { nominals: face, currency: Currency.USD, couponRates: coupon, dayCounter: thirty }), new SimpleCashFlow(new Money(face, Currency.USD), s.endDate())];
}

const semiannual = (rate: number, compounding = Compounding.Compounded) => new InterestRate(rate, thirty, compounding, Frequency.Semiannual);

describe('CashFlows against QuantLib 1.29: a 5 % semiannual 30/360 bullet, settled mid-period', () => {
  const q = qlCashflows.fixedBullet;
  const s = new Schedule({
    effectiveDate: Date.fromISO(q.schedule.effective), terminationDate: Date.fromISO(q.schedule.termination), tenor: Period.parse('6M'),
    calendar: new UnitedStates(UnitedStatesMarket.GovernmentBond), convention: BusinessDayConvention.Unadjusted,
  });
  const leg: Leg = [...fixedLeg(s, { nominals: 100, currency: Currency.USD, couponRates: 0.05, dayCounter: thirty }), new SimpleCashFlow(new Money(100, Currency.USD), s.endDate())];
  const curve = new FlatForward(0.04, { referenceDate: today, dayCounter: new Actual365Fixed() });
  const settlementDate = Date.fromISO(q.settlementDate);
  const y = semiannual(0.045);
  const o = { settlementDate, includeSettlementDateFlows: false };
  // Same formulas in double precision; sums of ~10 terms: 1e-13 relative unless stated.
  it.each([
    ['npv on the curve', () => CashFlows.npv(leg, curve, o), q.npvCurve],
    ['bps on the curve', () => CashFlows.bps(leg, curve, o), q.bpsCurve],
    ['atm rate on the curve', () => CashFlows.atmRate(leg, curve, o), q.atmRateCurve],
    ['npv at the yield', () => CashFlows.npv(leg, y, o), q.npvYield],
    ['bps at the yield', () => CashFlows.bps(leg, y, o), q.bpsYield],
    ['simple duration', () => CashFlows.duration(leg, y, Duration.Simple, o), q.durationSimple],
    ['Macaulay duration', () => CashFlows.duration(leg, y, Duration.Macaulay, o), q.durationMacaulay],
    ['modified duration', () => CashFlows.duration(leg, y, Duration.Modified, o), q.durationModified],
    ['convexity', () => CashFlows.convexity(leg, y, o), q.convexity],
    ['accrued amount', () => CashFlows.accruedAmount(leg, o).toNumber(), q.accruedAmount],
    ['npv on a payment date, flow excluded', () => CashFlows.npv(leg, curve, { settlementDate: Date.fromISO('2025-03-17') }), q.npvCurveOnCouponDateExcluded],
    ['npv on a payment date, flow included', () => CashFlows.npv(leg, curve, { settlementDate: Date.fromISO('2025-03-17'), includeSettlementDateFlows: true }), q.npvCurveOnCouponDateIncluded],
  ] as const)('%s', (_name, calc, expected) => {
    expect(relErr(calc(), expected)).toBeLessThan(1e-13);
  });

  it('yield of the curve NPV (Brent to 1e-12 vs QuantLib solved to 1e-14)', () => {
    const solved = CashFlows.yieldRate(leg, q.npvCurve, { dayCounter: thirty, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }, o);
    expect(Math.abs(solved - q.yieldOfNpvCurve)).toBeLessThan(1e-11);
  });

  it('accrued: 111 days of 30/360 since 2024-09-15, as decimal Money', () => {
    const accrued = CashFlows.accruedAmount(leg, o);
    expect(accrued.currency.code).toBe('USD');
    expect(accrued.rounded().toString()).toBe('USD 1.54');
    expect(CashFlows.accruedDays(leg, o)).toBe(111);
    expect(CashFlows.accruedPeriod(leg, o)).toBe(111 / 360);
  });
});

describe('CashFlows closed forms', () => {
  it("a fixed leg's NPV on a flat curve is Σ N c τ_i e^{−r t_i}; its BPS is the annuity · 1e-4; its ATM rate is c", () => {
    const s = new Schedule({ effectiveDate: today, terminationDate: today.add(5, TimeUnit.Years), tenor: Period.parse('3M'), calendar: new NullCalendar() });
    const leg = fixedLeg(s, { nominals: 1e6, currency: Currency.USD, couponRates: 0.035, dayCounter: new Actual365Fixed() }) as Coupon[];
    const r = 0.042;
    const curve = new FlatForward(r, { referenceDate: today });
    let npv = 0;
    let annuity = 0;
    for (const c of leg) {
      const tau = (c.accrualEndDate.serialNumber - c.accrualStartDate.serialNumber) / 365;
      const df = Math.exp(-r * (c.date().serialNumber - today.serialNumber) / 365);
      npv += 1e6 * 0.035 * tau * df;
      annuity += 1e6 * tau * df;
    }
    expect(relErr(CashFlows.npv(leg, curve), npv)).toBeLessThan(1e-14);
    expect(relErr(CashFlows.bps(leg, curve), annuity * 1e-4)).toBeLessThan(1e-14);
    expect(CashFlows.atmRate(leg, curve)).toBeCloseTo(0.035, 15);
    // The par rate of the bond: target NPV 1e6 with the redemption as a non-coupon flow.
    const bond = [...leg, new SimpleCashFlow(new Money(1e6, Currency.USD), s.endDate())];
    const par = (1e6 - 1e6 * curve.discount(s.endDate())) / annuity;
    expect(CashFlows.atmRate(bond, curve, { targetNpv: 1e6 })).toBeCloseTo(par, 14);
  });

  it('a bond priced at par on a coupon date yields its coupon (semiannual 30/360)', () => {
    for (const c of [0.01, 0.06, 0.12]) {
      const leg = bullet('2025-01-15', 10, c, Frequency.Semiannual);
      const o = { settlementDate: Date.fromISO('2025-01-15') };
      expect(CashFlows.npv(leg, semiannual(c), o)).toBeCloseTo(100, 12);
      expect(Math.abs(CashFlows.yieldRate(leg, 100, { dayCounter: thirty, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }, o) - c)).toBeLessThan(1e-12);
    }
  });

  it('a par bond: Macaulay duration (1 + i)/i · (1 − (1 + i)^−n) periods, i = y/f (Fabozzi ch. 4 closed form)', () => {
    for (const [c, years] of [[0.05, 5], [0.08, 30], [0.02, 2]] as const) {
      const leg = bullet('2025-01-15', years, c, Frequency.Semiannual);
      const i = c / 2;
      const n = 2 * years;
      const periods = ((1 + i) / i) * (1 - Math.pow(1 + i, -n));
      expect(CashFlows.duration(leg, semiannual(c), Duration.Macaulay, { settlementDate: Date.fromISO('2025-01-15') })).toBeCloseTo(periods / 2, 12);
    }
  });

  it('a zero: Macaulay duration = maturity, modified = t/(1 + y), convexity t(t + 1)/(1 + y)² (annual); continuous: t and t²', () => {
    const leg = [new SimpleCashFlow(new Money(100, Currency.USD), Date.fromISO('2030-01-02'))];
    const dc = new Actual365Fixed();
    const t = (Date.fromISO('2030-01-02').serialNumber - today.serialNumber) / 365;
    const annual = new InterestRate(0.05, dc, Compounding.Compounded, Frequency.Annual);
    expect(CashFlows.duration(leg, annual, Duration.Macaulay)).toBeCloseTo(t, 13);
    expect(CashFlows.duration(leg, annual, Duration.Modified)).toBeCloseTo(t / 1.05, 13);
    expect(CashFlows.convexity(leg, annual)).toBeCloseTo((t * (t + 1)) / 1.05 ** 2, 12);
    const continuous = new InterestRate(0.05, dc, Compounding.Continuous);
    expect(CashFlows.duration(leg, continuous, Duration.Modified)).toBeCloseTo(t, 13);
    expect(CashFlows.duration(leg, continuous, Duration.Simple)).toBeCloseTo(t, 13);
    expect(CashFlows.convexity(leg, continuous)).toBeCloseTo(t * t, 12);
  });

  it('Macaulay = simple = (1 + y/f) · modified; modified and convexity match finite differences of the price', () => {
    const leg = bullet('2025-01-02', 7, 0.045, Frequency.Semiannual);
    const y = 0.052;
    const P = (x: number) => CashFlows.npv(leg, semiannual(x));
    const mac = CashFlows.duration(leg, semiannual(y), Duration.Macaulay);
    const mod = CashFlows.duration(leg, semiannual(y), Duration.Modified);
    expect(mac).toBeCloseTo(CashFlows.duration(leg, semiannual(y), Duration.Simple), 13);
    expect(mac).toBeCloseTo((1 + y / 2) * mod, 13);
    // Central differences: h = 1e-5 → h² P'''/(6P) ≈ 5e-9 on the first, h = 1e-4 → ~1e-6 on the second.
    expect(-(P(y + 1e-5) - P(y - 1e-5)) / (2e-5 * P(y))).toBeCloseTo(mod, 7);
    expect((P(y + 1e-4) - 2 * P(y) + P(y - 1e-4)) / (1e-8 * P(y))).toBeCloseTo(CashFlows.convexity(leg, semiannual(y)), 5);
  });
});

describe('CashFlows against published examples', () => {
  // Hull, Options, Futures, and Other Derivatives, 7th ed. (2008), §4.8 "Duration", pp. 87–88 (the
  // duration table of a 3-year 10 % bond; the same example is kept in later editions).
  it('Hull (OFOD §4.8): 3-year 10 % semiannual bond at 12 % continuous: price 94.213, duration 2.653', () => {
    const leg = bullet('2025-01-15', 3, 0.1, Frequency.Semiannual);
    const y = new InterestRate(0.12, thirty, Compounding.Continuous);
    const o = { settlementDate: Date.fromISO('2025-01-15') };
    // Hull prints three decimals.
    expect(Math.abs(CashFlows.npv(leg, y, o) - 94.213)).toBeLessThan(5e-4);
    expect(Math.abs(CashFlows.duration(leg, y, Duration.Simple, o) - 2.653)).toBeLessThan(5e-4);
  });

  // Hull, OFOD, §4.4 "Bond yield" (page not checked here).
  it('Hull (OFOD §4.4): a 2-year 6 % semiannual bond priced 98.39 yields 6.76 % continuous', () => {
    const leg = bullet('2025-01-15', 2, 0.06, Frequency.Semiannual);
    const solved = CashFlows.yieldRate(leg, 98.39, { dayCounter: thirty, compounding: Compounding.Continuous }, { settlementDate: Date.fromISO('2025-01-15') });
    expect(Math.abs(solved - 0.0676)).toBeLessThan(5e-5); // Hull rounds to 0.01 %
  });

  // Fabozzi, Bond Markets, Analysis and Strategies, ch. 2 "Pricing of Bonds" (page not checked here);
  // the figure is also the closed form 50 · a(40, 5.5 %) + 1000 · 1.055^−40 = 919.77.
  it('Fabozzi (ch. 2): 20-year 10 % bond at 11 % costs $919.77', () => {
    const leg = bullet('2025-01-15', 20, 0.1, Frequency.Semiannual, 1000);
    const o = { settlementDate: Date.fromISO('2025-01-15') };
    expect(Math.abs(CashFlows.npv(leg, semiannual(0.11), o) - 919.77)).toBeLessThan(5e-3); // to the cent
    const solved = CashFlows.yieldRate(leg, 919.77, { dayCounter: thirty, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }, o);
    expect(Math.abs(solved - 0.11)).toBeLessThan(1e-5); // a cent of price ≈ 1.2e-6 of yield
  });
});

describe('CashFlows properties', () => {
  it('NPV is linear in the notional', () => {
    const curve = new FlatForward(0.03, { referenceDate: today });
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: -0.01, max: 0.15, noNaN: true }), (k, c) => {
        const one = bullet('2025-03-15', 5, c, Frequency.Semiannual, 1);
        const many = bullet('2025-03-15', 5, c, Frequency.Semiannual, k);
        expect(relErr(CashFlows.npv(many, curve), k * CashFlows.npv(one, curve))).toBeLessThan(1e-13);
      }),
    );
  });

  it('yield → price → yield round trip', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.15, noNaN: true }), fc.double({ min: -0.02, max: 0.25, noNaN: true }), fc.integer({ min: 1, max: 30 }),
        (c, y, years) => {
          const leg = bullet('2025-03-15', years, c, Frequency.Semiannual);
          const price = CashFlows.npv(leg, semiannual(y));
          const solved = CashFlows.yieldRate(leg, price, { dayCounter: thirty, compounding: Compounding.Compounded, frequency: Frequency.Semiannual });
          expect(Math.abs(solved - y)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accrued interest of a leg lies between 0 and the next coupon', () => {
    const leg = bullet('2025-01-15', 3, 0.05, Frequency.Quarterly);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), (k) => {
        const settlementDate = Date.fromISO('2025-01-15').addDays(k);
        const accrued = CashFlows.accruedAmount(leg, { settlementDate }).toNumber();
        const next = CashFlows.nextCashFlow(leg, { settlementDate });
        expect(accrued).toBeGreaterThanOrEqual(0);
        expect(accrued).toBeLessThanOrEqual(next === undefined ? 0 : next.amountValue() + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CashFlows settlement conventions and errors', () => {
  const leg = bullet('2025-01-15', 2, 0.05, Frequency.Semiannual);
  const curve = new FlatForward(0.03, { referenceDate: today });

  it('a flow on the settlement date counts only with includeSettlementDateFlows (default: Settings, false)', () => {
    const settlementDate = Date.fromISO('2025-07-15');
    const without = CashFlows.npv(leg, curve, { settlementDate });
    const withIt = CashFlows.npv(leg, curve, { settlementDate, includeSettlementDateFlows: true });
    expect(withIt - without).toBeCloseTo(2.5, 12); // the coupon, discounted to its own date
    Settings.instance.includeReferenceDateEvents = true;
    try {
      expect(CashFlows.npv(leg, curve, { settlementDate })).toBe(withIt);
    } finally {
      Settings.instance.includeReferenceDateEvents = false;
    }
    expect(CashFlows.isExpired(leg, { settlementDate: Date.fromISO('2027-01-15') })).toBe(true);
    expect(CashFlows.isExpired(leg, { settlementDate: Date.fromISO('2027-01-15'), includeSettlementDateFlows: true })).toBe(false);
    expect(CashFlows.startDate(leg).toISOString()).toBe('2025-01-15');
    expect(CashFlows.maturityDate(leg).toISOString()).toBe('2027-01-15');
  });

  it('NPV at a later npv date is the forward value: npv(today) / P(npvDate)', () => {
    const npvDate = Date.fromISO('2025-03-03');
    expect(CashFlows.npv(leg, curve, { npvDate })).toBeCloseTo(CashFlows.npv(leg, curve) / curve.discount(npvDate), 12);
  });

  it('refuses what it cannot do, naming argument, value and range', () => {
    const conventions = { dayCounter: thirty, compounding: Compounding.Compounded, frequency: Frequency.Semiannual };
    expect(() => CashFlows.yieldRate(leg, -5, conventions)).toThrow(ConvergenceError);
    expect(() => CashFlows.yieldRate(leg, Number.NaN, conventions)).toThrow(/npv = NaN is outside the allowed range/);
    expect(() => CashFlows.yieldRate(leg, 100, conventions, { accuracy: 0 })).toThrow(/accuracy = 0/);
    expect(() => CashFlows.duration(leg, new InterestRate(0.05, thirty, Compounding.Continuous), Duration.Macaulay)).toThrow(
      /y.compounding = "Continuous" is outside the allowed range \{Compounded\}/,
    );
    expect(() => CashFlows.accruedAmount([])).toThrow(InvalidInputError);
    expect(() => CashFlows.npv(leg, curve, { settlementDate: '2025-01-02' as unknown as Date })).toThrow(/settlementDate = "2025-01-02" is outside the allowed range a quantflow Date/);
    expect(() => CashFlows.npv([1 as unknown as SimpleCashFlow], curve)).toThrow(/leg\[0\] = 1/);
  });
});
