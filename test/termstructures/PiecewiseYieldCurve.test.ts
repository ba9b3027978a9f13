import { readFileSync } from 'node:fs';
import fc from 'fast-check';
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
import { PiecewiseYieldCurve, type PiecewiseYieldCurveTraits } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { DepositRateHelper } from '../../termstructures/yield/ratehelpers/DepositRateHelper.js';
import { FraRateHelper } from '../../termstructures/yield/ratehelpers/FraRateHelper.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { RateHelper } from '../../termstructures/yield/ratehelpers/RateHelper.js';
import { SwapRateHelper } from '../../termstructures/yield/ratehelpers/SwapRateHelper.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

// QuantLib 1.29 bootstrapped curves (test/reference/README.md).
interface Instrument { type: 'deposit' | 'swap'; tenor: string; rate: number; fixed_payment_times?: number[]; end_time?: number }
interface Point { discount: number; zero_rate_cc: number | null }
interface Pillar extends Point { date: string; time: number }
interface QuantLibPoint extends Point { N_days: number; T: number }
const reference = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-yield-curve.json', import.meta.url), 'utf8')).yield_curve as {
  instruments: Instrument[];
  curves: Record<string, { pillars: Pillar[]; points: QuantLibPoint[] }>;
};

// The `conventions` field: NullCalendar, Unadjusted, no settlement lag, Act/365F (the defaults
// but for the rolling rule), annual fixed legs.
const conventions = { convention: BusinessDayConvention.Unadjusted };
function helpersFor(quotes: SimpleQuote[]): RateHelper[] {
  return reference.instruments.map((inst, i) => {
    const quote = new Handle<Quote>(quotes[i]!);
    return inst.type === 'deposit' ? new DepositRateHelper(quote, Period.parse(inst.tenor), conventions) : new SwapRateHelper(quote, Period.parse(inst.tenor), conventions);
  });
}
const quotesNow = () => reference.instruments.map((inst) => new SimpleQuote(inst.rate));

const cases: [string, PiecewiseYieldCurveTraits][] = [
  ['PiecewiseLinearZero', { traits: 'zeroYield', interpolation: 'linear' }],
  ['PiecewiseLogLinearDiscount', { traits: 'discount', interpolation: 'logLinear' }],
  ['PiecewiseFlatForward', { traits: 'forwardRate', interpolation: 'backwardFlat' }],
  ['PiecewiseLogCubicDiscount', { traits: 'discount', interpolation: 'logCubic' }],
];

describe('PiecewiseYieldCurve against QuantLib 1.29', () => {
  it('the helpers use the reference schedules: fixed payment times and deposit ends as listed', () => {
    const helpers = helpersFor(quotesNow());
    reference.instruments.forEach((inst, i) => {
      if (inst.type === 'swap') {
        const dates = (helpers[i] as SwapRateHelper).fixedSchedule().dates().slice(1);
        expect(dates.map((d) => today.daysTo(d) / 365)).toEqual(inst.fixed_payment_times);
      } else {
        expect(today.daysTo(helpers[i]!.pillarDate()) / 365).toBe(inst.end_time);
      }
    });
  });

  it.each(cases)('%s: pillar and query-point discount factors and zero rates within 1e-10 (the reference’s tolerance); every helper reprices to 1e-12', (name, traits) => {
    const curve = new PiecewiseYieldCurve(helpersFor(quotesNow()), { referenceDate: today, ...traits });
    const ql = reference.curves[name]!;
    let worstDiscount = 0;
    let worstZero = 0;
    const points: [Date, Point][] = [...ql.pillars.map((p) => [Date.fromISO(p.date), p] as [Date, Point]), ...ql.points.map((p) => [today.addDays(p.N_days), p] as [Date, Point])];
    for (const [date, p] of points) {
      worstDiscount = Math.max(worstDiscount, Math.abs(curve.discount(date) - p.discount));
      if (p.zero_rate_cc !== null) worstZero = Math.max(worstZero, Math.abs(curve.zeroRate(date) - p.zero_rate_cc));
    }
    // QuantLib's own bootstrap stops at 1e-12 in the node values; measured here: max |ΔP| 3e-15
    // (log-linear) to 5e-13 (log-cubic), max |Δz| ≤ 1.2e-13.
    expect(worstDiscount, `${name}: max |ΔP|`).toBeLessThan(1e-10);
    expect(worstZero, `${name}: max |Δz|`).toBeLessThan(1e-10);
    for (const h of curve.helpers()) expect(Math.abs(h.quoteError(curve)), `${name}: helper ${h.pillarDate()}`).toBeLessThan(1e-12);
    expect(curve.dates().map(String)).toEqual(ql.pillars.map((p) => p.date));
  });
});

