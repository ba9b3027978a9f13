import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { PiecewiseYieldCurve } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { RateHelper } from '../../termstructures/yield/ratehelpers/RateHelper.js';
import { SofrFutureRateHelper } from '../../termstructures/yield/ratehelpers/SofrFutureRateHelper.js';

// QuantLib 1.29 OvernightIndexFuture prices on the SofrFutureRateHelper's dates (scripts/reference/gen_instruments.py).
const ql = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-instruments.json', import.meta.url), 'utf8')).sofrFutures.helpers as {
  contract: '1M' | '3M'; month: number; year: number; averaging: 'compound' | 'simple'; convexityAdjustment: number; earliestDate: string; maturityDate: string; price: number;
}[];

const today = Date.fromISO('2025-01-02');
beforeEach(() => Settings.instance.evaluationDate.set(today));
afterAll(() => Settings.instance.evaluationDate.reset());

describe('SofrFutureRateHelper', () => {
  it('has QuantLib 1.29 reference periods (IMM third Wednesdays; first business days of the month) and prices on a flat 4 % curve', () => {
    const curve = new FlatForward(0.04, { referenceDate: today });
    for (const r of ql) {
      const h = new SofrFutureRateHelper(96, r.month, r.year, r.contract === '1M' ? Frequency.Monthly : Frequency.Quarterly, {
        convexityAdjustment: r.convexityAdjustment, averagingMethod: r.averaging, index: new Sofr(undefined, new FixingsStore()),
      });
      const label = `${r.contract} ${r.year}-${r.month} ${r.averaging} c=${r.convexityAdjustment}`;
      expect(h.startDate().toISOString(), label).toBe(r.earliestDate);
      expect(h.maturityDate().toISOString(), label).toBe(r.maturityDate);
      // Prices ~96: a telescoped ratio (compound) or a ~60-term sum (simple) of the same discounts; 1e-11 absolute.
      expect(Math.abs(h.impliedQuote(curve) - r.price), `${label}: got ${h.impliedQuote(curve)}, QuantLib ${r.price}`).toBeLessThan(1e-11);
    }
  });

  it('price = 100 (1 − R − c), R the simple forward over the period (closed form), and a convexity adjustment lowers the price', () => {
    const curve = new FlatForward(0.035, { referenceDate: today });
    const c = new SimpleQuote(0);
    const h = new SofrFutureRateHelper(96.5, 9, 2025, Frequency.Quarterly, { convexityAdjustment: new Handle<Quote>(c) });
    const [s, e] = [h.startDate(), h.maturityDate()];
    const tau = new Actual360().yearFraction(s, e);
    const forward = (curve.discount(s) / curve.discount(e) - 1) / tau;
    expect(h.impliedQuote(curve)).toBeCloseTo(100 * (1 - forward), 12);
    let notified = 0;
    h.registerObserver({ update: () => { notified++; } });
    c.setValue(0.001);
    expect(notified).toBe(1);
    expect(h.impliedQuote(curve)).toBeCloseTo(100 * (1 - forward - 0.001), 12);
  });

  it('bootstraps with OIS swaps: every helper reprices to 1e-12 (futures in price units)', () => {
    const prices = [[3, 2025, 95.70], [6, 2025, 95.85], [9, 2025, 96.0], [12, 2025, 96.1], [3, 2026, 96.15]] as const;
    const helpers: RateHelper[] = [];
    helpers.push(new SofrFutureRateHelper(95.68, 2, 2025, Frequency.Monthly, { averagingMethod: 'simple' }));
    for (const [m, y, p] of prices) helpers.push(new SofrFutureRateHelper(p, m, y, Frequency.Quarterly, { convexityAdjustment: 0.0002 }));
    const ois = { settlementDays: 2, calendar: new Sofr().fixingCalendar(), dayCounter: new Actual360(), paymentLag: 2 };
    for (const [tenor, rate] of [['2Y', 0.039], ['3Y', 0.0385], ['5Y', 0.038], ['10Y', 0.039]] as const) helpers.push(new OISRateHelper(rate, Period.parse(tenor), ois));
    const curve = new PiecewiseYieldCurve(helpers, { referenceDate: today });
    for (const h of helpers) expect(Math.abs(h.quoteError(curve)), `pillar ${h.pillarDate().toISOString()}`).toBeLessThan(1e-12);
  });

  it('refuses bad contracts and a started reference period, naming them', () => {
    expect(() => new SofrFutureRateHelper(96, 13, 2025, Frequency.Quarterly)).toThrow(/referenceMonth = 13/);
    expect(() => new SofrFutureRateHelper(96, 3, 2025, Frequency.Annual)).toThrow(/referenceFrequency = 1/);
    expect(() => new SofrFutureRateHelper(Number.NaN, 3, 2025, Frequency.Quarterly)).toThrow(/quote = NaN/);
    expect(() => new SofrFutureRateHelper(96, 12, 2024, Frequency.Quarterly).impliedQuote(new FlatForward(0.04, { referenceDate: today }))).toThrow(/reference period start = "2024-12-18"/);
  });
});
