import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { OvernightIndexedCoupon, type OvernightIndexedCouponOptions } from '../../src/cashflows/OvernightIndexedCoupon.js';
import { MissingFixingError } from '../../src/errors.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { Estr } from '../../src/indexes/Estr.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { Currency } from '../../src/money/Currency.js';
import { Money } from '../../src/money/Money.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from './_lib.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
const nominal = new Money(10_000_000, Currency.USD);

function sofrOn(curve?: YieldTermStructure): Sofr {
  return new Sofr(curve === undefined ? undefined : new Handle<YieldTermStructure>(curve), new FixingsStore());
}

function coupon(index: Sofr, s: string, e: string, extra: Partial<OvernightIndexedCouponOptions> = {}): OvernightIndexedCoupon {
  return new OvernightIndexedCoupon({ paymentDate: Date.fromISO(e), nominal, accrualStartDate: Date.fromISO(s), accrualEndDate: Date.fromISO(e), index, ...extra });
}

describe('OvernightIndexedCoupon on a flat curve: R = the simple forward over the (observation) period', () => {
  const curve = new FlatForward(0.043, { referenceDate: today });
  // Daily forwards telescope: ∏(1 + r_i τ_i) = P(d_0)/P(d_n), so R = (P(d_0)/P(d_n) − 1)/τ(d_0, d_n) with τ Act/360.
  const forward = (a: Date, b: Date) => (curve.discount(a) / curve.discount(b) - 1) / ((b.serialNumber - a.serialNumber) / 360);

  it('without lookback (a quarter across Presidents Day and Good Friday)', () => {
    const c = coupon(sofrOn(curve), '2025-02-03', '2025-05-05');
    // ~62 daily factors: 1e-13 relative to the forward.
    expect(Math.abs(c.indexFixing() / forward(c.accrualStartDate, c.accrualEndDate) - 1)).toBeLessThan(1e-13);
    expect(c.amountValue()).toBeCloseTo(1e7 * c.rate() * 91 / 360, 6);
  });

  it('with a 2-day observation shift: the forward over [start − 2bd, end − 2bd]', () => {
    const c = coupon(sofrOn(curve), '2025-02-03', '2025-05-05', { lookbackDays: 2, observationShift: true });
    const s = Date.fromISO('2025-01-30');
    const e = Date.fromISO('2025-05-01');
    expect([c.valueDates()[0].toISOString(), c.valueDates().at(-1)?.toISOString()]).toEqual(['2025-01-30', '2025-05-01']);
    expect(Math.abs(c.indexFixing() / forward(s, e) - 1)).toBeLessThan(1e-13);
    // The accrual (and so the amount's τ) stays the interest period's.
    expect(c.accrualPeriod()).toBe(91 / 360);
  });

  it('property: any period and lookback, with observation shift, gives the forward over the shifted period', () => {
    const index = sofrOn(curve);
    const cal = index.fixingCalendar();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 3, max: 200 }), fc.integer({ min: 0, max: 5 }), (offset, length, p) => {
        const s = cal.adjust(today.addDays(offset + 7));
        const e = cal.adjust(s.addDays(length));
        if (!e.isAfter(s)) return;
        const c = new OvernightIndexedCoupon({ paymentDate: e, nominal, accrualStartDate: s, accrualEndDate: e, index, lookbackDays: p, observationShift: true });
        const os = cal.advance(s, -p, TimeUnit.Days);
        const oe = cal.advance(e, -p, TimeUnit.Days);
        // ∏ − 1 is as small as ~3e-4 for 3-day periods, amplifying rounding up to ~3000×: 1e-11 relative.
        expect(Math.abs(c.indexFixing() / forward(os, oe) - 1)).toBeLessThan(1e-11);
      }),
      { numRuns: 50 },
    );
  });

  it('€STR on TARGET across Easter: the forward too, with Good Friday and Easter Monday weighted into Thursday', () => {
    const estr = new Estr(new Handle<YieldTermStructure>(curve), new FixingsStore());
    const c = new OvernightIndexedCoupon({
      paymentDate: Date.fromISO('2025-04-25'), nominal: new Money(1e6, Currency.EUR),
      accrualStartDate: Date.fromISO('2025-04-14'), accrualEndDate: Date.fromISO('2025-04-25'), index: estr,
    });
    expect(c.dt()[3]).toBe(5 / 360); // Thu 2025-04-17 → Tue 2025-04-22
    // Over 11 days ∏ − 1 ≈ 1.3e-3, which amplifies the rounding of the product ~800×: 2e-12 relative.
    expect(Math.abs(c.indexFixing() / forward(c.accrualStartDate, c.accrualEndDate) - 1)).toBeLessThan(2e-12);
  });

  it('with gearing and spread: g R + s (spread not compounded)', () => {
    const c = coupon(sofrOn(curve), '2025-02-03', '2025-05-05', { gearing: 1.5, spread: 0.002 });
    expect(c.rate()).toBeCloseTo(1.5 * forward(c.accrualStartDate, c.accrualEndDate) + 0.002, 14);
  });
});

