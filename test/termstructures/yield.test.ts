import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { ZeroCurve } from '../../termstructures/yield/ZeroCurve.js';
import { quantlib } from '../_lib/reference.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

describe('FlatForward', () => {
  it('discounts as e^{−rt} (closed form) and its zero and forward rates are r', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.05, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (r, t) => {
        const curve = new FlatForward(r, { referenceDate: today });
        expect(curve.discount(t)).toBeCloseTo(Math.exp(-r * t), 14);
        if (t > 1e-3) expect(curve.zeroRate(t)).toBeCloseTo(r, 12);
        expect(curve.forwardRate(t, t + 1)).toBeCloseTo(r, 12);
      }),
    );
  });

  it('matches QuantLib 1.29 black76 discount factors (exp(−r T))', () => {
    for (const c of quantlib['black76'].cases as { inputs: { T: number; discount_rate_cc: number; discount: number } }[]) {
      const curve = new FlatForward(c.inputs.discount_rate_cc, { referenceDate: today });
      // Same closed form on both sides: 1e-15 relative.
      expect(Math.abs(curve.discount(c.inputs.T) / c.inputs.discount - 1)).toBeLessThan(1e-15);
    }
  });

  it('uses its day counter for dates: Actual/360 year fractions', () => {
    const curve = new FlatForward(0.03, { referenceDate: today, dayCounter: new Actual360() });
    expect(curve.discount(today.addDays(180))).toBeCloseTo(Math.exp(-0.03 * 0.5), 15);
  });

  it('follows its quote and notifies', () => {
    const rate = new SimpleQuote(0.01);
    const curve = new FlatForward(new Handle<Quote>(rate), { referenceDate: today });
    let changes = 0;
    const sub = curve.changes$.subscribe(() => changes++);
    curve.discount(1); // read, so the lazy curve forwards the next change
    rate.setValue(0.02);
    expect(changes).toBe(1);
    expect(curve.discount(1)).toBeCloseTo(Math.exp(-0.02), 15);
    sub.unsubscribe();
  });

  it('a moving reference date follows the evaluation date', () => {
    const curve = new FlatForward(0.05);
    const maturity = today.addDays(365);
    expect(curve.discount(maturity)).toBeCloseTo(Math.exp(-0.05), 15);
    Settings.instance.evaluationDate.set(today.addDays(73));
    expect(curve.referenceDate().equals(today.addDays(73))).toBe(true);
    expect(curve.discount(maturity)).toBeCloseTo(Math.exp(-0.05 * (292 / 365)), 15);
  });

  it('refuses negative times and non-finite rates', () => {
    const curve = new FlatForward(0.05, { referenceDate: today });
    expect(() => curve.discount(-1)).toThrow(InvalidInputError);
    expect(() => curve.discount(today.addDays(-1))).toThrow(/date = "2025-01-01"|date = 2025-01-01/);
    expect(() => new FlatForward(Number.NaN)).toThrow(/rate = NaN/);
    expect(() => curve.forwardRate(2, 1)).toThrow(/t2 = 1/);
  });
});

describe('ZeroCurve', () => {
  const dates = [today.addDays(30), today.addDays(365), today.addDays(3650)];
  const zeros = [0.04, 0.045, 0.035];

  it('reproduces its pillars and interpolates linearly in zero rate', () => {
    const curve = new ZeroCurve(dates, zeros, { referenceDate: today });
    dates.forEach((d, i) => expect(curve.zeroRate(d)).toBeCloseTo(zeros[i]!, 14));
    const mid = (30 + 365) / 2 / 365;
    expect(curve.zeroRate(mid)).toBeCloseTo((0.04 + 0.045) / 2, 14);
    expect(curve.discount(mid)).toBeCloseTo(Math.exp(-0.0425 * mid), 14);
  });

  it('is flat before the first pillar and refuses to extrapolate unless enabled', () => {
    const curve = new ZeroCurve(dates, zeros, { referenceDate: today });
    expect(curve.zeroRate(1 / 365)).toBeCloseTo(0.04, 14);
    expect(() => curve.discount(20)).toThrow(/extrapolation not enabled/);
    curve.enableExtrapolation();
    expect(curve.zeroRate(20)).toBeCloseTo(0.035, 14);
  });

  it('discount factors are positive and strictly decreasing for a positive, non-decreasing zero curve (property)', () => {
    // Non-decreasing positive zeros give forwards f = z + t z' > 0, so D = e^{−z t} must fall.
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 0.1, noNaN: true }), { minLength: 3, maxLength: 3 }), (zs) => {
        const sorted = [...zs].sort((a, b) => a - b);
        const curve = new ZeroCurve(dates, sorted, { referenceDate: today });
        curve.enableExtrapolation();
        let previous = 1;
        for (let t = 0.05; t < 12; t += 0.05) {
          const d = curve.discount(t);
          expect(d).toBeGreaterThan(0);
          expect(d).toBeLessThan(previous);
          previous = d;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses mismatched lengths and unordered dates', () => {
    expect(() => new ZeroCurve(dates, [0.01, 0.02], { referenceDate: today })).toThrow(/zeroRates.length = 2/);
    expect(() => new ZeroCurve([dates[1]!, dates[0]!], [0.01, 0.02], { referenceDate: today })).toThrow(InvalidInputError);
  });
});
