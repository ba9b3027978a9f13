// @test lmmStepLayout, lmmRestart, runLmmRestart (mid-path restarts of the LMM path kernel)
import { describe, expect, it } from 'vitest';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { lmmRestart, lmmStepLayout, runLmmRestart } from '../../../engines/lmm/_lib/lmmRestart.js';
import { simulateLiborMarketModel } from '../../../engines/lmm/simulateLiborMarketModel.js';
import { Philox4x32 } from '../../../engines/montecarlo/Philox4x32.js';
import { mcLmmPathsRun } from '../../../src/kernels/lmm.js';
import { kernelBackend } from '../../../src/kernels/kernelBackend.js';

function model(rateType: 'forwardLooking' | 'backwardLooking', displacement: number): LiborMarketModel {
  const rateTimes = Array.from({ length: 9 }, (_, i) => 0.5 * (i + 1));
  return new LiborMarketModel({
    rateTimes,
    discounts: rateTimes.map((t) => Math.exp(-(0.025 + 0.003 * t) * t)),
    volatility: new AbcdFunction(0.05, 0.4, 0.9, 0.12),
    scalings: Array.from({ length: 8 }, (_, i) => 1 + 0.03 * i),
    correlation: { form: 'rebonato', beta: 0.4, rhoInfinity: 0.3 },
    displacement,
    rateType,
  });
}

const backends = kernelBackend() === 'simd' ? (['typescript', 'simd'] as const) : (['typescript'] as const);

describe('LMM kernel restarts from a mid-path state', () => {
  it('the step layout is the one simulateLiborMarketModel feeds the kernel (same Philox paths bit for bit)', () => {
    for (const rateType of ['forwardLooking', 'backwardLooking'] as const) {
      const m = model(rateType, 0.01);
      const n = m.size;
      const layout = lmmStepLayout(m, 3);
      const dims = layout.factors.reduce((s, k) => s + k, 0);
      const paths = 6;
      const fw = new Float64Array(paths * layout.steps * n);
      const df = new Float64Array(paths * (n + 1));
      mcLmmPathsRun({
        samples: paths, firstPath: 0, key0: 17, key1: 0, size: n, steps: layout.steps, dims, antithetic: false, predictorCorrector: true,
        displacement: m.displacement, firstDiscount: m.discounts[0]!, stepData: layout.stepData, accruals: m.accruals, initialForwards: m.forwards,
      }, { forwards: fw, deflators: df }, 'typescript');
      let p = 0;
      simulateLiborMarketModel(m, { paths, seed: 17, factors: 3, backend: 'typescript' }, (path) => {
        expect(Array.from(path.forwards)).toEqual(Array.from(fw.subarray(p * layout.steps * n, (p + 1) * layout.steps * n)));
        expect(Array.from(path.deflators)).toEqual(Array.from(df.subarray(p * (n + 1), (p + 1) * (n + 1))));
        p++;
        return 0;
      });
      expect(p).toBe(paths);
    }
  });

  it('restarted from row e with the remaining normals, the kernel reproduces the tail of the full path bit for bit (term and backward-looking rates, WASM and TypeScript)', () => {
    for (const rateType of ['forwardLooking', 'backwardLooking'] as const) {
      for (const factors of [1, 3, 8]) {
        const m = model(rateType, rateType === 'forwardLooking' ? 0 : 0.01);
        const n = m.size;
        const layout = lmmStepLayout(m, factors);
        const dims = layout.factors.reduce((s, k) => s + k, 0);
        const samples = 5;
        const z = new Philox4x32(3 + factors).normals(0, samples * dims);
        for (const backend of backends) {
          const fw = new Float64Array(samples * layout.steps * n);
          const df = new Float64Array(samples * (n + 1));
          mcLmmPathsRun({
            samples, firstPath: 0, key0: 0, key1: 0, size: n, steps: layout.steps, dims, antithetic: false, predictorCorrector: true,
            displacement: m.displacement, firstDiscount: m.discounts[0]!, stepData: layout.stepData, accruals: m.accruals, initialForwards: m.forwards, normals: z,
          }, { forwards: fw, deflators: df }, backend);
          for (const [e, last] of [[0, layout.steps - 1], [2, 6], [5, 6]] as const) {
            const r = lmmRestart(m, layout, e, last);
            const before = layout.factors.slice(0, e + 1).reduce((s, k) => s + k, 0);
            const tail = new Float64Array(samples * r.dims);
            for (let s = 0; s < samples; s++) tail.set(z.subarray(s * dims + before, s * dims + before + r.dims), s * r.dims);
            for (let s = 0; s < samples; s++) {
              const ifw = new Float64Array(r.steps * r.size);
              const idf = new Float64Array(r.size + 1);
              const row = fw.subarray(s * layout.steps * n + e * n, s * layout.steps * n + (e + 1) * n);
              runLmmRestart(r, m, row, df[s * (n + 1) + r.shift]!, { samples: 1, firstPath: 0, seed: 0, predictorCorrector: true, normals: tail.subarray(s * r.dims, (s + 1) * r.dims), backend }, { forwards: ifw, deflators: idf });
              for (let q = 0; q < r.steps; q++) {
                for (let l = r.shift; l < n; l++) {
                  const full = fw[s * layout.steps * n + (e + 1 + q) * n + l]!;
                  if (ifw[q * r.size + l - r.shift] !== full) throw new Error(`${rateType} k=${factors} ${backend} e=${e} sample ${s}: L_${l}(T_${e + 1 + q}) ${ifw[q * r.size + l - r.shift]} vs ${full}`);
                }
              }
              const lastDeflator = rateType === 'backwardLooking' ? last : last + 1;
              for (let j = r.shift; j <= lastDeflator; j++) expect(idf[j - r.shift]).toBe(df[s * (n + 1) + j]!);
            }
          }
        }
      }
    }
  });
});
