import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiscountingSwapEngine } from '../../../engines/discounting/DiscountingSwapEngine.js';
import { JamshidianSwaptionEngine } from '../../../engines/hullwhite/JamshidianSwaptionEngine.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { SettlementType } from '../../../instruments/SettlementType.js';
import { Swaption } from '../../../instruments/Swaption.js';
import { SwapType } from '../../../instruments/SwapType.js';
import { InvalidInputError } from '../../../src/errors.js';
import { adaptiveGaussKronrod } from '../../../src/math/integration/adaptiveGaussKronrod.js';
import { Date } from '../../../src/time/Date.js';
import { HullWhite } from '../../../src/models/HullWhite.js';
import { hullWhiteMarket, referenceSwap, referenceSwaption, swaptionCases } from './_lib/hullWhiteMarket.js';

const years = (id: string) => Number(/x(\d+)Y/.exec(id)![1]);

describe('JamshidianSwaptionEngine: QuantLib 1.29 European swaptions (flat 3 %, a = 0.1, σ = 0.01)', () => {
  const m = hullWhiteMarket();
  const engine = new JamshidianSwaptionEngine(m.model);
  // QuantLib's Jamshidian root-finder works to ~1e-10 in price here; 1e-8 is the brief's bound.
  it.each(swaptionCases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    for (const [type, key] of [[SwapType.Payer, 'payer'], [SwapType.Receiver, 'receiver']] as const) {
      const s = referenceSwaption(m, type, c.inputs.exercise_date, years(c.id), c.inputs.fixed_rate);
      s.setPricingEngine(engine);
      const expected = c.outputs[`${key}_jamshidian`]!;
      expect(Math.abs(s.NPV() - expected), `${c.id} ${key}: ${s.NPV()} vs ${expected}`).toBeLessThan(1e-8);
      expect(Math.abs(s.result('forwardSwapValue') - c.outputs[`${key}_underlying_swap_npv`]!)).toBeLessThan(1e-13);
      expect(Math.abs(s.result('fairRate') - c.inputs.atm_rate)).toBeLessThan(1e-13);
    }
  });
});

