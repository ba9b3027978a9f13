// MultiCurveBootstrap: the simultaneous Newton solve against the iterative PiecewiseYieldCurve
// (a second method) for every traits and interpolation, against QuantLib 1.29's sequential
// dual-curve bootstrap, on a pair of mutually dependent curves no sequential bootstrap can
// order, and its laziness.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { transaction } from '../../src/patterns/transaction.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Settings } from '../../src/settings.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Period } from '../../src/time/Period.js';
import { MultiCurveBootstrap, type MultiCurveSpec } from '../../termstructures/yield/MultiCurveBootstrap.js';
import { PiecewiseYieldCurve, type PiecewiseYieldCurveTraits } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { DepositRateHelper } from '../../termstructures/yield/ratehelpers/DepositRateHelper.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { RateHelper } from '../../termstructures/yield/ratehelpers/RateHelper.js';
import { SwapRateHelper } from '../../termstructures/yield/ratehelpers/SwapRateHelper.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

const conventions = { convention: BusinessDayConvention.Unadjusted };
const single = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-yield-curve.json', import.meta.url), 'utf8')).yield_curve.instruments as {
  type: 'deposit' | 'swap'; tenor: string; rate: number;
}[];
const dual = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-dual-curve.json', import.meta.url), 'utf8')) as {
  swaps: { tenor: string; rate: number }[];
  ois_swaps: { tenor: string; rate: number }[];
  bootstrapped_ois: { ois_pillars: { date: string; discount: number }[]; forecast_pillars: { date: string; discount: number }[] };
};
const singleHelpers = (): RateHelper[] =>
  single.map((i) => (i.type === 'deposit' ? new DepositRateHelper(i.rate, Period.parse(i.tenor), conventions) : new SwapRateHelper(i.rate, Period.parse(i.tenor), conventions)));
const probeDates = [30, 200, 400, 800, 1500, 2500, 3600, 4000].map((d) => today.addDays(d));

