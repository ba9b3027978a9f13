// The LIBOR market model path kernel in plain TypeScript: the same algorithm, operation for
// operation, as kernels/lmm.ts. The oracle in tests and the fallback where WebAssembly SIMD is
// unavailable. Layouts: see ./lmm.ts.
import { refExp, refLog } from './_lib/referenceMath.js';
import { invNormAS241, philoxBlock, wordToUniform } from './montecarlo.reference.js';

/** Inputs of the LMM path kernel (layouts: see mcLmmPathsRun in ./lmm.ts). @internal */
export interface LmmPathKernelInputs {
  readonly samples: number;
  /** Global index of the first sample's Philox stream (integer, < 2^53). */
  readonly firstPath: number;
  readonly key0: number;
  readonly key1: number;
  /** Number of forwards n (= steps). */
  readonly size: number;
  /** Normals per path Σ k_m. */
  readonly dims: number;
  readonly antithetic: boolean;
  readonly predictorCorrector: boolean;
  readonly displacement: number;
  /** P(0, T_0). */
  readonly firstDiscount: number;
  /** Per step m: k_m, C (a × a), B (a × k_m), a = n − m. */
  readonly stepData: Float64Array;
  /** τ_i, length n. */
  readonly accruals: Float64Array;
  /** L_i(0), length n. */
  readonly initialForwards: Float64Array;
  /** samples × dims standard normals (e.g. Sobol through a Brownian bridge), or undefined for Philox. */
  readonly normals?: Float64Array;
}

/** Outputs of the LMM path kernel, per output path (antithetic: 2 per sample). @internal */
export interface LmmPathKernelOutputs {
  /** paths × n × n. */
  readonly forwards: Float64Array;
  /** paths × (n + 1). */
  readonly deflators: Float64Array;
  /** paths × n × n, or undefined. */
  readonly shocks?: Float64Array;
}

const block = new Uint32Array(4);

/** The LMM path kernel in TypeScript; returns 1 if an output is not finite. @internal */
export function mcLmmPathsReference(inp: LmmPathKernelInputs, out: LmmPathKernelOutputs): number {
  const n = inp.size;
  const dims = inp.dims;
  const d = inp.displacement;
  const tau = inp.accruals;
  const sd = inp.stepData;
  const L = new Float64Array(n);
  const logL = new Float64Array(n);
  const d0 = new Float64Array(n);
  const d1 = new Float64Array(n);
  const pred = new Float64Array(n);
  const shock = new Float64Array(n);
  const gw = new Float64Array(n);
  const z = new Float64Array(dims);
  const passes = inp.antithetic ? 2 : 1;
  let bad = 0;
  for (let s = 0; s < inp.samples; s++) {
    if (inp.normals !== undefined) {
      z.set(inp.normals.subarray(s * dims, (s + 1) * dims));
    } else {
      const p = inp.firstPath + s;
      const lo = p >>> 0;
      const hi = Math.floor(p / 4294967296) >>> 0;
      for (let j = 0; j < dims; j += 4) {
        philoxBlock(lo, hi, j >>> 2, 0, inp.key0, inp.key1, block);
        z[j] = invNormAS241(wordToUniform(block[0]!));
        if (j + 1 < dims) z[j + 1] = invNormAS241(wordToUniform(block[1]!));
        if (j + 2 < dims) z[j + 2] = invNormAS241(wordToUniform(block[2]!));
        if (j + 3 < dims) z[j + 3] = invNormAS241(wordToUniform(block[3]!));
      }
    }
    for (let a = 0; a < passes; a++) {
      const sign = a === 0 ? 1 : -1;
      const path = s * passes + a;
      const fo = path * n * n;
      const dfo = path * (n + 1);
      for (let i = 0; i < n; i++) L[i] = inp.initialForwards[i]!;
      out.deflators[dfo] = inp.firstDiscount;
      let off = 0;
      let zi = 0;
      for (let m = 0; m < n; m++) {
        const alive = n - m;
        const k = sd[off]!;
        const c = off + 1;
        const b = c + alive * alive;
        off = b + alive * k;
        for (let i = 0; i < alive; i++) {
          let x = 0;
          for (let f = 0; f < k; f++) x += sd[b + i * k + f]! * z[zi + f]!;
          shock[m + i] = sign * x;
        }
        zi += k;
        for (let j = m; j < n; j++) {
          const lj = L[j]!;
          gw[j] = (tau[j]! * (lj + d)) / (1 + tau[j]! * lj);
        }
        for (let i = 0; i < alive; i++) {
          let x = 0;
          for (let j = 0; j <= i; j++) x += gw[m + j]! * sd[c + i * alive + j]!;
          d0[m + i] = x;
        }
        for (let i = m; i < n; i++) logL[i] = refLog(L[i]! + d) - 0.5 * sd[c + (i - m) * alive + (i - m)]! + shock[i]!;
        if (inp.predictorCorrector) {
          for (let i = m; i < n; i++) pred[i] = refExp(logL[i]! + d0[i]!) - d;
          for (let j = m; j < n; j++) {
            const lj = pred[j]!;
            gw[j] = (tau[j]! * (lj + d)) / (1 + tau[j]! * lj);
          }
          for (let i = 0; i < alive; i++) {
            let x = 0;
            for (let j = 0; j <= i; j++) x += gw[m + j]! * sd[c + i * alive + j]!;
            d1[m + i] = x;
          }
          for (let i = m; i < n; i++) L[i] = refExp(logL[i]! + 0.5 * (d0[i]! + d1[i]!)) - d;
        } else {
          for (let i = m; i < n; i++) L[i] = refExp(logL[i]! + d0[i]!) - d;
        }
        out.forwards.set(L, fo + m * n);
        if (out.shocks !== undefined) {
          out.shocks.fill(0, fo + m * n, fo + m * n + m);
          out.shocks.set(shock.subarray(m, n), fo + m * n + m);
        }
        const dm = out.deflators[dfo + m]! / (1 + tau[m]! * L[m]!);
        out.deflators[dfo + m + 1] = dm;
        bad += dm - dm;
      }
      for (let i = 0; i < n; i++) bad += L[i]! - L[i]!;
    }
  }
  return bad === 0 ? 0 : 1;
}
