import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticContinuousGeometricAveragePriceAsianEngine } from '../../../engines/blackscholes/AnalyticContinuousGeometricAveragePriceAsianEngine.js';
import { AverageType } from '../../../instruments/AverageType.js';
import { ContinuousAveragingAsianOption } from '../../../instruments/ContinuousAveragingAsianOption.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import { flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

beforeEach(setToday);

function asian(process: GeneralizedBlackScholesProcess, type: OptionType, K: number, days: number, averageType = AverageType.Geometric) {
  const o = new ContinuousAveragingAsianOption(averageType, new PlainVanillaPayoff(type, K), new EuropeanExercise(today.addDays(days)));
  o.setPricingEngine(new AnalyticContinuousGeometricAveragePriceAsianEngine(process));
  return o;
}

describe('AnalyticContinuousGeometricAveragePriceAsianEngine', () => {
  for (const c of quantlib['asian']['continuous_geometric'].cases as { id: string; inputs: { S: number; K: number; N_days: number; r: number; q: number; vol: number }; outputs: { call: number; put: number } }[]) {
    it(`QuantLib 1.29 ${c.id}`, () => {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      // Same closed form: 1e-10 relative.
      expect(Math.abs(asian(m.process, OptionType.Call, i.K, i.N_days).NPV() - c.outputs.call)).toBeLessThan(1e-10 * c.outputs.call);
      expect(Math.abs(asian(m.process, OptionType.Put, i.K, i.N_days).NPV() - c.outputs.put)).toBeLessThan(1e-10 * c.outputs.put);
    });
  }

  it('put–call parity on the geometric average: C − P = D (E[G] − K)', () => {
    const m = flatMarket(100, 0.05, 0.01, 0.35);
    const call = asian(m.process, OptionType.Call, 97, 500);
    const put = asian(m.process, OptionType.Put, 97, 500);
    const T = 500 / 365;
    const EG = 100 * Math.exp(0.5 * (0.05 - 0.01) * T - (0.35 * 0.35 * T) / 12);
    // Round-off: 1e-12 relative to S.
    expect(Math.abs(call.NPV() - put.NPV() - Math.exp(-0.05 * T) * (EG - 97))).toBeLessThan(1e-12 * 100);
    expect(call.result('forward')).toBeCloseTo(EG, 11);
  });

  it('Greeks agree with bump-and-reprice', () => {
    const m = flatMarket(100, 0.04, 0.02, 0.3);
    const o = asian(m.process, OptionType.Call, 105, 400);
    const bump = (q: { value(): number; setValue(x: number): number }, h: number) => {
      const x = q.value();
      q.setValue(x + h);
      const up = o.NPV();
      q.setValue(x - h);
      const down = o.NPV();
      q.setValue(x);
      return { d1: (up - down) / (2 * h), d2: (up - 2 * o.NPV() + down) / (h * h) };
    };
    // Central differences, O(h²): relative 1e-6 (gamma 1e-4: h² division).
    const near = (a: number, b: number, rel: number) => expect(Math.abs(a - b)).toBeLessThan(rel * Math.max(1e-3, Math.abs(b)));
    const s = bump(m.spot, 0.01);
    near(o.result('delta'), s.d1, 1e-6);
    near(o.result('gamma'), s.d2, 1e-4);
    near(o.result('vega'), bump(m.vol, 1e-4).d1, 1e-6);
    near(o.result('rho'), bump(m.rate, 1e-5).d1, 1e-6);
    near(o.result('dividendRho'), bump(m.dividend, 1e-5).d1, 1e-6);
  });

  it('refuses arithmetic averaging naming it', () => {
    const m = flatMarket();
    expect(() => asian(m.process, OptionType.Call, 100, 100, AverageType.Arithmetic).NPV()).toThrow(/averageType = "?Arithmetic"?/);
  });
});