describe('MultiCurveBootstrap', () => {
  const traits: PiecewiseYieldCurveTraits[] = [
    { traits: 'discount', interpolation: 'logLinear' }, { traits: 'discount', interpolation: 'logCubic' }, { traits: 'discount', interpolation: 'monotoneConvex' },
    { traits: 'zeroYield', interpolation: 'linear' }, { traits: 'zeroYield', interpolation: 'monotoneConvex' },
    { traits: 'forwardRate', interpolation: 'backwardFlat' }, { traits: 'forwardRate', interpolation: 'linear' },
  ];
  it.each(traits)('one curve ($traits, $interpolation): equals the iterative bootstrap to 1e-12 at and between the pillars', (t) => {
    const global = new MultiCurveBootstrap([{ ...t, helpers: singleHelpers } as MultiCurveSpec], { referenceDate: today }).curve(0);
    const iterative = new PiecewiseYieldCurve(singleHelpers(), { ...t, referenceDate: today });
    for (const d of [...probeDates, ...iterative.dates().slice(1)]) {
      expect(Math.abs(global.discount(d, true) - iterative.discount(d, true)), d.toISOString()).toBeLessThanOrEqual(1e-12);
    }
  });

  it('OIS and term curves solved together match QuantLib 1.29’s sequential dual-curve bootstrap to 1e-12', () => {
    const bootstrap = new MultiCurveBootstrap([
      { helpers: () => dual.ois_swaps.map((s) => new OISRateHelper(s.rate, Period.parse(s.tenor), conventions)) },
      { helpers: ([ois]) => dual.swaps.map((s) => new SwapRateHelper(s.rate, Period.parse(s.tenor), { ...conventions, discountingCurve: ois })) },
    ], { referenceDate: today });
    for (const [curve, pillars] of [[bootstrap.curve(0), dual.bootstrapped_ois.ois_pillars], [bootstrap.curve(1), dual.bootstrapped_ois.forecast_pillars]] as const) {
      for (const p of pillars) expect(Math.abs(curve.discount(Date.fromISO(p.date)) - p.discount), p.date).toBeLessThanOrEqual(1e-12);
    }
  });

  it('solves mutually dependent curves (each has a helper discounted on the other) and every helper reprices to 1e-12', () => {
    // No sequential bootstrap can order these: curve 0's 10Y swap is discounted on curve 1,
    // curve 1's swaps on curve 0.
    const helpers: RateHelper[][] = [];
    const bootstrap = new MultiCurveBootstrap([
      { helpers: ([, term]) => (helpers[0] = [
        ...dual.ois_swaps.slice(0, 5).map((s) => new OISRateHelper(s.rate, Period.parse(s.tenor), conventions)),
        new SwapRateHelper(0.0326, Period.parse('10Y'), { ...conventions, discountingCurve: term }),
      ]) },
      { helpers: ([ois]) => (helpers[1] = dual.swaps.map((s) => new SwapRateHelper(s.rate, Period.parse(s.tenor), { ...conventions, discountingCurve: ois }))) },
    ], { referenceDate: today });
    for (const c of [0, 1]) {
      const curve = bootstrap.curve(c);
      for (const h of helpers[c]!) expect(Math.abs(h.quoteError(curve)), `curve ${c}, pillar ${h.pillarDate().toISOString()}`).toBeLessThanOrEqual(1e-12);
    }
  });

  it('is lazy: one solve per tick or transaction of ticks, none before a read; an invalid quote is an error until fixed', () => {
    const quotes = dual.ois_swaps.map((s) => new SimpleQuote(s.rate));
    const bootstrap = new MultiCurveBootstrap([
      { helpers: () => dual.ois_swaps.map((s, i) => new OISRateHelper(new Handle<Quote>(quotes[i]!), Period.parse(s.tenor), conventions)) },
      { helpers: ([ois]) => dual.swaps.map((s) => new SwapRateHelper(s.rate, Period.parse(s.tenor), { ...conventions, discountingCurve: ois })) },
    ], { referenceDate: today });
    const solve = vi.spyOn(bootstrap as unknown as { performCalculations(): void }, 'performCalculations');
    const term: YieldTermStructure = bootstrap.curve(1);
    const d = today.addDays(2000);
    const before = term.discount(d);
    expect(solve).toHaveBeenCalledTimes(1);
    transaction(() => {
      quotes[2]!.setValue(0.031);
      quotes[3]!.setValue(0.032);
    });
    expect(solve).toHaveBeenCalledTimes(1);
    const after = term.discount(d);
    bootstrap.curve(0).discount(d);
    expect(solve).toHaveBeenCalledTimes(2);
    expect(after).not.toBe(before);
    quotes[0]!.setValue(Number.NaN);
    expect(() => term.discount(d)).toThrow();
    quotes[0]!.setValue(dual.ois_swaps[0]!.rate);
    expect(Number.isFinite(term.discount(d))).toBe(true);
  });

  it('refuses bad input by name, and reports a failed solve as a ConvergenceError', () => {
    expect(() => new MultiCurveBootstrap([], { referenceDate: today })).toThrow(/specs.length/);
    expect(() => new MultiCurveBootstrap([{ helpers: () => [] }], { referenceDate: today })).toThrow(InvalidInputError);
    expect(() => new MultiCurveBootstrap([{ helpers: singleHelpers }], { referenceDate: '2025-01-02' as unknown as Date })).toThrow(/options.referenceDate/);
    expect(() => new MultiCurveBootstrap([{ helpers: singleHelpers, traits: 'discount', interpolation: 'linear' as never }], { referenceDate: today })).toThrow(/specs\[0\].interpolation/);
    expect(() => new MultiCurveBootstrap([{ helpers: singleHelpers }], { referenceDate: today }).curve(2)).toThrow(/i = 2/);
    // Two helpers with the same pillar: the pillar check names them on the first read.
    const twice = new MultiCurveBootstrap([{ helpers: () => [new SwapRateHelper(0.03, Period.parse('2Y')), new SwapRateHelper(0.031, Period.parse('2Y'))] }], { referenceDate: today });
    expect(() => twice.curve(0).discount(1)).toThrow(/pillar/);
    const stuck = new MultiCurveBootstrap([{ helpers: singleHelpers }], { referenceDate: today, maxIterations: 1 });
    expect(() => stuck.curve(0).discount(1)).toThrow(ConvergenceError);
  });

  it('the docstring example', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
    const bootstrap = new MultiCurveBootstrap([
      { helpers: () => ['1Y', '2Y', '5Y'].map((t, i) => new OISRateHelper([0.029, 0.0295, 0.031][i]!, Period.parse(t))) },
      { helpers: ([ois]) => ['2Y', '5Y'].map((t, i) => new SwapRateHelper([0.0325, 0.035][i]!, Period.parse(t), { discountingCurve: ois })) },
    ], { referenceDate: Date.fromISO('2025-01-02') });
    expect(bootstrap.curve(1).discount(Date.fromISO('2030-01-02'))).toBe(0.8414317620787292);
  });
});