describe('OvernightIndexedCoupon dates: lookback, lockout, observation shift', () => {
  // Interest period Mon 2024-12-02 → Mon 2024-12-09; SOFR business days Mon–Fri; Thanksgiving
  // (2024-11-28) is a holiday, Friday 2024-11-29 is a business day.
  const s = '2024-12-02';
  const e = '2024-12-09';
  const plainDays = ['2024-12-02', '2024-12-03', '2024-12-04', '2024-12-05', '2024-12-06'];

  it('plain: one rate per business day, weights in days/360 (the Friday rate counts 3 days)', () => {
    const c = coupon(sofrOn(), s, e);
    expect(iso(c.valueDates())).toEqual([...plainDays, '2024-12-09']);
    expect(iso(c.fixingDates())).toEqual(plainDays);
    expect(c.dt()).toEqual([1, 1, 1, 1, 3].map((n) => n / 360));
  });

  it('lookback 2 without shift: each day takes the rate of two business days earlier, weights unchanged', () => {
    const c = coupon(sofrOn(), s, e, { lookbackDays: 2 });
    expect(iso(c.valueDates())).toEqual([...plainDays, '2024-12-09']);
    expect(iso(c.fixingDates())).toEqual(['2024-11-27', '2024-11-29', '2024-12-02', '2024-12-03', '2024-12-04']);
    expect(c.dt()).toEqual([1, 1, 1, 1, 3].map((n) => n / 360));
  });

  it('lookback 2 with observation shift: the observation period moves, with its own weights', () => {
    const c = coupon(sofrOn(), s, e, { lookbackDays: 2, observationShift: true });
    expect(iso(c.valueDates())).toEqual(['2024-11-27', '2024-11-29', '2024-12-02', '2024-12-03', '2024-12-04', '2024-12-05']);
    expect(iso(c.fixingDates())).toEqual(['2024-11-27', '2024-11-29', '2024-12-02', '2024-12-03', '2024-12-04']);
    expect(c.dt()).toEqual([2, 3, 1, 1, 1].map((n) => n / 360));
  });

  it('lockout 2: the last two days repeat the rate of the cut-off day, two business days before the end', () => {
    const c = coupon(sofrOn(), s, e, { lockoutDays: 2 });
    expect(iso(c.fixingDates())).toEqual(['2024-12-02', '2024-12-03', '2024-12-04', '2024-12-05', '2024-12-05']);
    expect(c.dt()).toEqual([1, 1, 1, 1, 3].map((n) => n / 360));
  });

  it('compounds stored past fixings as ISDA writes it: [∏(1 + r_i n_i/360) − 1] · 360/d', () => {
    const index = sofrOn();
    const fixings: Record<string, number> = {
      '2024-11-27': 0.0458, '2024-11-29': 0.0459, '2024-12-02': 0.0464, '2024-12-03': 0.0462,
      '2024-12-04': 0.0461, '2024-12-05': 0.0460, '2024-12-06': 0.0459,
    };
    index.addFixings(Object.keys(fixings).map((d) => Date.fromISO(d)), Object.values(fixings));
    const by = (rates: number[], days: number[], d: number) => (rates.reduce((p, r, i) => p * (1 + (r * days[i]) / 360), 1) - 1) * (360 / d);
    const f = (d: string) => fixings[d];
    expect(coupon(index, s, e).indexFixing()).toBeCloseTo(by(plainDays.map(f), [1, 1, 1, 1, 3], 7), 15);
    expect(coupon(index, s, e, { lookbackDays: 2 }).indexFixing()).toBeCloseTo(
      by(['2024-11-27', '2024-11-29', '2024-12-02', '2024-12-03', '2024-12-04'].map(f), [1, 1, 1, 1, 3], 7), 15);
    expect(coupon(index, s, e, { lookbackDays: 2, observationShift: true }).indexFixing()).toBeCloseTo(
      by(['2024-11-27', '2024-11-29', '2024-12-02', '2024-12-03', '2024-12-04'].map(f), [2, 3, 1, 1, 1], 8), 15);
    expect(coupon(index, s, e, { lockoutDays: 2 }).indexFixing()).toBeCloseTo(
      by(['2024-12-02', '2024-12-03', '2024-12-04', '2024-12-05', '2024-12-05'].map(f), [1, 1, 1, 1, 3], 7), 15);
    expect(coupon(index, s, e, { lockoutDays: 2 }).indexFixings()).toEqual([0.0464, 0.0462, 0.0461, 0.046, 0.046]);
  });

  it('a missing past day is a MissingFixingError naming SOFR and the date', () => {
    const index = sofrOn(new FlatForward(0.043, { referenceDate: today }));
    index.addFixings(plainDays.slice(0, 4).map((d) => Date.fromISO(d)), [0.0464, 0.0462, 0.0461, 0.046]);
    const c = coupon(index, s, e);
    expect(() => c.rate()).toThrow(MissingFixingError);
    expect(() => c.amount()).toThrow(/missing SOFRON Actual\/360 fixing for 2024-12-06/);
  });

  it('mixes past fixings and forecasts across the evaluation date', () => {
    const curve = new FlatForward(0.043, { referenceDate: today });
    const index = sofrOn(curve);
    const past = ['2024-12-26', '2024-12-27', '2024-12-30', '2024-12-31'];
    index.addFixings(past.map((d) => Date.fromISO(d)), [0.045, 0.0449, 0.0448, 0.0447]);
    const c = coupon(index, '2024-12-26', '2025-01-06');
    // Stored up to 2024-12-31 (2025-01-01 is a holiday); 2025-01-02 (today, not stored) and 2025-01-03 forecast.
    const tail = curve.discount(today) / curve.discount(Date.fromISO('2025-01-06'));
    // Weights: Thu 12-26 one day, Fri 12-27 three, Mon 12-30 one, Tue 12-31 two (New Year's Day).
    const expected = ((1 + 0.045 / 360) * (1 + (0.0449 * 3) / 360) * (1 + 0.0448 / 360) * (1 + (0.0447 * 2) / 360) * tail - 1) * (360 / 11);
    expect(c.indexFixing()).toBeCloseTo(expected, 14);
  });

  it('reprices when a fixing arrives or the evaluation date moves past a fixing date', () => {
    const curve = new FlatForward(0.043, { referenceDate: Date.fromISO('2024-11-01') });
    const index = sofrOn(curve);
    Settings.instance.evaluationDate.set(Date.fromISO('2024-12-02'));
    const c = coupon(index, s, e);
    const forecastOnly = c.rate(); // every day is today or later: forecast (today's fixing is not stored)
    let changes = 0;
    const sub = c.changes$.subscribe(() => changes++);
    index.addFixing(Date.fromISO('2024-12-02'), 0.05);
    expect(changes).toBe(1);
    expect(c.rate()).toBeGreaterThan(forecastOnly); // 5 % today instead of the 4.3 % curve
    Settings.instance.evaluationDate.set(Date.fromISO('2024-12-05')); // 12-03 and 12-04 are now past and missing
    expect(changes).toBe(2);
    expect(() => c.rate()).toThrow(/missing SOFRON Actual\/360 fixing for 2024-12-03/);
    sub.unsubscribe();
  });

  it('refuses a lockout as long as the period and negative lookbacks', () => {
    const index = sofrOn();
    expect(() => coupon(index, s, e, { lockoutDays: 5 })).toThrow(/lockoutDays = 5 is outside the allowed range integers in \[0, 4\]/);
    expect(() => coupon(index, s, e, { lookbackDays: -1 })).toThrow(/lookbackDays = -1/);
    expect(Date.fromISO(s).add(1, TimeUnit.Days).toISOString()).toBe('2024-12-03');
  });
});
