// The Monte Carlo kernels in plain TypeScript: the same algorithm, operation for operation, as
// kernels/montecarlo.ts (and kernels/_lib/mcPhilox.ts, mcInverseNormal.ts). The oracle in tests
// and the fallback where WebAssembly SIMD is unavailable. Layouts: see ./montecarlo.ts.
import { refExp, refLog } from './_lib/referenceMath.js';

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO_M32 = 2.3283064365386963e-10;
const TWO_32 = 4294967296;

/** High 32 bits of a·m for 32-bit unsigned a, m (exact: every partial sum stays below 2^53). */
function mulHi(a: number, m: number): number {
  const ah = a >>> 16;
  const al = a & 0xffff;
  const mh = m >>> 16;
  const ml = m & 0xffff;
  const mid = ah * ml + al * mh;
  return (ah * mh + Math.floor((mid * 65536 + al * ml) / TWO_32)) >>> 0;
}

/**
 * Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1), written to out[0..4).
 * Source: Salmon, Moraes, Dror, Shaw (2011), "Parallel random numbers: as easy as 1, 2, 3", SC'11.
 * @internal
 */
export function philoxBlock(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  for (let r = 0; r < 10; r++) {
    const hi0 = mulHi(c0, M0);
    const lo0 = Math.imul(c0, M0) >>> 0;
    const hi1 = mulHi(c2, M1);
    const lo1 = Math.imul(c2, M1) >>> 0;
    const n0 = (hi1 ^ c1 ^ k0) >>> 0;
    const n2 = (hi0 ^ c3 ^ k1) >>> 0;
    c1 = lo1;
    c3 = lo0;
    c0 = n0;
    c2 = n2;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/** A uniform in (0, 1) from one 32-bit word: (w + ½)·2^−32 (never 0 or 1). @internal */
export function wordToUniform(w: number): number {
  return (w + 0.5) * TWO_M32;
}

// Wichura (1988) AS241 PPND16 coefficients.
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function ratio(p: readonly number[], q: readonly number[], r: number): number {
  const num = ((((((p[7]! * r + p[6]!) * r + p[5]!) * r + p[4]!) * r + p[3]!) * r + p[2]!) * r + p[1]!) * r + p[0]!;
  const den = ((((((q[7]! * r + q[6]!) * r + q[5]!) * r + q[4]!) * r + q[3]!) * r + q[2]!) * r + q[1]!) * r + 1;
  return num / den;
}

/**
 * Φ⁻¹(u) for u in (0, 1) by Wichura's AS241 (PPND16); the kernel's logarithm.
 * Source: M. J. Wichura (1988), Applied Statistics 37(3), 477–484.
 * @internal
 */
export function invNormAS241(u: number): number {
  const q = u - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((A[7]! * r + A[6]!) * r + A[5]!) * r + A[4]!) * r + A[3]!) * r + A[2]!) * r + A[1]!) * r + A[0]!)) /
      (((((((B[7]! * r + B[6]!) * r + B[5]!) * r + B[4]!) * r + B[3]!) * r + B[2]!) * r + B[1]!) * r + 1);
  }
  let r = q < 0 ? u : 1 - u;
  r = Math.sqrt(-refLog(r));
  const z = r <= 5 ? ratio(C, D, r - 1.6) : ratio(E, F, r - 5);
  return q < 0 ? -z : z;
}

const block = new Uint32Array(4);

/** Normals 0…dims−1 of Philox stream (normal j: word j mod 4 of block (stream_lo, stream_hi, ⌊j/4⌋, 0)) `path` (an integer < 2^53) into z[off…off+dims). @internal */
export function philoxPathNormals(path: number, k0: number, k1: number, dims: number, z: Float64Array, off = 0): void {
  const lo = path >>> 0;
  const hi = Math.floor(path / TWO_32) >>> 0;
  for (let j = 0; j < dims; j += 4) {
    philoxBlock(lo, hi, j >>> 2, 0, k0, k1, block);
    for (let w = 0; w < 4 && j + w < dims; w++) z[off + j + w] = invNormAS241(wordToUniform(block[w]!));
  }
}

/** acc[0..5) += Σy, Σy², Σc, Σc², Σyc; returns 1 if one of them is not finite, else 0 (as kernels/_lib/mcSums.ts). @internal */
export function addSums(acc: Float64Array, sy: number, syy: number, sc: number, scc: number, syc: number): number {
  acc[0] = acc[0]! + sy;
  acc[1] = acc[1]! + syy;
  acc[2] = acc[2]! + sc;
  acc[3] = acc[3]! + scc;
  acc[4] = acc[4]! + syc;
  const t = sy + syy + sc + scc + syc;
  return t - t === 0 ? 0 : 1;
}

