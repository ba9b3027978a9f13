import { beforeEach, describe, expect, it } from 'vitest';
import { FdBlackScholesBarrierEngine } from '../../../engines/blackscholes/FdBlackScholesBarrierEngine.js';
import { BarrierOption } from '../../../instruments/BarrierOption.js';
import { BarrierType } from '../../../instruments/BarrierType.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

interface BarrierCase {
  id: string;
  inputs: { S: number; K: number; barrier: number; barrierType: BarrierType; type: 'call' | 'put'; rebate: number; N_days: number; r: number; q: number; vol: number };
  outputs: { npv: number; fd_check_npv: number; vanilla_npv: number };
}
const cases: BarrierCase[] = quantlib['barrier'].cases;

beforeEach(setToday);

function barrierOption(c: BarrierCase['inputs'], barrierType: BarrierType): BarrierOption {
  const type = c.type === 'call' ? OptionType.Call : OptionType.Put;
  return new BarrierOption(barrierType, c.barrier, c.rebate, new PlainVanillaPayoff(type, c.K), new EuropeanExercise(today.addDays(c.N_days)));
}
const outOf = (t: BarrierType) => (t === BarrierType.DownIn ? BarrierType.DownOut : BarrierType.UpOut);

describe('FdBlackScholesBarrierEngine', () => {
  describe('QuantLib 1.29 AnalyticBarrierEngine (quantlib.barrier), 400×400 grid', () => {
    for (const c of cases) {
      it(c.id, () => {
        const m = flatMarket(c.inputs.S, c.inputs.r, c.inputs.q, c.inputs.vol);
        const engine = new FdBlackScholesBarrierEngine(m.process, { tGrid: 400, xGrid: 400 });
        const knockIn = barrierOption(c.inputs, c.inputs.barrierType);
        knockIn.setPricingEngine(engine);
        // Measured worst |FD − analytic| over all 36 cases: 1.8e-3 at 200×200, 1.1e-4 at 800×800
        // (QuantLib's own 800×800 FD: 9.9e-3). At 400×400: tolerance 1e-3.
        expect(Math.abs(knockIn.NPV() - c.outputs.npv), `fd ${knockIn.NPV()} vs ${c.outputs.npv}`).toBeLessThan(1e-3);
        if (c.inputs.rebate === 0) {
          // Knock-out priced directly (Dirichlet 0 at the barrier) vs analytic vanilla − in.
          const knockOut = barrierOption(c.inputs, outOf(c.inputs.barrierType));
          knockOut.setPricingEngine(engine);
          expect(Math.abs(knockOut.NPV() - (c.outputs.vanilla_npv - c.outputs.npv))).toBeLessThan(1e-3);
        }
      });
    }
  });

  it('knock-out Greeks agree with bump-and-reprice of the same engine', () => {
    const c = cases.find((x) => x.id === 'haug_T05_DownIn_call_K100')!;
    const m = flatMarket(c.inputs.S, c.inputs.r, c.inputs.q, c.inputs.vol);
    const option = barrierOption(c.inputs, BarrierType.DownOut);
    option.setPricingEngine(new FdBlackScholesBarrierEngine(m.process, { tGrid: 200, xGrid: 400 }));
    const h = 0.5;
    const v0 = option.NPV();
    const [delta, gamma] = [option.result('delta'), option.result('gamma')];
    m.spot.setValue(c.inputs.S + h);
    const up = option.NPV();
    m.spot.setValue(c.inputs.S - h);
    const down = option.NPV();
    // Central differences with h = 0.5: O(h²·V''') ≈ 1e-4 on delta, 1e-4 on gamma (the grid moves with S).
    expect(Math.abs((up - down) / (2 * h) - delta)).toBeLessThan(5e-4);
    expect(Math.abs((up - 2 * v0 + down) / (h * h) - gamma)).toBeLessThan(5e-4);
  });

  it('a spot beyond the barrier: knock-out pays the rebate now, knock-in is the vanilla', () => {
    const m = flatMarket(90, 0.05, 0.02, 0.2);
    const inputs = { S: 90, K: 100, barrier: 95, barrierType: BarrierType.DownIn, type: 'call' as const, rebate: 2, N_days: 365, r: 0.05, q: 0.02, vol: 0.2 };
    const engine = new FdBlackScholesBarrierEngine(m.process, { tGrid: 200, xGrid: 200 });
    const out = barrierOption(inputs, BarrierType.DownOut);
    out.setPricingEngine(engine);
    expect(out.NPV()).toBe(2);
    const knockIn = barrierOption(inputs, BarrierType.DownIn);
    knockIn.setPricingEngine(engine);
    const vanilla = europeanOption(OptionType.Call, 100, 365);
    vanilla.setPricingEngine(m.engine);
    // Equals the FD vanilla on a 200×200 grid: O(h²) ≈ 1e-3 from the analytic price.
    expect(Math.abs(knockIn.NPV() - vanilla.NPV())).toBeLessThan(3e-3);
  });

  it('refuses American exercise and non-vanilla input, naming the argument', () => {
    const m = flatMarket();
    const option = new BarrierOption(BarrierType.DownOut, 90, 0, new PlainVanillaPayoff(OptionType.Call, 100), new AmericanExercise(today, today.addDays(30)));
    option.setPricingEngine(new FdBlackScholesBarrierEngine(m.process));
    expect(() => option.NPV()).toThrow(/exercise.type = "American"/);
    expect(() => new FdBlackScholesBarrierEngine(m.process, { xGrid: 2 })).toThrow(/xGrid = 2/);
  });
});
