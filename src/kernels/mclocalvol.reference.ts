// The local-volatility Monte Carlo kernel in plain TypeScript: the same algorithm, operation for
// operation, as kernels/mclocalvol.ts. The oracle in tests and the fallback where WebAssembly SIMD
// is unavailable. Layouts: see ./mclocalvol.ts.
import { refExp } from './_lib/referenceMath.js';
import { addSums, invNormAS241, philoxBlock, wordToUniform } from './montecarlo.reference.js';

/** Inputs of the fused local-vol kernel (layouts: see mcLocalVolRun in ./mclocalvol.ts). @internal */
export interface LocalVolKernelInputs {
  readonly samples: number;
  /** Global index of the first sample's Philox stream (integer, < 2^53). */
  readonly firstPath: number;
  readonly key0: number;
  readonly key1: number;
  readonly steps: number;
  readonly antithetic: boolean;
  /** samples·steps uniforms in (0, 1) (one row per sample), or undefined for Philox. */
  readonly uniforms?: Float64Array;
  /** 3·steps numbers: log drift μ_iΔt_i of each step, Δt_i, √Δt_i. */
  readonly stepData: Float64Array;
  /** steps·nx local vols, row i (step i, its start time t_i) over the log-spot nodes xMin + j·Δx. */
  readonly volGrid: Float64Array;
  readonly nx: number;
  /** 7 numbers: see LOCAL_VOL_PARAMS in ./mclocalvol.ts. */
  readonly params: Float64Array;
  /** 2·nPayoffs numbers: strikes, then ω (+1 call, −1 put). */
  readonly payoffs: Float64Array;
  readonly nPayoffs: number;
}

const block = new Uint32Array(4);

/** The fused local-vol kernel in TypeScript; acc (length ≥ 5·nPayoffs) is added to; returns 1 if an accumulator is not finite. @internal */
export function mcLocalVolReference(inp: LocalVolKernelInputs, acc: Float64Array): number {
  const n = inp.steps;
  const np = inp.nPayoffs;
  const nx = inp.nx;
  const z = new Float64Array(n);
  const ys = new Float64Array(np);
  const sums = new Float64Array(5 * np);
  const sd = inp.stepData;
  const g = inp.volGrid;
  const pr = inp.params;
  const pay = inp.payoffs;
  const x0 = pr[0]!, xMin = pr[1]!, invDx = pr[2]!, payDisc = pr[3]!, lnLo = pr[4]!, lnHi = pr[5]!;
  const kind = Math.trunc(pr[6]!);
  const last = nx - 1;
  const passes = inp.antithetic ? 2 : 1;
  for (let s = 0; s < inp.samples; s++) {
    if (inp.uniforms === undefined) {
      const p = inp.firstPath + s;
      const lo = p >>> 0;
      const hi = Math.floor(p / 4294967296) >>> 0;
      for (let j = 0; j < n; j += 4) {
        philoxBlock(lo, hi, j >>> 2, 0, inp.key0, inp.key1, block);
        for (let w = 0; w < 4 && j + w < n; w++) z[j + w] = invNormAS241(wordToUniform(block[w]!));
      }
    } else {
      const row = s * n;
      for (let j = 0; j < n; j++) z[j] = invNormAS241(inp.uniforms[row + j]!);
    }
    ys.fill(0);
    let c = 0;
    for (let a = 0; a < passes; a++) {
      const sign = a === 0 ? 1 : -1;
      let x = x0;
      let alive = 1;
      let row = 0;
      for (let j = 0; j < n; j++) {
        const u = (x - xMin) * invDx;
        let sig: number;
        if (u > 0 && u < last) {
          const i = Math.trunc(u);
          const w = u - i;
          const lo = g[row + i]!;
          sig = lo + w * (g[row + i + 1]! - lo);
        } else if (u >= last) {
          sig = g[row + last]!;
        } else {
          sig = g[row]!;
        }
        x = x + ((sd[j]! - 0.5 * sig * sig * sd[n + j]!) + sig * sd[2 * n + j]! * (sign * z[j]!));
        if (x <= lnLo || x >= lnHi) alive = 0;
        row += nx;
      }
      const sT = refExp(x);
      const f = kind === 0 ? 1 : kind === 1 ? alive : 1 - alive;
      for (let k = 0; k < np; k++) ys[k] = ys[k]! + payDisc * Math.max(pay[np + k]! * (sT - pay[k]!), 0) * f;
      c += payDisc * sT;
    }
    if (passes === 2) c *= 0.5;
    for (let k = 0; k < np; k++) {
      let y = ys[k]!;
      if (passes === 2) y *= 0.5;
      const o = 5 * k;
      sums[o] = sums[o]! + y;
      sums[o + 1] = sums[o + 1]! + y * y;
      sums[o + 2] = sums[o + 2]! + c;
      sums[o + 3] = sums[o + 3]! + c * c;
      sums[o + 4] = sums[o + 4]! + y * c;
    }
  }
  let bad = 0;
  for (let k = 0; k < np; k++) {
    const o = 5 * k;
    bad |= addSums(acc.subarray(o, o + 5), sums[o]!, sums[o + 1]!, sums[o + 2]!, sums[o + 3]!, sums[o + 4]!);
  }
  return bad;
}