describe('JamshidianSwaptionEngine: properties', () => {
  it('payer − receiver = forward payer swap (discounting engine), over strikes and parameters', () => {
    const m = hullWhiteMarket(0.035, 0.05, 0.01);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.08, noNaN: true }), fc.double({ min: 0.001, max: 0.3, noNaN: true }), fc.double({ min: 0.002, max: 0.03, noNaN: true }), fc.integer({ min: 1, max: 10 }), (K, a, sigma, n) => {
        m.model.setParameters({ a, sigma });
        const engine = new JamshidianSwaptionEngine(m.model);
        const payer = referenceSwaption(m, SwapType.Payer, '2027-01-04', n, K);
        const receiver = referenceSwaption(m, SwapType.Receiver, '2027-01-04', n, K);
        payer.setPricingEngine(engine);
        receiver.setPricingEngine(engine);
        const swap = referenceSwap(m, SwapType.Payer, '2027-01-04', n, K);
        swap.setPricingEngine(new DiscountingSwapEngine(m.curve));
        expect(Math.abs(payer.NPV() - receiver.NPV() - swap.NPV())).toBeLessThan(1e-13);
        expect(payer.NPV()).toBeGreaterThanOrEqual(Math.max(swap.NPV(), 0) - 1e-13);
      }),
      { numRuns: 25 },
    );
  });

  it('exercise before the swap start (a spot lag): forward-bond options, parity and the quadrature agree', () => {
    const a = 0.1;
    const sigma = 0.01;
    const m = hullWhiteMarket(0.03, a, sigma);
    const engine = new JamshidianSwaptionEngine(m.model);
    const exercise = new EuropeanExercise(Date.fromISO('2026-12-18'));
    const payer = new Swaption(referenceSwap(m, SwapType.Payer, '2027-01-04', 5, 0.03), exercise);
    const receiver = new Swaption(referenceSwap(m, SwapType.Receiver, '2027-01-04', 5, 0.03), exercise);
    const swap = referenceSwap(m, SwapType.Payer, '2027-01-04', 5, 0.03);
    swap.setPricingEngine(new DiscountingSwapEngine(m.curve));
    payer.setPricingEngine(engine);
    receiver.setPricingEngine(engine);
    expect(Math.abs(payer.NPV() - receiver.NPV() - swap.NPV())).toBeLessThan(1e-14);
    // Quadrature over x(T) under the T-forward measure (mean 0, variance σ²(1 − e^{−2aT})/(2a)).
    const curve = m.curve.currentLink();
    const args = payer.arguments();
    const T = curve.timeFromReference(exercise.date);
    const sd = sigma * Math.sqrt((1 - Math.exp(-2 * a * T)) / (2 * a));
    const ts = curve.timeFromReference(args.floatingCoupons[0]!.accrualStartDate);
    const te = curve.timeFromReference(args.floatingCoupons.at(-1)!.accrualEndDate);
    const f = (x: number) => {
      const fixed = args.fixedCoupons.reduce((acc, c) => acc + c.amount * m.model.discountBondX(T, curve.timeFromReference(c.paymentDate), x), 0);
      const value = Math.max(m.model.discountBondX(T, ts, x) - m.model.discountBondX(T, te, x) - fixed, 0);
      return (value * Math.exp(-0.5 * (x / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI));
    };
    const xStar = payer.result('xStar');
    const integral = adaptiveGaussKronrod(f, -12 * sd, xStar, { absoluteTolerance: 1e-15 }).value + adaptiveGaussKronrod(f, xStar, 12 * sd, { absoluteTolerance: 1e-15 }).value;
    expect(Math.abs(curve.discount(T) * integral - payer.NPV())).toBeLessThan(1e-12);
  });

  it('a swaption into a one-period swap is (1 + Kτ) zero-bond puts (payer) or calls (receiver)', () => {
    const m = hullWhiteMarket();
    const K = 0.031;
    const s = new Swaption(
      referenceSwap(m, SwapType.Receiver, '2027-01-02', 1, K),
      new EuropeanExercise(Date.fromISO('2027-01-02')),
    );
    s.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    const T = 2;
    const S = 3;
    const call = m.model.discountBondOption(OptionType.Call, 1 / (1 + K), T, S);
    expect(Math.abs(s.NPV() - (1 + K) * call)).toBeLessThan(1e-15);
  });

  it('equals a quadrature of the physical payoff over the Gaussian state (a second method)', () => {
    const a = 0.07;
    const sigma = 0.013;
    const m = hullWhiteMarket(0.03, a, sigma);
    const s = referenceSwaption(m, SwapType.Payer, '2028-01-03', 4, 0.028);
    s.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    const curve = m.curve.currentLink();
    const args = s.arguments();
    const T = curve.timeFromReference(args.exerciseDates[0]!);
    const B = (1 - Math.exp(-a * T)) / a;
    const b2 = (1 - Math.exp(-2 * a * T)) / (2 * a);
    const mean = 0.5 * sigma * sigma * B * B - ((sigma * sigma) / a) * (B - b2);
    const sd = sigma * Math.sqrt(b2);
    const ts = curve.timeFromReference(args.floatingCoupons[0]!.accrualStartDate);
    const te = curve.timeFromReference(args.floatingCoupons.at(-1)!.accrualEndDate);
    const payoff = (x: number) => {
      const fixed = args.fixedCoupons.reduce((acc, c) => acc + c.amount * m.model.discountBondX(T, curve.timeFromReference(c.paymentDate), x), 0);
      return Math.max(m.model.discountBondX(T, ts, x) - m.model.discountBondX(T, te, x) - fixed, 0);
    };
    const density = (x: number) => Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
    const xStar = s.result('xStar');
    const f = (x: number) => density(x) * payoff(x);
    const integral = adaptiveGaussKronrod(f, mean - 12 * sd, xStar, { absoluteTolerance: 1e-15 }).value + adaptiveGaussKronrod(f, xStar, mean + 12 * sd, { absoluteTolerance: 1e-15 }).value;
    expect(Math.abs(curve.discount(T) * integral - s.NPV())).toBeLessThan(1e-12);
  });

  it('with a piecewise σ a European depends on y(T) only: equal to the constant σ with the same y(T)', () => {
    const m = hullWhiteMarket(0.03, 0.06, 0.01);
    const pw = new HullWhite(m.curve, 0.06, [0.012, 0.006, 0.009], [0.5, 1.2]);
    const T = m.curve.currentLink().timeFromReference(Date.fromISO('2027-01-04'));
    const sigmaEq = Math.sqrt(pw.stateVariance(0, T) / ((1 - Math.exp(-0.12 * T)) / 0.12));
    const eq = new HullWhite(m.curve, 0.06, sigmaEq);
    for (const st of [SettlementType.Physical, SettlementType.Cash]) {
      const s = new Swaption(referenceSwap(m, SwapType.Receiver, '2027-01-04', 6, 0.029), new EuropeanExercise(Date.fromISO('2027-01-04')), st);
      s.setPricingEngine(new JamshidianSwaptionEngine(pw));
      const v = s.NPV();
      s.setPricingEngine(new JamshidianSwaptionEngine(eq));
      expect(Math.abs(v - s.NPV())).toBeLessThan(1e-15);
    }
  });

  it('cash (par-yield) settlement equals physical for a one-fixed-coupon swap, and differs otherwise', () => {
    const m = hullWhiteMarket();
    const engine = new JamshidianSwaptionEngine(m.model);
    const make = (n: number, st: SettlementType) => {
      const s = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', n, 0.03), new EuropeanExercise(Date.fromISO('2026-01-02')), st);
      s.setPricingEngine(engine);
      return s.NPV();
    };
    expect(Math.abs(make(1, SettlementType.Cash) - make(1, SettlementType.Physical))).toBeLessThan(1e-12);
    const cash = make(5, SettlementType.Cash);
    const physical = make(5, SettlementType.Physical);
    expect(cash).toBeGreaterThan(0);
    // Par-yield annuity vs the curve's: same order, a few per cent apart at most.
    expect(Math.abs(cash / physical - 1)).toBeLessThan(0.05);
    expect(cash).not.toBe(physical);
  });

  it('reprices once on a curve tick, and refuses Bermudan exercise', () => {
    const m = hullWhiteMarket();
    const s = referenceSwaption(m, SwapType.Payer, '2026-01-02', 5, 0.03);
    s.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    const v0 = s.NPV();
    let n = 0;
    const sub = s.results$.subscribe(() => n++);
    m.rate.setValue(0.032);
    expect(n).toBe(2);
    expect(s.NPV()).toBeGreaterThan(v0);
    sub.unsubscribe();
    const berm = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', 5, 0.03), new BermudanExercise([Date.fromISO('2026-01-02'), Date.fromISO('2027-01-02')]));
    berm.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    expect(() => berm.NPV()).toThrow(InvalidInputError);
    expect(() => new JamshidianSwaptionEngine({} as never)).toThrow(InvalidInputError);
  });
});