describe('PiecewiseYieldCurve', () => {
  it('the docstring example', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
    const curve = new PiecewiseYieldCurve([
      new DepositRateHelper(0.02, Period.parse('6M')),
      new SwapRateHelper(0.025, Period.parse('1Y')),
      new SwapRateHelper(0.03, Period.parse('2Y')),
    ], { referenceDate: Date.fromISO('2025-01-02') });
    expect(curve.discount(Date.fromISO('2027-01-02'))).toBe(0.9424579682690032);
    // Closed form: the 1Y swap gives P(1) = 1/1.025, the 2Y swap 0.03 (P(1) + P(2)) = 1 − P(2).
    expect(curve.discount(Date.fromISO('2027-01-02'))).toBeCloseTo((1 - 0.03 / 1.025) / 1.03, 15);
  });

  it('a quote tick re-bootstraps once, on the next read; a transaction of ticks too; no read, no bootstrap', () => {
    const quotes = quotesNow();
    const curve = new PiecewiseYieldCurve(helpersFor(quotes), { referenceDate: today });
    const spy = vi.spyOn(curve as unknown as { performCalculations(): void }, 'performCalculations');
    let changes = 0;
    const sub = curve.changes$.subscribe(() => changes++);
    const before = curve.discount(5);
    expect(spy).toHaveBeenCalledTimes(1);
    curve.discount(7);
    expect(spy).toHaveBeenCalledTimes(1);
    quotes[5]!.setValue(0.033);
    expect(changes).toBe(1);
    expect(spy).toHaveBeenCalledTimes(1); // nothing computed until read
    expect(curve.discount(5)).toBeLessThan(before); // a higher 5Y swap rate lowers P(5Y)
    curve.zeroRate(9);
    expect(spy).toHaveBeenCalledTimes(2);
    transaction(() => quotes.forEach((q) => q.setValue(q.value() + 0.001)));
    expect(changes).toBe(2);
    curve.discount(3);
    curve.discount(8);
    expect(spy).toHaveBeenCalledTimes(3);
    sub.unsubscribe();
  });

  it('an invalid quote is an error state until the quote is valid again', () => {
    const quotes = quotesNow();
    const curve = new PiecewiseYieldCurve(helpersFor(quotes), { referenceDate: today });
    quotes[2]!.setValue(Number.NaN);
    expect(() => curve.discount(1)).toThrow(/no valid value/);
    quotes[2]!.setValue(0.025);
    expect(curve.discount(1)).toBeCloseTo(reference.curves['PiecewiseLogLinearDiscount']!.pillars[3]!.discount, 10);
  });

  it('with a moving reference date the curve and helpers follow the evaluation date', () => {
    const curve = new PiecewiseYieldCurve(helpersFor(quotesNow()));
    const p = curve.discount(today.addDays(730));
    Settings.instance.evaluationDate.set(today.addDays(1));
    expect(curve.referenceDate().equals(today.addDays(1))).toBe(true);
    expect(curve.discount(today.addDays(731))).toBeCloseTo(p, 12); // same quotes, shifted a day
  });

  it('a fixed-reference curve on moving helpers is notified of a new evaluation date (the helpers hold no global registration)', () => {
    const helpers = helpersFor(quotesNow());
    expect(helpers.every((h) => h.movesWithEvaluationDate())).toBe(true);
    const before = Settings.instance.evaluationDate.observerCount;
    const curve = new PiecewiseYieldCurve(helpers, { referenceDate: today });
    expect(Settings.instance.evaluationDate.observerCount).toBe(before + 1);
    let changes = 0;
    const sub = curve.changes$.subscribe(() => changes++);
    const p = curve.discount(2);
    Settings.instance.evaluationDate.set(today.addDays(1));
    expect(changes).toBe(1);
    expect(curve.discount(2)).not.toBe(p); // the helpers start a day later now
    sub.unsubscribe();
  });

  it('monotone convex (discounts and zero rates), linear forwards: helpers reprice to 1e-12, forwards positive', () => {
    const variants: PiecewiseYieldCurveTraits[] = [
      { traits: 'discount', interpolation: 'monotoneConvex' },
      { traits: 'zeroYield', interpolation: 'monotoneConvex' },
      { traits: 'forwardRate', interpolation: 'linear' },
    ];
    for (const traits of variants) {
      const curve = new PiecewiseYieldCurve(helpersFor(quotesNow()), { referenceDate: today, ...traits });
      for (const h of curve.helpers()) expect(Math.abs(h.quoteError(curve)), `${traits.traits} ${traits.interpolation}`).toBeLessThan(1e-12);
      for (let t = 0; t < 10; t += 0.05) expect(curve.forwardRate(t, t)).toBeGreaterThan(0);
    }
  });

  it('a FRA strip between deposits and an OIS curve with a payment lag reprice every quote to 1e-12', () => {
    const mixed = new PiecewiseYieldCurve([
      new DepositRateHelper(0.02, Period.parse('3M'), conventions),
      new FraRateHelper(0.021, 3, 6, conventions),
      new FraRateHelper(0.0225, 6, 9, conventions),
      new FraRateHelper(0.024, 9, 12, conventions),
      new SwapRateHelper(0.028, Period.parse('2Y'), conventions),
    ], { referenceDate: today });
    for (const h of mixed.helpers()) expect(Math.abs(h.quoteError(mixed))).toBeLessThan(1e-12);
    const ois = new PiecewiseYieldCurve(
      ['1M', '3M', '6M', '1Y', '2Y', '5Y', '10Y'].map((t, i) => new OISRateHelper(0.043 - 0.001 * i, Period.parse(t), { paymentLag: 2, settlementDays: 2 })),
      { referenceDate: today, interpolation: 'monotoneConvex' },
    );
    for (const h of ois.helpers()) expect(Math.abs(h.quoteError(ois))).toBeLessThan(1e-12);
  });

  it('a parallel bump of every quote lowers every discount factor (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 0.01, noNaN: true }), fc.constantFrom(...cases.map((c) => c[1])), (bump, traits) => {
        const quotes = quotesNow();
        const curve = new PiecewiseYieldCurve(helpersFor(quotes), { referenceDate: today, ...traits });
        const before = [1, 2.5, 4, 6, 9.5].map((t) => curve.discount(t));
        transaction(() => quotes.forEach((q) => q.setValue(q.value() + bump)));
        [1, 2.5, 4, 6, 9.5].forEach((t, i) => expect(curve.discount(t)).toBeLessThan(before[i]!));
      }),
      { numRuns: 20 },
    );
  });

  it('a parallel bump of every quote raises the fair rate of every swap, pillar or not: a payer swap gains (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0001, max: 0.01, noNaN: true }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...cases.map((c) => c[1])), (bump, years, traits) => {
        const quotes = quotesNow();
        const curve = new PiecewiseYieldCurve(helpersFor(quotes), { referenceDate: today, ...traits });
        curve.enableExtrapolation();
        const swap = new SwapRateHelper(0.03, Period.parse(`${years}Y`), conventions); // a payer swap at 3 % fixed
        const annuity = (c: PiecewiseYieldCurve) => swap.fixedSchedule().dates().slice(1).reduce((a, d, i, ds) => a + ((i === 0 ? today : ds[i - 1]!).daysTo(d) / 365) * c.discount(d), 0);
        const payerNpv = () => (swap.impliedQuote(curve) - 0.03) * annuity(curve); // (par − K)·annuity
        const before = payerNpv();
        transaction(() => quotes.forEach((q) => q.setValue(q.value() + bump)));
        expect(payerNpv()).toBeGreaterThan(before);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses bad helpers and options; duplicate pillars surface on the first read', () => {
    expect(() => new PiecewiseYieldCurve([])).toThrow(/helpers.length = 0/);
    expect(() => new PiecewiseYieldCurve([{} as RateHelper])).toThrow(/helpers\[0\]/);
    const deposit = new DepositRateHelper(0.02, Period.parse('1Y'));
    expect(() => new PiecewiseYieldCurve([deposit], { traits: 'zeroYield', interpolation: 'logCubic' as 'linear' })).toThrow(/options.interpolation = "logCubic" is outside the allowed range \{'linear', 'monotoneConvex'\} \(for zeroYield\)/);
    expect(() => new PiecewiseYieldCurve([deposit], { accuracy: 0 })).toThrow(/options.accuracy = 0/);
    const twice = new PiecewiseYieldCurve([deposit, new SwapRateHelper(0.02, Period.parse('1Y'))], { referenceDate: today });
    expect(() => twice.discount(0.5)).toThrow(InvalidInputError);
    expect(() => twice.discount(0.5)).toThrow(/pillars must be distinct/);
    const absurd = new PiecewiseYieldCurve([new DepositRateHelper(-5, Period.parse('1Y'))], { referenceDate: today });
    expect(() => absurd.discount(0.5)).toThrow(ConvergenceError);
  });
});
