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
  const k = Math.floor(t * INV_LN2 + 0.5);
  const r = t - k * LN2_HI - k * LN2_LO + dt;
  let p = E13;
  p = p * r + E12;
  p = p * r + E11;
  p = p * r + E10;
  p = p * r + E9;
  p = p * r + E8;
  p = p * r + E7;
  p = p * r + E6;
  p = p * r + E5;
  p = p * r + E4;
  p = p * r + E3;
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
  let R = L10;
  R = R * w + L9;
  R = R * w + L8;
  R = R * w + L7;
  R = R * w + L6;
  R = R * w + L5;
  R = R * w + L4;
  R = R * w + L3;
  R = R * w + L2;
  R = R * w + L1;
  R = R * w;
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
