import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BinomialVanillaEngine } from '../../../engines/blackscholes/BinomialVanillaEngine.js';
import type { BinomialTreeType } from '../../../engines/trees/BinomialTree.js';
import { CoxRossRubinstein } from '../../../engines/trees/CoxRossRubinstein.js';
import { JarrowRudd } from '../../../engines/trees/JarrowRudd.js';
import { LeisenReimer } from '../../../engines/trees/LeisenReimer.js';
import { Tian } from '../../../engines/trees/Tian.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { InvalidInputError } from '../../../src/errors.js';
import { americanOption, europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { americanCases } from '../../_lib/reference.js';


beforeEach(setToday);

const typeOf = (t: 'call' | 'put') => (t === 'call' ? OptionType.Call : OptionType.Put);
const american = americanOption;

/** Least-squares slope of log|error| against log N: the convergence order. */
function order(steps: number[], errors: number[]): number {
  const xs = steps.map(Math.log);
  const ys = errors.map((e) => Math.log(Math.abs(e)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return -num / den;
}

describe('BinomialVanillaEngine', () => {
  describe('QuantLib 1.29 BinomialCRRVanillaEngine(2000) (quantlib.american.binomial_crr_2000)', () => {
    for (const c of americanCases) {
      it(c.id, () => {
        const i = c.inputs;
        const m = flatMarket(i.S, i.r, i.q, i.vol);
        const option = american(typeOf(i.type), i.K, i.N_days);
        option.setPricingEngine(new BinomialVanillaEngine(m.process, CoxRossRubinstein, 2000));
        // Same tree, same rollback: only floating-point summation order differs (suggested 1e-6).
        expect(Math.abs(option.NPV() - c.outputs['binomial_crr_2000']!)).toBeLessThan(1e-6);
      });
    }
  });

  describe('European convergence to AnalyticEuropeanEngine, order fitted at N, 2N, 4N (8N)', () => {
    const trees: ReadonlyArray<readonly [string, BinomialTreeType, number[], number, number]> = [
      // [name, tree, steps, expected order, allowed deviation]
      ['CoxRossRubinstein', CoxRossRubinstein, [100, 200, 400], 1, 0.15],
      ['JarrowRudd', JarrowRudd, [100, 200, 400, 800], 1, 0.35],
      ['Tian', Tian, [100, 200, 400, 800], 1, 0.35],
      ['LeisenReimer', LeisenReimer, [51, 101, 201], 2, 0.15],
    ];
    for (const [name, tree, steps, expected, slack] of trees) {
      it(`${name}: order ≈ ${expected}`, () => {
        // S = K keeps CRR's nodes on the strike (smooth 1/N); JR and Tian nodes drift past the
        // strike, so their error oscillates inside a 1/N envelope: fit the RMS over N … N + 19
        // (the envelope's slope is what is fitted, hence the wider allowance).
        const m = flatMarket(100, 0.05, 0.02, 0.25);
        const option = europeanOption(OptionType.Put, 100, 365);
        option.setPricingEngine(m.engine);
        const exact = option.NPV();
        const errorAt = (n: number) => {
          option.setPricingEngine(new BinomialVanillaEngine(m.process, tree, n));
          return option.NPV() - exact;
        };
        const window = tree === JarrowRudd || tree === Tian ? 20 : 1;
        const errors = steps.map((n) => {
          let sum = 0;
          for (let k = 0; k < window; k++) sum += errorAt(n + k) ** 2;
          return Math.sqrt(sum / window);
        });
        const p = order(steps, errors);
        expect(Math.abs(p - expected), `errors ${errors.map((e) => e.toExponential(2)).join(', ')}, order ${p.toFixed(3)}`).toBeLessThan(slack);
      });
    }
  });

  it('Greeks of a European agree with the analytic ones (LR 801 steps)', () => {
    for (const [S, type] of [[90, OptionType.Call], [110, OptionType.Put], [100, OptionType.Call]] as const) {
      const m = flatMarket(S, 0.04, 0.01, 0.3);
      const option = europeanOption(type, 100, 270);
      option.setPricingEngine(m.engine);
      const ref = { v: option.NPV(), d: option.result('delta'), g: option.result('gamma'), t: option.result('theta') };
      option.setPricingEngine(new BinomialVanillaEngine(m.process, LeisenReimer, 801));
      // LR error O(1/N²) ≈ 1e-5 on the price; differences across a node spacing δS ≈ 2 add O(δS²)
      // on Greeks (measured ≤ 2.1e-4 on delta).
      expect(Math.abs(option.NPV() - ref.v)).toBeLessThan(1e-4);
      expect(Math.abs(option.result('delta') - ref.d)).toBeLessThan(5e-4);
      expect(Math.abs(option.result('gamma') - ref.g)).toBeLessThan(2e-5);
      expect(Math.abs(option.result('theta') - ref.t)).toBeLessThan(2e-3 * Math.abs(ref.t));
      expect(option.result('thetaPerDay')).toBeCloseTo(option.result('theta') / 365, 14);
    }
  });

  it('American Greeks agree with QuantLib fd_fine delta and gamma (CRR 2000)', () => {
    for (const c of americanCases.filter((x) => x.id !== 'put_deep_itm_1y')) {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      const option = american(typeOf(i.type), i.K, i.N_days);
      option.setPricingEngine(new BinomialVanillaEngine(m.process, CoxRossRubinstein, 2000));
      // Both are discretisations (CRR O(1/N) with N = 2000, QuantLib FD 2000×4000): measured gaps
      // ≤ 1.1e-4 (delta) and 5.8e-6 (gamma).
      expect(Math.abs(option.result('delta') - c.outputs['fd_fine_delta']!)).toBeLessThan(3e-4);
      expect(Math.abs(option.result('gamma') - c.outputs['fd_fine_gamma']!)).toBeLessThan(2e-5);
    }
  });

  it('American ≥ Bermudan ≥ European (property, small trees)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 70, max: 130, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.06, noNaN: true }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.boolean(),
        (S, r, q, vol, isCall) => {
          const m = flatMarket(S, r, q, vol);
          const type = isCall ? OptionType.Call : OptionType.Put;
          const engine = new BinomialVanillaEngine(m.process, Tian, 60);
          const prices = [
            europeanOption(type, 100, 365),
            new VanillaOption(new PlainVanillaPayoff(type, 100), new BermudanExercise([90, 180, 270, 365].map((d) => today.addDays(d)))),
            american(type, 100, 365),
          ].map((o) => (o.setPricingEngine(engine), o.NPV()));
          // The same tree prices all three; more exercise rights cannot lower the value (round-off 1e-12).
          expect(prices[1]!).toBeGreaterThanOrEqual(prices[0]! - 1e-12);
          expect(prices[2]!).toBeGreaterThanOrEqual(prices[1]! - 1e-12);
          expect(prices[2]!).toBeGreaterThanOrEqual(Math.max(type * (S - 100), 0) - 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an American call without dividends is worth the European (no early exercise)', () => {
    const m = flatMarket(100, 0.05, 0, 0.2);
    const engine = new BinomialVanillaEngine(m.process, CoxRossRubinstein, 500);
    const a = american(OptionType.Call, 95, 300);
    const e = europeanOption(OptionType.Call, 95, 300);
    a.setPricingEngine(engine);
    e.setPricingEngine(engine);
    // Exercise is never optimal, so the two rollbacks coincide up to round-off.
    expect(Math.abs(a.NPV() - e.NPV())).toBeLessThan(1e-12);
  });

  it('bad input is refused naming the argument', () => {
    const m = flatMarket();
    expect(() => new BinomialVanillaEngine(m.process, CoxRossRubinstein, 1)).toThrow(/timeSteps = 1/);
    expect(() => new BinomialVanillaEngine(m.process, CoxRossRubinstein, 10.5)).toThrow(InvalidInputError);
    const digital = new VanillaOption(new CashOrNothingPayoff(OptionType.Call, 100, 1), new AmericanExercise(today, today.addDays(30)));
    digital.setPricingEngine(new BinomialVanillaEngine(m.process, CoxRossRubinstein, 10));
    expect(() => digital.NPV()).toThrow(/payoff/);
    const option = american(OptionType.Put, 100, 365);
    option.setPricingEngine(new BinomialVanillaEngine(m.process, CoxRossRubinstein, 100));
    m.spot.setValue(0);
    expect(() => option.NPV()).toThrow(/spot = 0/);
    m.spot.setValue(100);
    m.vol.setValue(0.001);
    // CRR with σ√Δt smaller than the drift per step has pu > 1: refused, not a NaN.
    expect(() => option.NPV()).toThrow(/pu = .* outside the allowed range \[0, 1\]/);
    // Leisen–Reimer centred 104 standard deviations from the forward with 101 steps: pu rounds to
    // 1; at 301 steps pu < 1 but the d2 + σ√T inversion rounds to 1 and down = 0 (both were NaN).
    expect(() => new BinomialVanillaEngine(m.process, 'LeisenReimer' as never, 10)).toThrow(/treeType = "LeisenReimer"/);
    const deep = flatMarket(50, 0, 0, 0.05);
    for (const [K, n] of [[24.35, 101], [24.34827554262239, 301]] as const) {
      const put = american(OptionType.Put, K, 7);
      put.setPricingEngine(new BinomialVanillaEngine(deep.process, LeisenReimer, n));
      expect(() => put.NPV()).toThrow(/saturates the up probability/);
    }
  });

  it('reprices when a quote changes (observes the process)', () => {
    const m = flatMarket(100, 0.05, 0, 0.2);
    const option = american(OptionType.Put, 100, 365);
    option.setPricingEngine(new BinomialVanillaEngine(m.process, LeisenReimer, 101));
    const before = option.NPV();
    m.vol.setValue(0.3);
    expect(option.NPV()).toBeGreaterThan(before + 1);
  });
});
