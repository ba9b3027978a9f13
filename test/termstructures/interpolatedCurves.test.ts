import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { InterpolatedDiscountCurve, type DiscountInterpolation } from '../../termstructures/yield/InterpolatedDiscountCurve.js';
import { InterpolatedForwardCurve } from '../../termstructures/yield/InterpolatedForwardCurve.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { ZeroCurve } from '../../termstructures/yield/ZeroCurve.js';
import { ZeroSpreadedTermStructure } from '../../termstructures/yield/ZeroSpreadedTermStructure.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

const discountInterpolations: DiscountInterpolation[] = ['logLinear', 'logCubic', 'monotoneConvex'];
/** Dates `days` after today. */
const at = (days: number[]): Date[] => days.map((d) => today.addDays(d));
const nodeDays = [0, 91, 182, 365, 730, 1095, 1826, 3652];

/** Discount factors from positive piecewise-flat forwards between the node days. */
function discountsFromForwards(days: number[], forwards: number[]): number[] {
  let F = 0;
  return days.map((d, i) => {
    if (i > 0) F += forwards[i - 1]! * ((d - days[i - 1]!) / 365);
    return Math.exp(-F);
  });
}

describe('YieldTermStructure rates under other conventions', () => {
  it('a flat continuous curve r gives the closed forms e^r − 1 (annual), (e^{rt} − 1)/t (simple), f(e^{r/f} − 1)', () => {
    const r = 0.04;
    const curve = new FlatForward(r, { referenceDate: today });
    // Closed forms of the same compound factor e^{rt}: 1e-14.
    expect(curve.zeroRate(3, { compounding: Compounding.Compounded }).rate).toBeCloseTo(Math.exp(r) - 1, 14);
    expect(curve.zeroRate(3, { compounding: Compounding.Simple }).rate).toBeCloseTo((Math.exp(3 * r) - 1) / 3, 14);
    expect(curve.zeroRate(3, { compounding: Compounding.Compounded, frequency: Frequency.Quarterly }).rate).toBeCloseTo(4 * (Math.exp(r / 4) - 1), 14);
    expect(curve.zeroRate(3, { compounding: Compounding.Continuous }).rate).toBeCloseTo(r, 14);
    expect(curve.zeroRate(3)).toBeCloseTo(r, 14); // the number form is unchanged
    const fwd = curve.forwardRate(1, 1.5, { compounding: Compounding.Simple });
    expect(fwd.rate).toBeCloseTo((Math.exp(0.5 * r) - 1) / 0.5, 14);
    expect(curve.forwardRate(1, 1.5)).toBeCloseTo(r, 14);
  });

  it('with dates the rate accrues by the requested day counter (Act/360 on an Act/365F curve)', () => {
    const curve = new FlatForward(0.05, { referenceDate: today });
    const d = today.addDays(180);
    const z = curve.zeroRate(d, { compounding: Compounding.Simple, dayCounter: new Actual360() });
    expect(z.rate).toBeCloseTo((Math.exp((0.05 * 180) / 365) - 1) / (180 / 360), 14);
    expect(z.dayCounter.name()).toBe('Actual/360');
    const f = curve.forwardRate(today.addDays(90), d, { compounding: Compounding.Continuous, dayCounter: new Actual360() });
    expect(f.rate).toBeCloseTo((0.05 * 360) / 365, 14);
    // The instantaneous forward at the reference date, over dt as QuantLib.
    expect(curve.zeroRate(today, { compounding: Compounding.Continuous }).rate).toBeCloseTo(0.05, 12); // ln of e^{−rdt} over dt: 1e-13 rounding
  });

  it('refuses a day counter with times, bad conventions and reversed points', () => {
    const curve = new FlatForward(0.05, { referenceDate: today });
    expect(() => curve.zeroRate(1, { compounding: Compounding.Simple, dayCounter: new Actual360() })).toThrow(/conventions.dayCounter = "Actual\/360"/);
    expect(() => curve.zeroRate(1, { compounding: Compounding.Compounded, frequency: Frequency.NoFrequency })).toThrow(/frequency = -1/);
    expect(() => curve.forwardRate(2, 1, { compounding: Compounding.Simple })).toThrow(/t2 = 1/);
    expect(() => curve.zeroRate(1, null as unknown as boolean)).toThrow(InvalidInputError);
  });
});

