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
  /** Number of forwards n. */
  readonly size: number;
  /** Number of steps (n for term rates, n + 1 for backward-looking rates). */
  readonly steps: number;
  /** Normals per path Σ k_m. */
  readonly dims: number;
  readonly antithetic: boolean;
  readonly predictorCorrector: boolean;
  readonly displacement: number;
  /** P(0, T_0). */
  readonly firstDiscount: number;
  /** Per step m: k_m, first alive forward f_m, fixing flag, C (a × a), B (a × k_m), a = n − f_m. */
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
  /** paths × steps × n. */
  readonly forwards: Float64Array;
  /** paths × (n + 1). */
  readonly deflators: Float64Array;
  /** paths × steps × n, or undefined. */
  readonly shocks?: Float64Array;
}

const block = new Uint32Array(4);

/** out_i = Σ_{j ≤ i} g_j C_ij, g_j = τ_j(L_j + δ)/(1 + τ_jL_j), for forwards f…n−1; C at sd[c…] (as kernels/lmm.ts). */
function drift(L: Float64Array, f: number, n: number, d: number, tau: Float64Array, sd: Float64Array, c: number, gw: Float64Array, out: Float64Array): void {
  const alive = n - f;
  for (let j = f; j < n; j++) {
    const lj = L[j]!;
    gw[j] = (tau[j]! * (lj + d)) / (1 + tau[j]! * lj);
  }
  for (let i = 0; i < alive; i++) {
    let x = 0;
    for (let j = 0; j <= i; j++) x += gw[f + j]! * sd[c + i * alive + j]!;
    out[f + i] = x;
  }
}

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
      const fo = path * inp.steps * n;
      const dfo = path * (n + 1);
      for (let i = 0; i < n; i++) L[i] = inp.initialForwards[i]!;
      out.deflators[dfo] = inp.firstDiscount;
      let off = 0;
      let zi = 0;
      for (let m = 0; m < inp.steps; m++) {
        const k = sd[off]!;
        const f = sd[off + 1]!;
        const fix = sd[off + 2]! !== 0;
        const alive = n - f;
        const c = off + 3;
        const b = c + alive * alive;
        off = b + alive * k;
        for (let i = 0; i < alive; i++) {
          let x = 0;
          for (let q = 0; q < k; q++) x += sd[b + i * k + q]! * z[zi + q]!;
          shock[f + i] = sign * x;
        }
        zi += k;
        drift(L, f, n, d, tau, sd, c, gw, d0); // at the step's start
        for (let i = f; i < n; i++) logL[i] = refLog(L[i]! + d) - 0.5 * sd[c + (i - f) * alive + (i - f)]! + shock[i]!;
        if (inp.predictorCorrector) {
          for (let i = f; i < n; i++) pred[i] = refExp(logL[i]! + d0[i]!) - d;
          drift(pred, f, n, d, tau, sd, c, gw, d1); // at the Euler-predicted end
          for (let i = f; i < n; i++) L[i] = refExp(logL[i]! + 0.5 * (d0[i]! + d1[i]!)) - d;
        } else {
          for (let i = f; i < n; i++) L[i] = refExp(logL[i]! + d0[i]!) - d;
        }
        out.forwards.set(L, fo + m * n);
        if (out.shocks !== undefined) {
          out.shocks.fill(0, fo + m * n, fo + m * n + f);
          out.shocks.set(shock.subarray(f, n), fo + m * n + f);
        }
        if (fix) {
          const dm = out.deflators[dfo + f]! / (1 + tau[f]! * L[f]!);
          out.deflators[dfo + f + 1] = dm;
          bad += dm - dm;
        }
      }
      for (let i = 0; i < n; i++) bad += L[i]! - L[i]!;
    }
  }
  return bad === 0 ? 0 : 1;
}
