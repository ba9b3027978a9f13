import { beforeEach, describe, expect, it } from 'vitest';
import { FdBlackScholesBarrierEngine } from '../../../engines/blackscholes/FdBlackScholesBarrierEngine.js';
import { FdLocalVolBarrierEngine } from '../../../engines/localvol/FdLocalVolBarrierEngine.js';
import { FdLocalVolVanillaEngine } from '../../../engines/localvol/FdLocalVolVanillaEngine.js';
import { BarrierOption } from '../../../instruments/BarrierOption.js';
import { BarrierType } from '../../../instruments/BarrierType.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';
import { referenceProcess, smileSurface } from '../../termstructures/volatility/localvol/_lib/referenceSurface.js';

interface BarrierCase {
  id: string;
  inputs: { S: number; K: number; barrier: number; barrierType: BarrierType; type: 'call' | 'put'; rebate: number; N_days: number; r: number; q: number; vol: number };
  outputs: { npv: number };
}
const cases: BarrierCase[] = quantlib['barrier'].cases;

beforeEach(setToday);

function barrierOption(type: BarrierType, barrier: number, rebate: number, optionType: OptionType, K: number, days: number): BarrierOption {
  return new BarrierOption(type, barrier, rebate, new PlainVanillaPayoff(optionType, K), new EuropeanExercise(today.addDays(days)));
}

describe('FdLocalVolBarrierEngine', () => {
  describe('flat surface: QuantLib 1.29 AnalyticBarrierEngine (quantlib.barrier) and FdBlackScholesBarrierEngine', () => {
    for (const c of cases) {
      it(c.id, () => {
        const i = c.inputs;
        const m = flatMarket(i.S, i.r, i.q, i.vol);
        const option = barrierOption(i.barrierType, i.barrier, i.rebate, i.type === 'call' ? OptionType.Call : OptionType.Put, i.K, i.N_days);
        const grid = { tGrid: 100, xGrid: 100 };
        option.setPricingEngine(new FdBlackScholesBarrierEngine(m.process, grid));
        const bsFd = option.NPV();
        option.setPricingEngine(new FdLocalVolBarrierEngine(m.process, grid));
        // Same grid and operator (σ² per node = the step's variance rate): equal to rounding.
        expect(Math.abs(option.NPV() - bsFd)).toBeLessThan(1e-10);
        if (process.env['LV_DEBUG']) console.log('barrier', c.id, option.NPV() - c.outputs.npv);
        // Measured worst |FD − analytic| on 100 × 100 over the 36 cases: 7.1e-3
        // (far_barrier_2y_UpIn_call_K80; FdBlackScholesBarrierEngine is 1.8e-3 at 200 × 200); tolerance 1.5e-2.
        expect(Math.abs(option.NPV() - c.outputs.npv), `fd ${option.NPV()} vs analytic ${c.outputs.npv}`).toBeLessThan(1.5e-2);
      });
    }
  });

  describe('bicubic reference smile', () => {
    it('a knock-out whose barrier is never reached in practice = the vanilla (down-out put, up-out call)', () => {
      const process = referenceProcess(smileSurface('bicubic'));
      const grid = { tGrid: 200, xGrid: 300 };
      for (const [type, barrierType, barrier] of [
        [OptionType.Put, BarrierType.DownOut, 15],
        [OptionType.Call, BarrierType.UpOut, 400],
      ] as const) {
        const vanilla = europeanOption(type, 100, 365);
        vanilla.setPricingEngine(new FdLocalVolVanillaEngine(process, grid));
        const option = barrierOption(barrierType, barrier, 0, type, 100, 365);
        option.setPricingEngine(new FdLocalVolBarrierEngine(process, grid));
        // A different grid (ends at the barrier, ≥ 5 deviations of the wing local vol away); tolerance 2e-3.
        expect(Math.abs(option.NPV() - vanilla.NPV()), `${barrierType}: ${option.NPV()} vs vanilla ${vanilla.NPV()}`).toBeLessThan(2e-3);
      }
    });

    it('knock-out value rises as the barrier moves away, and stays below the vanilla', () => {
      const process = referenceProcess(smileSurface('bicubic'));
      const grid = { tGrid: 100, xGrid: 200 };
      const vanilla = europeanOption(OptionType.Call, 100, 365);
      vanilla.setPricingEngine(new FdLocalVolVanillaEngine(process, grid));
      const values = [120, 140, 170].map((b) => {
        const option = barrierOption(BarrierType.UpOut, b, 0, OptionType.Call, 100, 365);
        option.setPricingEngine(new FdLocalVolBarrierEngine(process, grid));
        return option.NPV();
      });
      expect(values[0]!).toBeLessThan(values[1]!);
      expect(values[1]!).toBeLessThan(values[2]!);
      expect(values[2]!).toBeLessThan(vanilla.NPV());
    });

    it('a spot already through the barrier: knock-in = vanilla, knock-out = rebate', () => {
      const process = referenceProcess(smileSurface('bicubic'));
      const grid = { tGrid: 50, xGrid: 100 };
      const vanilla = europeanOption(OptionType.Put, 100, 365);
      vanilla.setPricingEngine(new FdLocalVolVanillaEngine(process, grid));
      const knockIn = barrierOption(BarrierType.DownIn, 105, 0, OptionType.Put, 100, 365);
      knockIn.setPricingEngine(new FdLocalVolBarrierEngine(process, grid));
      expect(knockIn.NPV()).toBe(vanilla.NPV());
      const knockOut = barrierOption(BarrierType.DownOut, 105, 2.5, OptionType.Put, 100, 365);
      knockOut.setPricingEngine(new FdLocalVolBarrierEngine(process, grid));
      expect(knockOut.NPV()).toBe(2.5);
    });
  });

  it('refuses American exercise', () => {
    const m = flatMarket();
    const option = new BarrierOption(BarrierType.DownOut, 80, 0, new PlainVanillaPayoff(OptionType.Put, 100), new AmericanExercise(today, today.addDays(365)));
    option.setPricingEngine(new FdLocalVolBarrierEngine(m.process));
    expect(() => option.NPV()).toThrow(InvalidInputError);
  });
});
