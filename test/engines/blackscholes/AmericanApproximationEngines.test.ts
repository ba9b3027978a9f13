import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BaroneAdesiWhaleyApproximationEngine } from '../../../engines/blackscholes/BaroneAdesiWhaleyApproximationEngine.js';
import { BjerksundStenslandApproximationEngine } from '../../../engines/blackscholes/BjerksundStenslandApproximationEngine.js';
import { bivariateNormalCdf } from '../../../engines/blackscholes/_lib/bivariateNormalCdf.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

interface Case {
  id: string;
  inputs: { S: number; K: number; N_days: number; r: number; q: number; vol: number; type: 'call' | 'put' };
  outputs: { european_npv: number; qdfp_high_precision: number; barone_adesi_whaley: number; bjerksund_stensland: number };
}
const cases: Case[] = quantlib['american'].cases;

beforeEach(setToday);

function american(type: OptionType, K: number, days: number) {
  return new VanillaOption(new PlainVanillaPayoff(type, K), new AmericanExercise(today, today.addDays(days)));
}

function priced(c: Case['inputs'], engine: 'baw' | 'bs2002' | 'bs1993') {
  const m = flatMarket(c.S, c.r, c.q, c.vol);
  const o = american(c.type === 'call' ? OptionType.Call : OptionType.Put, c.K, c.N_days);
  o.setPricingEngine(
    engine === 'baw' ? new BaroneAdesiWhaleyApproximationEngine(m.process) : new BjerksundStenslandApproximationEngine(m.process, { version: engine === 'bs2002' ? 2002 : 1993 }),
  );
  return o;
}

describe('BaroneAdesiWhaleyApproximationEngine', () => {
  for (const c of cases) {
    it(`QuantLib 1.29 ${c.id}`, () => {
      const v = priced(c.inputs, 'baw').NPV();
      // Same formula; QuantLib stops its critical-price Newton at |LHS − RHS| ≤ 1e-6·K, we iterate to 1e-13·K:
      // the value moves by < 1e-6 (measured ≤ 3.1e-7).
      expect(Math.abs(v - c.outputs.barone_adesi_whaley), `${v} vs ${c.outputs.barone_adesi_whaley}`).toBeLessThan(1e-6);
    });
  }

  it('a call without dividends is the European call; deep ITM puts are worth K − S', () => {
    const c = cases.find((x) => x.id === 'call_nodiv_equals_euro')!;
    expect(Math.abs(priced(c.inputs, 'baw').NPV() - c.outputs.european_npv)).toBeLessThan(1e-12 * c.inputs.S);
    const deep = priced({ S: 50, K: 100, N_days: 365, r: 0.05, q: 0, vol: 0.2, type: 'put' }, 'baw');
    expect(deep.NPV()).toBe(50);
    expect(deep.result('criticalPrice')).toBeGreaterThan(50);
  });
});

