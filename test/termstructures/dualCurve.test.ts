// Dual-curve bootstrap: a term forecasting curve from par swaps discounted on an exogenous OIS
// curve (flat, and itself bootstrapped), against native QuantLib 1.29
// (test/reference/quantlib-1.29-dual-curve.json, scripts/reference/gen_dual_curve.py).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { PiecewiseYieldCurve } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import { SwapRateHelper } from '../../termstructures/yield/ratehelpers/SwapRateHelper.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

interface Pillar { date: string; discount: number }
const reference = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-dual-curve.json', import.meta.url), 'utf8')) as {
  swaps: { tenor: string; rate: number }[];
  ois_swaps: { tenor: string; rate: number }[];
  flat_ois: { rate_cc: number; forecast_pillars: Pillar[] };
  bootstrapped_ois: { ois_pillars: Pillar[]; forecast_pillars: Pillar[] };
};
const conventions = { convention: BusinessDayConvention.Unadjusted };

function forecastCurve(discounting: Handle<YieldTermStructure>, quotes = reference.swaps.map((s) => new SimpleQuote(s.rate))) {
  const helpers = reference.swaps.map((s, i) =>
    new SwapRateHelper(new Handle<Quote>(quotes[i]!), Period.parse(s.tenor), { ...conventions, discountingCurve: discounting, floatFrequency: Frequency.Semiannual }),
  );
  return { curve: new PiecewiseYieldCurve(helpers, { referenceDate: today }), helpers, quotes };
}

function oisCurve(quotes = reference.ois_swaps.map((s) => new SimpleQuote(s.rate))) {
  const helpers = reference.ois_swaps.map((s, i) => new OISRateHelper(new Handle<Quote>(quotes[i]!), Period.parse(s.tenor), conventions));
  return { curve: new PiecewiseYieldCurve(helpers, { referenceDate: today }), helpers, quotes };
}

function expectPillars(curve: YieldTermStructure, pillars: Pillar[]): void {
  for (const p of pillars) {
    const got = curve.discount(Date.fromISO(p.date));
    expect(Math.abs(got - p.discount), `${p.date}: ${got} vs QuantLib ${p.discount}`).toBeLessThanOrEqual(1e-12);
  }
}

describe('SwapRateHelper with an exogenous discount curve (dual curve)', () => {
  it('forecasting curve on a flat 3 % OIS curve: QuantLib 1.29 pillars to 1e-12, every swap reprices to 1e-12', () => {
    const ois = new Handle<YieldTermStructure>(new FlatForward(reference.flat_ois.rate_cc, { referenceDate: today }));
    const { curve, helpers } = forecastCurve(ois);
    expectPillars(curve, reference.flat_ois.forecast_pillars);
    for (const h of helpers) expect(Math.abs(h.quoteError(curve))).toBeLessThanOrEqual(1e-12);
  });

  it('on a bootstrapped OIS curve: both curves match QuantLib 1.29 to 1e-12', () => {
    const ois = oisCurve();
    expectPillars(ois.curve, reference.bootstrapped_ois.ois_pillars);
    const { curve } = forecastCurve(new Handle<YieldTermStructure>(ois.curve));
    expectPillars(curve, reference.bootstrapped_ois.forecast_pillars);
  });

  it('differs from the single-curve bootstrap, and equals it when the discount curve is the forecast curve itself', () => {
    // With D = P the floating coupons telescope: the dual-curve formula is then the single-curve one.
    const single = new PiecewiseYieldCurve(reference.swaps.map((s) => new SwapRateHelper(s.rate, Period.parse(s.tenor), conventions)), { referenceDate: today });
    const self = new RelinkableHandle<YieldTermStructure>(single);
    const dual = forecastCurve(self).curve;
    const t = today.addDays(3000);
    expect(Math.abs(dual.discount(t) - single.discount(t))).toBeLessThanOrEqual(1e-13);
    const onOis = forecastCurve(new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today }))).curve;
    expect(Math.abs(onOis.discount(t) - single.discount(t))).toBeGreaterThan(1e-5);
  });

  it('an OIS quote tick re-bootstraps the forecasting curve (lazily, on the next read), and a relink of the discount handle too', () => {
    const ois = oisCurve();
    const handle = new RelinkableHandle<YieldTermStructure>(ois.curve);
    const { curve, helpers } = forecastCurve(handle);
    const t = today.addDays(3000);
    const before = curve.discount(t);
    ois.quotes[5]!.setValue(0.0335);
    const after = curve.discount(t);
    expect(after).not.toBe(before);
    for (const h of helpers) expect(Math.abs(h.quoteError(curve))).toBeLessThanOrEqual(1e-12);
    handle.linkTo(new FlatForward(0.03, { referenceDate: today }));
    expectPillars(curve, reference.flat_ois.forecast_pillars);
  });
});
