// The Heston QE Monte Carlo kernel in plain TypeScript: the same algorithm, operation for
// operation, as kernels/mcheston.ts. The oracle in tests and the fallback where WebAssembly SIMD
// is unavailable. Layouts: see ./mcheston.ts.
import { refExp, refLog } from './_lib/referenceMath.js';
import { addSums, invNormAS241, philoxBlock, wordToUniform } from './montecarlo.reference.js';

/** Inputs of the fused Heston QE kernel (layouts: see mcHestonQeRun in ./mcheston.ts). @internal */
export interface HestonQeKernelInputs {
  readonly samples: number;
  /** Global index of the first sample's Philox stream (integer, < 2^53). */
  readonly firstPath: number;
  readonly key0: number;
  readonly key1: number;
  readonly steps: number;
  readonly antithetic: boolean;
  /** samples·2·steps uniforms in (0, 1) (row per sample: U_v, U_z per step), or undefined for Philox. */
  readonly uniforms?: Float64Array;
  /** steps numbers: the deterministic log drift ln(D_q(t_j)D_r(t_{j−1})/(D_q(t_{j−1})D_r(t_j))) of each step. */
  readonly stepData: Float64Array;
  /** 17 numbers: see HESTON_QE_PARAMS in ./mcheston.ts. */
  readonly params: Float64Array;
}

const block = new Uint32Array(4);

/** The fused Heston QE kernel in TypeScript; acc (length ≥ 6) is added to; returns 1 if an accumulator is not finite. @internal */
export function mcHestonQeReference(inp: HestonQeKernelInputs, acc: Float64Array): number {
  const n = inp.steps;
  const dims = 2 * n;
  const w = new Float64Array(dims);
  const pr = inp.params;
  const sd = inp.stepData;
  const x0 = pr[0]!, v0 = pr[1]!, strike = pr[2]!, omega = pr[3]!, payDisc = pr[4]!, theta = pr[5]!;
  const ekd = pr[6]!, c1 = pr[7]!, c2 = pr[8]!, psiC = pr[9]!;
  const K0 = pr[10]!, K1 = pr[11]!, K2 = pr[12]!, K3 = pr[13]!, K4 = pr[14]!, A = pr[15]!;
  const mart = pr[16]! !== 0;
  const K13 = K1 + 0.5 * K3;
  let sy = 0, syy = 0, sc = 0, scc = 0, syc = 0, uncorrected = 0;
  const passes = inp.antithetic ? 2 : 1;
  for (let s = 0; s < inp.samples; s++) {
    if (inp.uniforms === undefined) {
      const p = inp.firstPath + s;
      const lo = p >>> 0;
      const hi = Math.floor(p / 4294967296) >>> 0;
      for (let j = 0; j < dims; j += 4) {
        philoxBlock(lo, hi, j >>> 2, 0, inp.key0, inp.key1, block);
        w[j] = wordToUniform(block[0]!);
        w[j + 1] = invNormAS241(wordToUniform(block[1]!));
        if (j + 2 < dims) {
          w[j + 2] = wordToUniform(block[2]!);
          w[j + 3] = invNormAS241(wordToUniform(block[3]!));
        }
      }
    } else {
      const u = inp.uniforms;
      const row = s * dims;
      for (let j = 0; j < dims; j += 2) {
        w[j] = u[row + j]!;
        w[j + 1] = invNormAS241(u[row + j + 1]!);
      }
    }
    let y = 0;
    let c = 0;
    for (let a = 0; a < passes; a++) {
      const sign = a === 0 ? 1 : -1;
      let x = x0;
      let v = v0;
      for (let j = 0; j < n; j++) {
        const u = w[2 * j]!;
        const z = sign * w[2 * j + 1]!;
        const m = theta + (v - theta) * ekd;
        const s2 = v * c1 + c2;
        const psi = s2 / (m * m);
        let vn: number;
        let k0s = K0;
        if (psi <= psiC) {
          const t = 2 / psi;
          const b2 = t - 1 + Math.sqrt(t) * Math.sqrt(t - 1);
          const aq = m / (1 + b2);
          const bz = Math.sqrt(b2) + sign * invNormAS241(u);
          vn = aq * (bz * bz);
          if (mart) {
            const q = 1 - 2 * A * aq;
            if (q > 0) k0s = -(A * b2 * aq) / q + 0.5 * refLog(q) - K13 * v;
            else uncorrected += 1;
          }
        } else {
          const pe = (psi - 1) / (psi + 1);
          const beta = (1 - pe) / m;
          const uu = a === 0 ? u : 1 - u;
          vn = uu <= pe ? 0 : refLog((1 - pe) / (1 - uu)) / beta;
          if (mart) {
            if (beta > A) k0s = -refLog(pe + (beta * (1 - pe)) / (beta - A)) - K13 * v;
            else uncorrected += 1;
          }
        }
        x = x + sd[j]! + k0s + K1 * v + K2 * vn + Math.sqrt(K3 * v + K4 * vn) * z;
        v = vn;
      }
      const sT = refExp(x);
      y += payDisc * Math.max(omega * (sT - strike), 0);
      c += payDisc * sT;
    }
    if (passes === 2) {
      y *= 0.5;
      c *= 0.5;
    }
    sy += y;
    syy += y * y;
    sc += c;
    scc += c * c;
    syc += y * c;
  }
  acc[5] = acc[5]! + uncorrected;
  return addSums(acc, sy, syy, sc, scc, syc);
}
