import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticHestonEngine } from '../../../engines/heston/AnalyticHestonEngine.js';
import { lewisHestonCall } from '../../../engines/heston/_lib/lewisHestonCall.js';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import { europeanOption, OptionType, setToday, today } from '../../_lib/market.js';
import { published, quantlib } from '../../_lib/reference.js';
import { hestonCases, hestonGrid, hestonMarket, hestonOption, lewisParams } from './_lib/hestonMarket.js';

const cases = hestonCases;
const grid = hestonGrid;

beforeEach(setToday);

const lewis = (S: number, K: number, days: number, r: number, q: number, p: HestonParameters, type: OptionType) =>
  hestonOption((model) => new AnalyticHestonEngine(model), S, K, days, r, q, p, type);

describe('AnalyticHestonEngine (Lewis 2001 single integral)', () => {
  it('reduces to Black–Scholes when σ → 0 with v0 = θ (checks the formula itself)', () => {
    // σ = 1e-7: the Heston price differs from Black's by O(σ) ≈ 1e-7·vega-sized terms.
    for (const [K, days, type] of [[80, 365, OptionType.Call], [100, 30, OptionType.Put], [130, 730, OptionType.Call], [100, 1, OptionType.Call]] as const) {
      const p = { v0: 0.09, kappa: 1, theta: 0.09, sigma: 1e-7, rho: -0.5 };
      const { option } = lewis(100, K, days, 0.03, 0.01, p, type);
      const t = days / 365;
      const forward = 100 * Math.exp((0.03 - 0.01) * t);
      const bs = blackFormula(type, K, forward, 0.3 * Math.sqrt(t), Math.exp(-0.03 * t));
      expect(Math.abs(option.NPV() - bs), `K=${K} days=${days}`).toBeLessThan(1e-6);
    }
  });

  it('Lewis (2001, 2019) reference prices to 1e-8 (published to 9 decimals)', () => {
    const ref = published['heston_lewis'];
    const { S, T, r, q } = ref.params;
    for (const [side, type] of [['puts', OptionType.Put], ['calls', OptionType.Call]] as const) {
      for (const [K, expected] of Object.entries(ref[side] as Record<string, number>)) {
        const { option } = lewis(S, Number(K), 365 * T, r, q, lewisParams, type);
        const got = option.NPV();
        expect(Math.abs(got - expected), `${side} K=${K}: ${got} vs ${expected}`).toBeLessThan(1e-8);
      }
    }
  });

  describe('QuantLib 1.29 `heston` cases (AnalyticHestonEngine, adaptive Gauss–Lobatto, rel 1e-13)', () => {
    // Suggested tolerance abs 1e-6; both sides are accurate integrals, so 1e-8 holds (measured ≤ 5e-13).
    for (const c of cases) {
      for (const side of ['call', 'put'] as const) {
        it(`${c.id} ${side}`, () => {
          const x = c.inputs;
          const { option } = lewis(x.S, x.K, x.N_days, x.r, x.q, x, side === 'call' ? OptionType.Call : OptionType.Put);
          const got = option.NPV();
          expect(Math.abs(got - c.outputs[side]), `${JSON.stringify(x)}: ${got} vs ${c.outputs[side]}`).toBeLessThan(1e-8);
        });
      }
    }
    it('the standard-parameter grid (T = 0.1 … 2 exactly, K = 70 … 130), through the engine core at exact T', () => {
      // QuantLib built T = 0.1, 0.5 exactly (Actual360); whole-day Act/365 dates cannot, so the
      // engine's core is called with the year fraction itself (the engine adds only curve reads).
      const x = grid.inputs;
      for (const pt of grid.points as Array<{ T: number; K: number; call: number; put: number }>) {
        const dr = Math.exp(-x.r * pt.T);
        const dq = Math.exp(-x.q * pt.T);
        const c = lewisHestonCall(x.S, pt.K, pt.T, dr, dq, x, { absoluteTolerance: 1e-10, maxIntervals: 2000 });
        const put = c.value - x.S * dq + pt.K * dr;
        expect(Math.abs(c.value - pt.call), `T=${pt.T} K=${pt.K} call`).toBeLessThan(1e-8);
        expect(Math.abs(put - pt.put), `T=${pt.T} K=${pt.K} put`).toBeLessThan(1e-8);
      }
    });
  });

  it('put–call parity C − P = S·D_q − K·D_r on random parameter sets (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          v0: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
          kappa: fc.double({ min: 0.2, max: 5, noNaN: true }),
          theta: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
          sigma: fc.double({ min: 0.1, max: 1, noNaN: true }),
          rho: fc.double({ min: -0.9, max: 0.5, noNaN: true }),
        }),
        fc.double({ min: 70, max: 140, noNaN: true }),
        fc.integer({ min: 7, max: 1000 }),
        (p, K, days) => {
          const call = lewis(100, K, days, 0.03, 0.01, p, OptionType.Call).option.NPV();
          const put = lewis(100, K, days, 0.03, 0.01, p, OptionType.Put).option.NPV();
          const t = days / 365;
          // Puts are computed from the call integral: parity holds to rounding (1e-12).
          expect(Math.abs(call - put - (100 * Math.exp(-0.01 * t) - K * Math.exp(-0.03 * t)))).toBeLessThan(1e-12);
          expect(call).toBeGreaterThan(-1e-10);
          expect(put).toBeGreaterThan(-1e-10);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('Greeks (delta, gamma, ∂V/∂v0, vega = 2√v0·∂V/∂v0) agree with bump-and-reprice through the live quote and the model', () => {
    for (const [p, K, days] of [[lewisParams, 100, 365], [quantlib['heston'].param_sets.feller_violated_strong as HestonParameters, 90, 180], [quantlib['heston'].param_sets.std as HestonParameters, 110, 30]] as const) {
      for (const type of [OptionType.Call, OptionType.Put]) {
        const { m, option } = lewis(100, K, days, 0.01, 0.02, p, type);
        const delta = option.result('delta');
        const gamma = option.result('gamma');
        const vegaV0 = option.result('vegaV0');
        const vega = option.result('vega');
        const h = 0.01;
        m.spot.setValue(100 + h);
        const up = option.NPV();
        m.spot.setValue(100 - h);
        const down = option.NPV();
        m.spot.setValue(100);
        const mid = option.NPV();
        const hv = 1e-5;
        m.model.setParameters({ v0: p.v0 + hv });
        const vUp = option.NPV();
        m.model.setParameters({ v0: p.v0 - hv });
        const vDown = option.NPV();
        m.model.setParameters({ v0: p.v0 });
        // Central differences: truncation O(h²·V''') ≈ 1e-8, rounding of 1e-10-accurate prices / h ≈ 1e-8.
        const tag = `${JSON.stringify(p)} K=${K} days=${days} ${type}`;
        expect(Math.abs(delta - (up - down) / (2 * h)), `delta ${tag}`).toBeLessThan(1e-6);
        expect(Math.abs(gamma - (up - 2 * mid + down) / (h * h)), `gamma ${tag}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(gamma)));
        expect(Math.abs(vegaV0 - (vUp - vDown) / (2 * hv)), `vegaV0 ${tag}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(vegaV0)));
        expect(vega).toBeCloseTo(2 * Math.sqrt(p.v0) * vegaV0, 12);
      }
    }
  });

  it('reprices on a spot tick and on a parameter change; additional results', () => {
    const { m, option } = lewis(100, 100, 365, 0.01, 0.02, lewisParams, OptionType.Call);
    const base = option.NPV();
    m.spot.setValue(101);
    expect(option.NPV()).toBeGreaterThan(base);
    m.model.setParameters({ v0: 0.09 });
    const higher = option.NPV();
    expect(higher).toBeGreaterThan(base);
    expect(option.result('fellerRatio')).toBeCloseTo(2, 14);
    expect(option.result('forward')).toBeCloseTo(101 * Math.exp(-0.01), 12);
    expect(option.result('timeToExpiry')).toBe(1);
    expect(option.errorEstimate()).toBeLessThan(1e-10);
  });

  it('an option expiring today is worth its intrinsic value', () => {
    const { option } = lewis(100, 90, 0, 0.01, 0.02, lewisParams, OptionType.Call);
    expect(option.NPV()).toBe(10);
    expect(option.result('delta')).toBe(1);
  });

  it('bad input → InvalidInputError', () => {
    const m = hestonMarket(100, 0.01, 0.02, lewisParams);
    const engine = new AnalyticHestonEngine(m.model);
    const american = europeanOption(OptionType.Call, 100, 365).with((d) => {
      d.exercise = new AmericanExercise(today, today.addDays(365));
    });
    american.setPricingEngine(engine);
    expect(() => american.NPV()).toThrow(InvalidInputError);
    expect(() => american.NPV()).toThrow('exercise.type');
    const digital = new VanillaOption(new CashOrNothingPayoff(OptionType.Call, 100, 1), europeanOption(OptionType.Call, 100, 365).terms.exercise);
    digital.setPricingEngine(engine);
    expect(() => digital.NPV()).toThrow('is outside the allowed range {Vanilla}');
    expect(() => new AnalyticHestonEngine(m.model, { absoluteTolerance: 0 })).toThrow('absoluteTolerance = 0 is outside the allowed range (0, ∞)');
    expect(() => new AnalyticHestonEngine(m.model, { maxIntervals: 0 })).toThrow(InvalidInputError);
  });
});
