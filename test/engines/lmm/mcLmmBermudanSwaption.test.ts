// @test mcLmmBermudanSwaption
import { beforeAll, describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { mcLmmBermudanSwaption, type LmmBermudanResult } from '../../../engines/lmm/mcLmmBermudanSwaption.js';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
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

  describe('Andersen–Broadie upper bound', () => {
    const exercises = [0, 2, 4, 6, 8];
    const K = model.swapRate(0, 10, 2).rate + 0.002;
    const terms = { type: 'payer' as const, strike: K, exerciseIndices: exercises, end: 10, fixedEvery: 2 };
    const run = (calibrationPaths: number, innerPaths: number) =>
      mcLmmBermudanSwaption(model, terms, { paths: 4000, seed: 8, calibrationPaths, upperBound: { outerPaths: 200, innerPaths } });
    let good: LmmBermudanResult;
    let fewInner: LmmBermudanResult;
    let poorPolicy: LmmBermudanResult;
    beforeAll(() => {
      good = run(4000, 200);
      fewInner = run(4000, 40);
      poorPolicy = run(50, 200);
      for (const [name, r] of [['good', good], ['40 inner', fewInner], ['50 regression paths', poorPolicy]] as const) {
        const ub = r.upperBound!;
        console.log(`AB ${name}: lower ${r.value.toFixed(6)} ± ${r.errorEstimate.toFixed(6)}, upper ${ub.value.toFixed(6)} ± ${ub.errorEstimate.toFixed(6)}, gap ${ub.gap.toExponential(3)} ± ${ub.gapError.toExponential(2)}, 95 % [${ub.interval[0].toFixed(6)}, ${ub.interval[1].toFixed(6)}]`);
      }
    });

    it('one exercise date: no gap, the upper bound is the European (Black–Rebonato within 3 se + 0.5 %)', () => {
      const strike = model.swapRate(2, 10, 2).rate;
      const r = mcLmmBermudanSwaption(model, { type: 'receiver', strike, exerciseIndices: [2], end: 10, fixedEvery: 2 }, { paths: 4000, seed: 3, upperBound: { outerPaths: 50, innerPaths: 10 } });
      const ub = r.upperBound!;
      expect(ub.gap).toBe(0);
      expect(ub.gapError).toBe(0);
      expect(ub.value).toBe(r.value);
      const bs = european(2, strike, 'receiver');
      expect(Math.abs(ub.value - bs), `upper ${ub.value} ± ${ub.errorEstimate} vs ${bs}`).toBeLessThan(3 * ub.errorEstimate + 0.005 * bs);
    });

    it('lower ≤ upper within errors; AB point estimate and 95 % interval are consistent', () => {
      for (const r of [good, fewInner, poorPolicy]) {
        const ub = r.upperBound!;
        expect(ub.gap, JSON.stringify(ub)).toBeGreaterThan(-2 * ub.gapError);
        expect(ub.value).toBeCloseTo(r.value + ub.gap, 15);
        expect(ub.errorEstimate).toBeCloseTo(Math.hypot(r.errorEstimate, ub.gapError), 15);
        expect(ub.pointEstimate).toBeCloseTo(0.5 * (r.value + ub.value), 15);
        expect(ub.interval[0]).toBeCloseTo(r.value - 1.96 * r.errorEstimate, 15);
        expect(ub.interval[1]).toBeCloseTo(ub.value + 1.96 * ub.errorEstimate, 15);
        expect(ub.outerPaths).toBe(200);
      }
    });

    it('the gap shrinks with more inner paths and with a better policy', () => {
      const g = good.upperBound!;
      const f = fewInner.upperBound!;
      const p = poorPolicy.upperBound!;
      // Same outer paths: the inner noise (max of noisy estimates) and the policy's suboptimality both add to the gap.
      expect(f.gap, `40 inner ${f.gap} vs 200 inner ${g.gap}`).toBeGreaterThan(g.gap + 2 * g.gapError);
      expect(p.gap, `50 regression paths ${p.gap} vs 4000 ${g.gap}`).toBeGreaterThan(g.gap + 2 * g.gapError);
      expect(poorPolicy.value).toBeLessThan(good.value); // the poorer policy's lower bound is lower too
    });

    it('with a good policy the gap is a few bp of notional (under 2 bp, under 1 % of the value)', () => {
      const ub = good.upperBound!;
      expect(ub.gap, JSON.stringify(ub)).toBeLessThan(2e-4);
      expect(ub.gap).toBeLessThan(0.01 * good.value);
      expect(ub.gap).toBeGreaterThan(0); // the LS policy is not optimal: a strictly positive gap
    });

    it('the same seeds give the same bound on WASM and TypeScript', () => {
      const small = { paths: 300, seed: 5, calibrationPaths: 300, upperBound: { outerPaths: 10, innerPaths: 20 } };
      const a = mcLmmBermudanSwaption(model, terms, { ...small, backend: 'typescript' });
      const b = mcLmmBermudanSwaption(model, terms, { ...small, backend: 'simd' });
      expect(b.upperBound!.value).toBe(a.upperBound!.value);
      expect(b.upperBound!.gapError).toBe(a.upperBound!.gapError);
    });

    it('backward-looking rates (restarts from the accruing state) and antithetic outer pairs: 0 ≤ gap within errors, under 0.5 % of the value', () => {
      const rateTimes = Array.from({ length: 11 }, (_, i) => 0.5 * (i + 1));
      const fmm = new LiborMarketModel({
        rateTimes, discounts: rateTimes.map((t) => Math.exp(-0.03 * t)), volatility: new AbcdFunction(0.05, 0.4, 0.9, 0.12),
        correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.4 }, rateType: 'backwardLooking',
      });
      const strike = fmm.swapRate(0, 10, 2).rate;
      const r = mcLmmBermudanSwaption(fmm, { type: 'receiver', strike, exerciseIndices: [2, 4, 6, 8], end: 10, fixedEvery: 2 }, {
        paths: 2000, seed: 4, factors: 3, antithetic: true, calibrationPaths: 4000, upperBound: { outerPaths: 60, innerPaths: 100 },
      });
      const ub = r.upperBound!;
      expect(ub.outerPaths).toBe(60); // pairs
      expect(ub.gap, JSON.stringify(ub)).toBeGreaterThan(-2 * ub.gapError);
      expect(ub.gap, JSON.stringify(ub)).toBeLessThan(0.005 * r.value); // measured 0.07 ± 0.05 bp on 155 bp
    });

    it('refuses bad sizes naming the option', () => {
      expect(() => mcLmmBermudanSwaption(model, terms, { paths: 100, upperBound: { outerPaths: 1, innerPaths: 10 } })).toThrow(/upperBound\.outerPaths = 1/);
      expect(() => mcLmmBermudanSwaption(model, terms, { paths: 100, upperBound: { outerPaths: 10, innerPaths: 0.5 } })).toThrow(/upperBound\.innerPaths = 0\.5/);
      expect(() => mcLmmBermudanSwaption(model, terms, { paths: 100, upperBound: { outerPaths: 10, innerPaths: 10, seed: -1 } })).toThrow(/upperBound\.seed = -1/);
    });
  });

  it('refuses exercise dates out of order or past the end', () => {
    expect(() => mcLmmBermudanSwaption(model, { type: 'payer', strike: 0.03, exerciseIndices: [4, 2], end: 10, fixedEvery: 2 }, { paths: 100 })).toThrow(/exerciseIndices\[1\] = 2/);
    expect(() => mcLmmBermudanSwaption(model, { type: 'payer', strike: 0.03, exerciseIndices: [3], end: 10, fixedEvery: 2 }, { paths: 100 })).toThrow(/fixedEvery = 2/);
  });
});
