// @test mcLmmBermudanSwaption
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { mcLmmBermudanSwaption } from '../../../engines/lmm/mcLmmBermudanSwaption.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { semiannualModel } from './_lib/lmmSetup.js';

describe('mcLmmBermudanSwaption', () => {
  const model = semiannualModel();
  /** Co-terminal European (exercise e into the swap to T_10) by Black with Rebonato's vol. */
  const european = (e: number, K: number, type: 'payer' | 'receiver'): number => {
    const { rate, annuity } = model.swapRate(e, 10, 2);
    const sd = model.swaptionVolatility(e, 10, 2) * Math.sqrt(model.rateTimes[e]!);
    return blackFormula(type === 'payer' ? OptionType.Call : OptionType.Put, K, rate, sd, annuity);
  };

  it('with one exercise is the European swaption (same paths; Black–Rebonato within 3 se + 0.5 %)', () => {
    const K = model.swapRate(2, 10, 2).rate;
    const r = mcLmmBermudanSwaption(model, { type: 'payer', strike: K, exerciseIndices: [2], end: 10, fixedEvery: 2 }, { paths: 4000, seed: 3 });
    expect(r.value).toBe(r.europeanValue);
    const bs = european(2, K, 'payer');
    expect(Math.abs(r.value - bs), `MC ${r.value} ± ${r.errorEstimate} vs ${bs}`).toBeLessThan(3 * r.errorEstimate + 0.005 * bs);
  });

  it('lies between the largest co-terminal European and their sum (payer and receiver)', () => {
    for (const type of ['payer', 'receiver'] as const) {
      const K = model.swapRate(0, 10, 2).rate + (type === 'payer' ? 0.002 : -0.002);
      const exercises = [0, 2, 4, 6, 8];
      const r = mcLmmBermudanSwaption(model, { type, strike: K, exerciseIndices: exercises, end: 10, fixedEvery: 2 }, { paths: 6000, seed: 8, calibrationPaths: 6000 });
      const euros = exercises.map((e) => european(e, K, type));
      const maxEuro = Math.max(...euros);
      const sum = euros.reduce((s, v) => s + v, 0);
      expect(r.value, `${type}: Bermudan ${r.value} ± ${r.errorEstimate}, Europeans ${euros.join(', ')}`).toBeGreaterThan(maxEuro - 3 * r.errorEstimate);
      expect(r.value).toBeLessThan(sum);
      expect(r.value).toBeGreaterThan(r.europeanValue); // later exercise rights are worth something here
    }
  });

  it('refuses exercise dates out of order or past the end', () => {
    expect(() => mcLmmBermudanSwaption(model, { type: 'payer', strike: 0.03, exerciseIndices: [4, 2], end: 10, fixedEvery: 2 }, { paths: 100 })).toThrow(/exerciseIndices\[1\] = 2/);
    expect(() => mcLmmBermudanSwaption(model, { type: 'payer', strike: 0.03, exerciseIndices: [3], end: 10, fixedEvery: 2 }, { paths: 100 })).toThrow(/fixedEvery = 2/);
  });
});
