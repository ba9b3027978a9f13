// TypeScript mirror of kernels/_lib/scalarMath.ts: the same range reductions, polynomials and
// operation order, so the reference kernel rounds like the WASM kernels (JavaScript never fuses
// multiply–add). Internal; used by the *.reference.ts kernels and by tests.
import { codyErfSmall, codyErfcRational } from '../../math/special/_lib/codyErfc.js';

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634074;
const SQRT2 = 1.4142135623730950488;
const SQRT_HALF = 0.7071067811865475244;
const SPLITTER = 134217729.0;
const MIN_NORMAL = 2.2250738585072014e-308;
const TWO54 = 18014398509481984.0;
const EXP_MIN = -746.0;
const EXP_MAX = 710.0;
/** Below this, e^t < 2^-1075: the approximation gives +0 anyway (kernels skip the denormal arithmetic). */
const EXP_ZERO = -745.2;
const GAUSS_MAX = 40.0;
const CODY_X1 = 0.46875;

const E2 = 1 / 2;
const E3 = 1 / 6;
const E4 = 1 / 24;
const E5 = 1 / 120;
const E6 = 1 / 720;
const E7 = 1 / 5040;
const E8 = 1 / 40320;
const E9 = 1 / 362880;
const E10 = 1 / 3628800;
const E11 = 1 / 39916800;
const E12 = 1 / 479001600;
const E13 = 1 / 6227020800;

const L1 = 2 / 3;
const L2 = 2 / 5;
const L3 = 2 / 7;
const L4 = 2 / 9;
const L5 = 2 / 11;
const L6 = 2 / 13;
const L7 = 2 / 15;
const L8 = 2 / 17;
const L9 = 2 / 19;
const L10 = 2 / 21;

/** 2^k for k in [−POW2_OFFSET, POW2_OFFSET], built by exact doubling/halving. */
const POW2_OFFSET = 600;
const POW2 = new Float64Array(2 * POW2_OFFSET + 1);
POW2[POW2_OFFSET] = 1;
for (let k = 1; k <= POW2_OFFSET; k++) {
  POW2[POW2_OFFSET + k] = POW2[POW2_OFFSET + k - 1] * 2;
  POW2[POW2_OFFSET - k] = POW2[POW2_OFFSET - k + 1] * 0.5;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** e^(t + dt), dt a tiny correction; Cody–Waite reduction + degree-13 Taylor on |r| ≤ ln2/2. */
export function refExpCorr(t: number, dt: number): number {
  t = Math.min(Math.max(t, EXP_MIN), EXP_MAX);
  if (t < EXP_ZERO) return 0;
  const k = Math.floor(t * INV_LN2 + 0.5);
  const r = t - k * LN2_HI - k * LN2_LO + dt;
  // Estrin's scheme for E3 + … + E13 r^10, then three Horner steps (as in scalarMath.ts).
  const r2 = r * r;
  const r4 = r2 * r2;
  const r8 = r4 * r4;
  const q0 = E4 * r + E3;
  const q1 = E6 * r + E5;
  const q2 = E8 * r + E7;
  const q3 = E10 * r + E9;
  const q4 = E12 * r + E11;
  const u0 = q0 + q1 * r2;
  const u1 = q2 + q3 * r2;
  const u2 = q4 + E13 * r2;
  const t0 = u0 + u1 * r4;
  let p = t0 + u2 * r8;
  p = p * r + E2;
  p = p * r + 1;
  p = p * r + 1;
  const k1 = k >> 1;
  const k2 = k - k1;
  return p * POW2[k1 + POW2_OFFSET] * POW2[k2 + POW2_OFFSET];
}

/** e^t (kernel approximation). */
export function refExp(t: number): number {
  return refExpCorr(t, 0);
}

/** ln x for x > 0 (kernel approximation). */
export function refLog(x: number): number {
  let eb = 0;
  if (x < MIN_NORMAL) {
    x *= TWO54;
    eb = -54;
  }
  F64[0] = x;
  const hi = U32[HI];
  let e = (hi >>> 20) - 1023 + eb;
  U32[HI] = (hi & 0x000fffff) | 0x3ff00000;
  let m = F64[0];
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const w = s * s;
  // Estrin's scheme for L1 + L2 w + … + L10 w^9 (as in scalarMath.ts).
  const w2 = w * w;
  const w4 = w2 * w2;
  const w8 = w4 * w4;
  const a0 = L2 * w + L1;
  const a1 = L4 * w + L3;
  const a2 = L6 * w + L5;
  const a3 = L8 * w + L7;
  const a4 = L10 * w + L9;
  const b0 = a0 + a1 * w2;
  const b1 = a2 + a3 * w2;
  const c0 = b0 + b1 * w4;
  const R = (c0 + a4 * w8) * w;
  return e * LN2_HI + (f - s * (f - R) + e * LN2_LO);
}

/** exp(−x²/2) with x² split exactly (Dekker 1971). */
export function refGauss(x: number): number {
  x = Math.min(Math.abs(x), GAUSS_MAX);
  const p = x * x;
  const c = SPLITTER * x;
  const xh = c - (c - x);
  const xl = x - xh;
  const e = xh * xh - p + 2 * xh * xl + xl * xl;
  return refExpCorr(-0.5 * p, -0.5 * e);
}

/** Φ(x) given g = exp(−x²/2), Cody's rational factors. */
export function refNormalCdf(x: number, g: number): number {
  const xs = x * SQRT_HALF;
  const y = Math.abs(xs);
  if (y <= CODY_X1) return 0.5 + 0.5 * codyErfSmall(xs);
  const tail = 0.5 * g * codyErfcRational(y);
  return x < 0 ? tail : 1 - tail;
}

/**
 * c·Φ(x) given c > 0 and cg = c·exp(−x²/2) from the caller (mirror of the kernels' ncdfScaledS):
 * c·(½ + ½·erf(x/√2)) on Cody's first interval, cg·R/2 or c − cg·R/2 beyond.
 * refNormalCdfScaled(x, 1, g) = refNormalCdf(x, g).
 */
export function refNormalCdfScaled(x: number, c: number, cg: number): number {
  const xs = x * SQRT_HALF;
  const y = Math.abs(xs);
  if (y <= CODY_X1) return c * (0.5 + 0.5 * codyErfSmall(xs));
  const tail = cg === 0 ? 0 : 0.5 * cg * codyErfcRational(y);
  return x < 0 ? tail : c - tail;
}
