import { beforeEach, describe, expect, it } from 'vitest';
import { McBarrierEngine } from '../../../engines/blackscholes/McBarrierEngine.js';
import { BarrierOption } from '../../../instruments/BarrierOption.js';
import { BarrierType } from '../../../instruments/BarrierType.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { McEngineOptions } from '../../../engines/montecarlo/McEngineOptions.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

beforeEach(setToday);

interface BarrierCase {
  id: string;
  inputs: { S: number; K: number; barrier: number; barrierType: keyof typeof BarrierType; type: 'call' | 'put'; rebate: number; N_days: number; r: number; q: number; vol: number };
  outputs: { npv: number; vanilla_npv: number };
}
const cases: BarrierCase[] = quantlib.barrier.cases;

function barrierOption(i: BarrierCase['inputs'], type: BarrierType = BarrierType[i.barrierType], rebate = i.rebate): BarrierOption {
  const w = i.type === 'call' ? OptionType.Call : OptionType.Put;
  return new BarrierOption(type, i.barrier, rebate, new PlainVanillaPayoff(w, i.K), new EuropeanExercise(today.addDays(i.N_days)));
}

function mc(i: BarrierCase['inputs'], opts: McEngineOptions, type?: BarrierType, rebate?: number) {
  const m = flatMarket(i.S, i.r, i.q, i.vol);
  const o = barrierOption(i, type, rebate);
  o.setPricingEngine(new McBarrierEngine(m.process, opts));
  return { x: o.NPV(), se: o.errorEstimate() };
}

describe('McBarrierEngine', () => {
  it('matches QuantLib 1.29 AnalyticBarrierEngine on all 36 cases within 3.5 standard errors', () => {
    // With flat r, q, σ the per-step crossing correction is the exact conditional crossing
    // probability of the log-price bridge, so the stated discretisation bias is 0: 3.5 se
    // (36 cases, P(any |z| > 3.5) ≈ 1.7 %; seeds fixed).
    for (const c of cases) {
      const r = mc(c.inputs, { samples: 8192, seed: 2024, timeSteps: 16, antithetic: true });
      const tol = 3.5 * r.se + 1e-9;
      expect(Math.abs(r.x - c.outputs.npv), `${c.id}: mc=${r.x} ql=${c.outputs.npv} se=${r.se}`).toBeLessThanOrEqual(tol);
    }
  });

  it('knock-in + knock-out = the same-seed vanilla Monte Carlo (rebate 0), which matches the analytic vanilla', () => {
    for (const c of cases.filter((k) => k.inputs.rebate === 0).slice(0, 8)) {
      const opts = { samples: 4096, seed: 9, timeSteps: 8 };
      const out = c.inputs.barrierType === 'DownIn' ? BarrierType.DownOut : BarrierType.UpOut;
      const kin = mc(c.inputs, opts);
      const kout = mc(c.inputs, opts, out);
      const m = flatMarket(c.inputs.S, c.inputs.r, c.inputs.q, c.inputs.vol);
      const v = europeanOption(c.inputs.type === 'call' ? OptionType.Call : OptionType.Put, c.inputs.K, c.inputs.N_days);
      v.setPricingEngine(m.engine);
      // Path by path in + out = vanilla payoff; only summation order differs (1e-12 relative).
      const seV = Math.hypot(kin.se, kout.se);
      expect(Math.abs(kin.x + kout.x - v.NPV()), c.id).toBeLessThan(4 * seV + 1e-9);
    }
  });

  it('the correction makes the price independent of the number of steps (4 vs 64 steps, same seed: within 4 se)', () => {
    const c = cases.find((k) => k.id === 'near_barrier_1y_DownIn_call_K100')!;
    const a = mc(c.inputs, { samples: 8192, seed: 1, timeSteps: 4 });
    const b = mc(c.inputs, { samples: 8192, seed: 1, timeSteps: 64 });
    expect(Math.abs(a.x - c.outputs.npv)).toBeLessThan(4 * a.se);
    expect(Math.abs(b.x - c.outputs.npv)).toBeLessThan(4 * b.se);
  });

  it('Sobol with Brownian bridge and MT19937 also match (within 4 se)', () => {
    for (const c of [cases[0]!, cases[13]!, cases[25]!]) {
      for (const rng of ['sobol', 'mt19937'] as const) {
        const r = mc(c.inputs, { samples: 8192, seed: 3, timeSteps: 16, rng });
        expect(Math.abs(r.x - c.outputs.npv), `${rng} ${c.id}: mc=${r.x} ql=${c.outputs.npv} se=${r.se}`).toBeLessThan(4 * r.se + 1e-9);
      }
    }
  });

  it('refuses a spot already past the barrier', () => {
    const i = cases[0]!.inputs;
    expect(() => mc({ ...i, S: 94 }, { samples: 100 })).toThrow(/spot = 94/);
  });
});