/** Inputs of the fused GBM kernel (see mcGbmRun in ./montecarlo.ts for the layouts). @internal */
export interface GbmKernelInputs {
  /** 0 European, 1 barrier, 2 Asian (with geometric control), 3 store paths. */
  readonly kind: 0 | 1 | 2 | 3;
  readonly samples: number;
  /** Global index of the first sample's Philox stream (integer, < 2^53). */
  readonly firstPath: number;
  readonly key0: number;
  readonly key1: number;
  readonly steps: number;
  readonly antithetic: boolean;
  /** samples·steps uniforms in (0, 1) (row per sample), or undefined for Philox. */
  readonly uniforms?: Float64Array;
  /** 6·steps: bridge index, left index, right index, left weight, right weight, std dev. */
  readonly bridge?: Float64Array;
  /** 5·steps: log drift, vol, √Δt, discount at step end, fixing flag. */
  readonly stepData: Float64Array;
  /** 11 numbers: ln S0, strike, ω, ln B, barrier type code, rebate, running sum, running log sum, –, fixings count, payment discount. */
  readonly params: Float64Array;
}

/** The fused GBM kernel in TypeScript; returns 1 if an accumulator is not finite. @internal */
export function mcGbmReference(inp: GbmKernelInputs, acc: Float64Array, paths?: Float64Array): number {
  const n = inp.steps;
  const z = new Float64Array(n);
  const w = new Float64Array(n);
  const sd = inp.stepData;
  const pr = inp.params;
  const x0 = pr[0]!, strike = pr[1]!, omega = pr[2]!, b = pr[3]!, barrierType = pr[4]!, rebate = pr[5]!;
  const runSum = pr[6]!, runLog = pr[7]!, nFix = pr[9]!, payDisc = pr[10]!;
  const isIn = barrierType === 0 || barrierType === 1;
  const down = (barrierType & 1) === 0;
  const br = inp.bridge;
  let sy = 0, syy = 0, sc = 0, scc = 0, syc = 0;
  const passes = inp.antithetic ? 2 : 1;
  for (let s = 0; s < inp.samples; s++) {
    if (inp.uniforms === undefined) {
      philoxPathNormals(inp.firstPath + s, inp.key0, inp.key1, n, z);
    } else {
      const u = inp.uniforms;
      for (let j = 0; j < n; j++) z[j] = invNormAS241(u[s * n + j]!);
    }
    let y = 0;
    let c = 0;
    for (let a = 0; a < passes; a++) {
      const sign = a === 0 ? 1 : -1;
      if (br === undefined) {
        for (let j = 0; j < n; j++) w[j] = sign * z[j]! * sd[2 * n + j]!;
      } else {
        for (let i = 0; i < n; i++) {
          const bi = br[i]!, li = br[n + i]!, ri = br[2 * n + i]!;
          let v = br[5 * n + i]! * (sign * z[i]!);
          if (li >= 0) v = br[3 * n + i]! * w[li]! + v;
          if (ri >= 0) v = br[4 * n + i]! * w[ri]! + v;
          w[bi] = v;
        }
        for (let j = n - 1; j > 0; j--) w[j] = w[j]! - w[j - 1]!;
      }
      let x = x0;
      if (inp.kind === 0) {
        for (let j = 0; j < n; j++) x = x + (sd[j]! + sd[n + j]! * w[j]!);
        y += payDisc * Math.max(omega * (refExp(x) - strike), 0);
      } else if (inp.kind === 1) {
        let alive = 1;
        let rebatePv = 0;
        for (let j = 0; j < n; j++) {
          const xPrev = x;
          const sdev = sd[n + j]! * sd[2 * n + j]!;
          x = x + (sd[j]! + sd[n + j]! * w[j]!);
          const d0 = xPrev - b;
          const d1 = x - b;
          let stay: number;
          if (down ? d1 <= 0 : d1 >= 0) {
            stay = 0;
          } else {
            const v = sdev * sdev;
            stay = v > 0 ? 1 - refExp((-2 * d0 * d1) / v) : 1;
          }
          rebatePv += alive * (1 - stay) * sd[3 * n + j]!;
          alive *= stay;
        }
        const vanilla = payDisc * Math.max(omega * (refExp(x) - strike), 0);
        y += isIn ? (1 - alive) * vanilla + alive * rebate * payDisc : alive * vanilla + rebate * rebatePv;
      } else if (inp.kind === 2) {
        let sumS = runSum;
        let sumX = runLog;
        for (let j = 0; j < n; j++) {
          x = x + (sd[j]! + sd[n + j]! * w[j]!);
          if (sd[4 * n + j]! !== 0) {
            sumS += refExp(x);
            sumX += x;
          }
        }
        y += payDisc * Math.max(omega * (sumS / nFix - strike), 0);
        c += payDisc * Math.max(omega * (refExp(sumX / nFix) - strike), 0);
      } else if (paths !== undefined) {
        const row = (s * passes + a) * n;
        for (let j = 0; j < n; j++) {
          x = x + (sd[j]! + sd[n + j]! * w[j]!);
          paths[row + j] = refExp(x);
        }
      }
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
  return addSums(acc, sy, syy, sc, scc, syc);
}