describe('BjerksundStenslandApproximationEngine', () => {
  for (const c of cases) {
    it(`1993 version = QuantLib 1.29 ${c.id}`, () => {
      const v = priced(c.inputs, 'bs1993').NPV();
      // Same closed form (QuantLib 1.29 implements the 1993 boundary): 1e-10 relative.
      expect(Math.abs(v - c.outputs.bjerksund_stensland), `${v} vs ${c.outputs.bjerksund_stensland}`).toBeLessThan(1e-10 * c.outputs.bjerksund_stensland);
    });
    it(`2002 version lies between the 1993 value and the true value, closer to the latter: ${c.id}`, () => {
      const v2002 = priced(c.inputs, 'bs2002').NPV();
      const v1993 = c.outputs.bjerksund_stensland;
      const truth = c.outputs.qdfp_high_precision;
      // Both versions are exercise-at-a-boundary strategies, hence lower bounds; 2002 is the finer one.
      // 1e-9 slack for the equal cases (no early exercise / immediate exercise).
      expect(v2002).toBeGreaterThanOrEqual(v1993 - 1e-9);
      expect(v2002).toBeLessThanOrEqual(truth + 1e-9);
      expect(Math.abs(truth - v2002)).toBeLessThanOrEqual(Math.abs(truth - v1993) + 1e-9);
    });
  }

  it('bivariate normal CDF against 1-D quadrature ∫ n(x) N((b − ρx)/√(1 − ρ²)) dx', () => {
    const ref = (a: number, b: number, r: number) => {
      const n = 40000;
      const lo = -9;
      const h = (a - lo) / n;
      let s = 0;
      for (let i = 0; i <= n; i++) {
        const x = lo + i * h;
        s += (i === 0 || i === n ? 0.5 : 1) * normalPdf(x) * normalCdf((b - r * x) / Math.sqrt(1 - r * r));
      }
      return s * h;
    };
    for (const [a, b, r] of [[0.3, -0.2, 0.1], [1, 2, 0.5], [-1, 0.5, -0.6], [0.2, 0.4, 0.95], [0.2, -0.4, -0.95], [-2, -1, 0.8]] as const) {
      // Trapezoid with h ≈ 2.5e-4 on a smooth integrand: error ~1e-9.
      expect(Math.abs(bivariateNormalCdf(a, b, r) - ref(a, b, r))).toBeLessThan(1e-8);
    }
    expect(bivariateNormalCdf(0.4, -0.7, 0)).toBeCloseTo(normalCdf(0.4) * normalCdf(-0.7), 15);
  });
});

describe('American approximations (both engines)', () => {
  it('American ≥ European and ≥ intrinsic (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(OptionType.Call, OptionType.Put),
        fc.double({ min: 0.6, max: 1.6, noNaN: true }),
        fc.integer({ min: 10, max: 1500 }),
        fc.double({ min: 0.001, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        (type, moneyness, days, r, q, vol) => {
          const m = flatMarket(100, r, q, vol);
          const K = 100 * moneyness;
          const euro = europeanOption(type, K, days);
          euro.setPricingEngine(m.engine);
          const e = euro.NPV();
          for (const engine of [new BaroneAdesiWhaleyApproximationEngine(m.process), new BjerksundStenslandApproximationEngine(m.process)]) {
            const o = american(type, K, days);
            o.setPricingEngine(engine);
            const v = o.NPV();
            // Round-off allowance 1e-10 on O(100) values.
            expect(v).toBeGreaterThanOrEqual(e - 1e-10);
            expect(v).toBeGreaterThanOrEqual(Math.max(type * (100 - K), 0)); // floored exactly
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a deep in-the-money put just past the critical price is worth its intrinsic value (fast-check counterexample)', () => {
    const m = flatMarket(100, 0.06139613706818503, 0, 0.05);
    const K = 100.8787396846593;
    for (const engine of [new BaroneAdesiWhaleyApproximationEngine(m.process), new BjerksundStenslandApproximationEngine(m.process)]) {
      const o = american(OptionType.Put, K, 10);
      o.setPricingEngine(engine);
      expect(o.NPV()).toBeGreaterThanOrEqual(K - 100);
    }
  });

  it('refuses European exercise and digital payoffs naming them', () => {
    const m = flatMarket();
    for (const engine of [new BaroneAdesiWhaleyApproximationEngine(m.process), new BjerksundStenslandApproximationEngine(m.process)]) {
      const euro = europeanOption(OptionType.Put, 100, 100);
      euro.setPricingEngine(engine);
      expect(() => euro.NPV()).toThrow(/exercise.type = "?European"? is outside the allowed range \{American\}/);
      const digital = new VanillaOption(new CashOrNothingPayoff(OptionType.Put, 100, 1), new AmericanExercise(today, today.addDays(100)));
      digital.setPricingEngine(engine);
      expect(() => digital.NPV()).toThrow(/payoff = "?CashOrNothing"?/);
    }
    expect(() => new BjerksundStenslandApproximationEngine(m.process, { version: 2000 as 2002 })).toThrow(/options.version = 2000/);
  });
});
