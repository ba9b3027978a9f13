// @test mcLmmPathsRun, mcLmmPathsReference (the LMM path kernel and its TypeScript reference)
import { describe, expect, it } from 'vitest';
import { AbcdFunction } from '../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../engines/lmm/LiborMarketModel.js';
import { simulateLiborMarketModel } from '../../engines/lmm/simulateLiborMarketModel.js';
import { Philox4x32 } from '../../engines/montecarlo/Philox4x32.js';
import { lcg } from '../_lib/lcg.js';

/** A small deterministic generator for the random model sets (not the simulation's). */

describe('LMM path kernel (kernels/lmm.ts) vs its TypeScript reference', () => {
  it('bitwise equal paths, deflators and shocks on 60 random models (term and backward-looking rates, factors, displacement, antithetic, drift, Philox or Sobol normals)', () => {
    const rnd = lcg(99);
    for (let c = 0; c < 60; c++) {
      const n = 1 + Math.floor(15 * rnd());
      const dt = 0.25 + 0.75 * rnd();
      const rateTimes = Array.from({ length: n + 1 }, (_, i) => dt * (i + 1));
      const level = -0.005 + 0.06 * rnd();
      const displacement = level < 0.005 ? 0.02 : rnd() < 0.5 ? 0 : 0.01;
      const discounts = rateTimes.map((t) => Math.exp(-level * t));
      const model = new LiborMarketModel({
        rateTimes, discounts, displacement,
        volatility: new AbcdFunction(-0.05 + 0.2 * rnd(), -0.5 + rnd(), 0.2 + 2 * rnd(), 0.06 + 0.3 * rnd()),
        correlation: { form: 'rebonato', beta: 2 * rnd(), rhoInfinity: rnd() },
        rateType: rnd() < 0.3 ? 'backwardLooking' : 'forwardLooking',
      });
      const options = { paths: 37, seed: 1000 + c, factors: 1 + Math.floor(n * rnd()), antithetic: rnd() < 0.5, drift: rnd() < 0.8 ? 'predictorCorrector' as const : 'euler' as const, rng: rnd() < 0.3 ? 'sobol' as const : 'philox' as const, sobolReplications: 2 };
      const collect = (backend: 'simd' | 'typescript') => {
        const rows: number[] = [];
        const r = simulateLiborMarketModel(model, { ...options, backend, shocks: true }, (p) => {
          rows.push(...p.forwards, ...p.deflators, ...p.shocks);
          return p.deflators[n]! * p.forwards[(n - 1) * n + n - 1]!;
        });
        return { rows, value: r.value };
      };
      const w = collect('simd');
      const t = collect('typescript');
      expect(w.rows.length).toBe(t.rows.length);
      for (let i = 0; i < w.rows.length; i++) {
        if (w.rows[i] !== t.rows[i]) throw new Error(`case ${c} (n ${n}, ${JSON.stringify(options)}): entry ${i}: ${w.rows[i]} vs ${t.rows[i]}`);
      }
      expect(w.value).toBe(t.value);
    }
  });

  it('uses Philox stream = path index: the shocks of the first step are B·Z of the stream’s first normals', () => {
    const model = new LiborMarketModel({ rateTimes: [1, 2, 3], discounts: [0.97, 0.94, 0.91], volatility: new AbcdFunction(0, 0, 1, 0.2), correlation: { form: 'exponential', beta: 0 } });
    // Perfect correlation, one factor: shock_i = √C_ii · Z_0 with C_ii = 0.04 over [0, 1].
    const z = new Philox4x32(5).normals(3, 2);
    let p = 0;
    simulateLiborMarketModel(model, { paths: 4, seed: 5, factors: 1, backend: 'typescript', shocks: true }, (path) => {
      if (p === 3) {
        expect(path.shocks[0]).toBeCloseTo(0.2 * z[0]!, 15);
        expect(path.shocks[1]).toBeCloseTo(0.2 * z[0]!, 15);
      }
      p++;
      return 0;
    });
  });
});