describe('InterpolatedDiscountCurve', () => {
  const discounts = discountsFromForwards(nodeDays, [0.02, 0.025, 0.03, 0.032, 0.035, 0.036, 0.04]);

  it('reproduces its nodes with every interpolation', () => {
    for (const interpolation of discountInterpolations) {
      const curve = new InterpolatedDiscountCurve(at(nodeDays), discounts, { interpolation });
      nodeDays.forEach((d, i) => expect(curve.discount(today.addDays(d)) / discounts[i]! - 1, `${interpolation} ${d}`).toBeCloseTo(0, 14));
    }
  });

  it('log-linear is geometric between nodes (piecewise-flat forwards) and keeps the last forward past the end', () => {
    const curve = new InterpolatedDiscountCurve(at([0, 365, 730]), [1, 0.97, 0.94]);
    expect(curve.discount(1.5)).toBe(0.9548821916864928); // the docstring's value
    expect(curve.discount(1.5)).toBeCloseTo(Math.sqrt(0.97 * 0.94), 15);
    expect(curve.forwardRate(1.2, 1.7)).toBeCloseTo(Math.log(0.97 / 0.94), 14);
    expect(() => curve.discount(3)).toThrow(/extrapolation not enabled/);
    curve.enableExtrapolation();
    expect(curve.discount(3)).toBeCloseTo(0.94 * (0.94 / 0.97), 14);
  });

  it('log-cubic and monotone convex forwards are continuous at the nodes; log-linear forwards jump there', () => {
    const jumps = (interpolation: DiscountInterpolation): number => {
      const curve = new InterpolatedDiscountCurve(at(nodeDays), discounts, { interpolation });
      let worst = 0;
      for (const d of nodeDays.slice(1, -1)) {
        const t = d / 365;
        worst = Math.max(worst, Math.abs(curve.forwardRate(t - 1e-3, t - 1e-3) - curve.forwardRate(t + 1e-3, t + 1e-3)));
      }
      return worst;
    };
    // 2e-3 apart: a continuous forward moves by ≤ 2e-3·|f′| (|f′| ≲ 0.1 here); the step curve jumps by ≥ 1e-3.
    expect(jumps('logLinear')).toBeGreaterThan(1e-3);
    expect(jumps('logCubic')).toBeLessThan(1e-4);
    expect(jumps('monotoneConvex')).toBeLessThan(1e-4);
  });

  it('discount factors are positive and decreasing where forwards are positive, for every interpolation (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.0005, max: 0.12, noNaN: true }), { minLength: 7, maxLength: 7 }), fc.constantFrom(...discountInterpolations), (forwards, interpolation) => {
        // Inside the nodes: past the last one a log-cubic curve keeps the spline's end slope,
        // which Hyman's filter sets to 0 when the natural spline's points the wrong way.
        const curve = new InterpolatedDiscountCurve(at(nodeDays), discountsFromForwards(nodeDays, forwards), { interpolation });
        let previous = 1;
        for (let t = 0.02; t < 10; t += 0.02) {
          const d = curve.discount(t);
          expect(d).toBeGreaterThan(0);
          expect(d).toBeLessThan(previous);
          previous = d;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('monotone convex keeps instantaneous forwards positive for positive inputs (property)', () => {
    // Continuity itself is tested exactly in test/math/curveInterpolations.test.ts: here forwards
    // are 1e-4-wide averages, and Hagan–West forwards can fall steeply next to a node (e.g. from
    // 11.9 % to 2 bp within 1e-4 years), so a window test would need a bound on f′ it cannot have.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1200 }), { minLength: 7, maxLength: 7 }), (bps) => {
        const forwards = bps.map((b) => b * 1e-4);
        const curve = new InterpolatedDiscountCurve(at(nodeDays), discountsFromForwards(nodeDays, forwards), { interpolation: 'monotoneConvex' });
        for (let t = 0; t < 10; t += 0.01) expect(curve.forwardRate(t, t)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses bad nodes', () => {
    expect(() => new InterpolatedDiscountCurve(at([0, 365]), [0.99, 0.97])).toThrow(/discounts\[0\] = 0.99/);
    expect(() => new InterpolatedDiscountCurve(at([0, 365]), [1, -0.97])).toThrow(/discounts\[1\] = -0.97 is outside the allowed range \(0, ∞\)/);
    expect(() => new InterpolatedDiscountCurve(at([0, 365]), [1])).toThrow(/discounts.length = 1/);
    expect(() => new InterpolatedDiscountCurve(at([0, 365, 365]), [1, 0.99, 0.98])).toThrow(/dates\[2\] = "2026-01-02"/);
    expect(() => new InterpolatedDiscountCurve(at([0, 365]), [1, 0.97], { referenceDate: today.addDays(1) })).toThrow(/options.referenceDate/);
    expect(() => new InterpolatedDiscountCurve(at([0, 365]), [1, 0.97], { interpolation: 'cubic' as DiscountInterpolation })).toThrow(/options.interpolation = "cubic"/);
  });
});

describe('InterpolatedForwardCurve', () => {
  it('integrates backward-flat and linear forwards exactly, and keeps the last forward past the end', () => {
    const dates = at([0, 365, 730]);
    const flat = new InterpolatedForwardCurve(dates, [0.02, 0.03, 0.04]);
    expect(flat.discount(1)).toBe(0.9704455335485082); // e^{−0.03}, the docstring's value
    expect(flat.zeroRate(2)).toBeCloseTo(0.035, 15); // (0.03·1 + 0.04·1) / 2
    expect(flat.discount(0.5)).toBeCloseTo(Math.exp(-0.015), 15);
    const linear = new InterpolatedForwardCurve(dates, [0.02, 0.03, 0.04], { interpolation: 'linear' });
    expect(linear.zeroRate(2)).toBeCloseTo(0.03, 15);
    expect(linear.discount(0.5)).toBeCloseTo(Math.exp(-(0.02 * 0.5 + 0.5 * 0.01 * 0.25)), 15);
    linear.enableExtrapolation();
    expect(linear.discount(3)).toBeCloseTo(Math.exp(-(0.06 + 0.04)), 15);
    expect(linear.forwardRate(2.5, 3)).toBeCloseTo(0.04, 12);
  });

  it('discount factors are positive and decreasing for positive forwards (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.0005, max: 0.12, noNaN: true }), { minLength: 8, maxLength: 8 }), fc.constantFrom('backwardFlat' as const, 'linear' as const), (forwards, interpolation) => {
        const curve = new InterpolatedForwardCurve(at(nodeDays), forwards, { interpolation });
        let previous = 1;
        for (let t = 0.05; t <= 10; t += 0.05) {
          const d = curve.discount(t);
          expect(d).toBeGreaterThan(0);
          expect(d).toBeLessThan(previous);
          previous = d;
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('ZeroCurve with monotone convex interpolation', () => {
  it('reproduces its pillars, integrates from (0, 0), and has continuous forwards', () => {
    const dates = at([91, 365, 1095, 3652]);
    const zeros = [0.03, 0.032, 0.035, 0.038];
    const curve = new ZeroCurve(dates, zeros, { referenceDate: today, interpolation: 'monotoneConvex' });
    dates.forEach((d, i) => expect(curve.zeroRate(d)).toBeCloseTo(zeros[i]!, 14));
    for (const d of [91, 365, 1095]) {
      const t = d / 365;
      expect(Math.abs(curve.forwardRate(t - 1e-3, t - 1e-3) - curve.forwardRate(t + 1e-3, t + 1e-3))).toBeLessThan(1e-4);
    }
    const linear = new ZeroCurve(dates, zeros, { referenceDate: today });
    expect(linear.interpolation).toBe('linear');
    expect(linear.zeroRate(0.5)).toBeCloseTo(0.03 + ((0.5 - 91 / 365) / (1 - 91 / 365)) * 0.002, 14);
  });
});

describe('ZeroSpreadedTermStructure', () => {
  it('a flat base plus a spread is the flat curve at the summed rate, under each compounding', () => {
    const base = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today }));
    const continuous = new ZeroSpreadedTermStructure(base, 0.01);
    expect(continuous.discount(1)).toBe(0.9607894391523233); // the docstring's value
    expect(continuous.zeroRate(2)).toBeCloseTo(0.04, 15);
    for (const t of [0, 0.5, 7]) expect(continuous.discount(t)).toBeCloseTo(Math.exp(-0.04 * t), 15);
    const annual = new ZeroSpreadedTermStructure(base, 0.01, Compounding.Compounded, Frequency.Annual);
    // Base annual zero is e^{0.03} − 1; plus 1 %; discount (1 + z)^{−t}.
    for (const t of [0.5, 3, 7]) expect(annual.discount(t)).toBeCloseTo((Math.exp(0.03) + 0.01) ** -t, 14);
    expect(annual.referenceDate().equals(today)).toBe(true);
  });

  it('a spread tick and a relink of the base each notify once and reprice', () => {
    const spread = new SimpleQuote(0.01);
    const base = new RelinkableHandle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today }));
    const curve = new ZeroSpreadedTermStructure(base, new Handle<Quote>(spread));
    let changes = 0;
    const sub = curve.changes$.subscribe(() => changes++);
    curve.discount(1);
    spread.setValue(0.02);
    expect(changes).toBe(1);
    expect(curve.discount(1)).toBeCloseTo(Math.exp(-0.05), 15);
    base.linkTo(new FlatForward(0.01, { referenceDate: today.addDays(10) }));
    expect(changes).toBe(2);
    expect(curve.referenceDate().equals(today.addDays(10))).toBe(true);
    expect(curve.discount(today.addDays(375))).toBeCloseTo(Math.exp(-0.03), 15);
    sub.unsubscribe();
  });

  it('follows a moving base reference date, and refuses bad input', () => {
    const curve = new ZeroSpreadedTermStructure(new Handle<YieldTermStructure>(new FlatForward(0.02)), 0.005);
    Settings.instance.evaluationDate.set(today.addDays(30));
    expect(curve.referenceDate().equals(today.addDays(30))).toBe(true);
    expect(() => new ZeroSpreadedTermStructure({} as Handle<YieldTermStructure>, 0.01)).toThrow(/base/);
    expect(() => new ZeroSpreadedTermStructure(new Handle<YieldTermStructure>(new FlatForward(0.02)), Number.NaN)).toThrow(/spread = NaN/);
    expect(() => new ZeroSpreadedTermStructure(new Handle<YieldTermStructure>(new FlatForward(0.02)), 0.01, Compounding.Compounded)).toThrow(/frequency = -1/);
  });
});

describe('interpolated curves through QuantLib 1.29 bootstrapped pillars', () => {
  // The pillars of QuantLib's bootstrapped curves (test/reference/quantlib-1.29-yield-curve.json),
  // interpolated here, against QuantLib's own values at the query dates between them.
  interface Row { date?: string; N_days?: number; discount: number; zero_rate_cc: number | null }
  const ql = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-yield-curve.json', import.meta.url), 'utf8')).yield_curve.curves as Record<string, { pillars: Row[]; points: Row[] }>;
  const worst = (curve: YieldTermStructure, points: Row[]) => Math.max(...points.map((p) => Math.abs(curve.discount(today.addDays(p.N_days!)) - p.discount)));

  it('log-linear and monotone log-cubic discounts, linear zero rates: within 1e-13 of QuantLib between the pillars', () => {
    const discountCurve = (name: string, interpolation: DiscountInterpolation) =>
      new InterpolatedDiscountCurve(ql[name]!.pillars.map((p) => Date.fromISO(p.date!)), ql[name]!.pillars.map((p) => p.discount), { interpolation });
    // Same pillars and interpolation as QuantLib: only rounding separates the two (measured: 0,
    // 0 and 1.1e-16).
    expect(worst(discountCurve('PiecewiseLogLinearDiscount', 'logLinear'), ql['PiecewiseLogLinearDiscount']!.points)).toBeLessThan(1e-13);
    expect(worst(discountCurve('PiecewiseLogCubicDiscount', 'logCubic'), ql['PiecewiseLogCubicDiscount']!.points)).toBeLessThan(1e-13);
    const zeros = ql['PiecewiseLinearZero']!.pillars.slice(1);
    const zeroCurve = new ZeroCurve(zeros.map((p) => Date.fromISO(p.date!)), zeros.map((p) => p.zero_rate_cc!), { referenceDate: today });
    expect(worst(zeroCurve, ql['PiecewiseLinearZero']!.points)).toBeLessThan(1e-13);
  });
});
