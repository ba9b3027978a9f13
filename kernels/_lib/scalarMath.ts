// Scalar (one f64 at a time) versions of the kernel transcendentals. Same algorithm and
// operation order as the f64x2 versions in simdMath.ts and the TypeScript reference.
import {
  LN2_HI, LN2_LO, INV_LN2, SQRT2, SQRT_HALF, INV_SQRT_PI, SPLITTER, MIN_NORMAL, TWO54,
  EXP_MIN, EXP_MAX, EXP_ZERO, GAUSS_MAX,
  E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13,
  L1, L2, L3, L4, L5, L6, L7, L8, L9, L10,
  CODY_X1, CODY_X2, A0, A1, A2, A3, A4, B0, B1, B2, B3,
  C0, C1, C2, C3, C4, C5, C6, C7, C8, D0, D1, D2, D3, D4, D5, D6, D7,
  P0, P1, P2, P3, P4, P5, Q0, Q1, Q2, Q3, Q4,
} from './constants';

/** e^(t + dt) for a small correction dt (|dt| ≪ ulp-scale of t); Cody–Waite reduction + degree-13 Taylor. */
// @ts-ignore: decorator
@inline
export function expCorrS(t: f64, dt: f64): f64 {
  t = t < EXP_MIN ? EXP_MIN : t; // compare-and-select (like f64x2.pmax/pmin); NaN propagates
  t = EXP_MAX < t ? EXP_MAX : t;
  if (t < EXP_ZERO) return 0.0; // the result below is +0 too, reached through slow denormal arithmetic
  const k = floor<f64>(t * INV_LN2 + 0.5);
  const r = ((t - k * LN2_HI) - k * LN2_LO) + dt;
  // H(r) = E3 + E4 r + … + E13 r^10 by Estrin's scheme (dependency depth 4 instead of 10, which
  // the latency-bound Black loop feels), then three Horner steps, so the terms that set the
  // rounding (1 + r + r²/2) are added last, as in plain Horner.
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
  p = p * r + 1.0;
  p = p * r + 1.0;
  const ki = <i64>k;
  const k1 = ki >> 1;
  const k2 = ki - k1;
  const s1 = reinterpret<f64>((k1 + 1023) << 52);
  const s2 = reinterpret<f64>((k2 + 1023) << 52);
  return (p * s1) * s2;
}

/** e^t. */
// @ts-ignore: decorator
@inline
export function expS(t: f64): f64 {
  return expCorrS(t, 0.0);
}

/** ln x for x > 0 (subnormals included). */
// @ts-ignore: decorator
@inline
export function logS(x: f64): f64 {
  let eb: f64 = 0.0;
  if (x < MIN_NORMAL) {
    x *= TWO54;
    eb = -54.0;
  }
  const bits = reinterpret<i64>(x);
  let e = <f64>(bits >> 52) - 1023.0 + eb;
  let m = reinterpret<f64>((bits & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000);
  if (m > SQRT2) {
    m *= 0.5;
    e += 1.0;
  }
  const f = m - 1.0;
  const s = f / (2.0 + f);
  const w = s * s;
  // R = w·(L1 + L2 w + … + L10 w^9) by Estrin's scheme (R enters scaled by s·w < 0.005).
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
  return e * LN2_HI + ((f - s * (f - R)) + e * LN2_LO);
}

/** exp(−x²/2) with x² split exactly (Dekker) so the result keeps full relative accuracy. */
// @ts-ignore: decorator
@inline
export function gaussS(x: f64): f64 {
  x = abs<f64>(x);
  x = GAUSS_MAX < x ? GAUSS_MAX : x;
  const p = x * x;
  const c = SPLITTER * x;
  const xh = c - (c - x);
  const xl = x - xh;
  const e = ((xh * xh - p) + 2.0 * xh * xl) + xl * xl;
  return expCorrS(-0.5 * p, -0.5 * e);
}

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
// @ts-ignore: decorator
@inline
export function erfSmallS(x: f64): f64 {
  const z = x * x;
  let num = A4 * z;
  let den = z;
  num = (num + A0) * z;
  den = (den + B0) * z;
  num = (num + A1) * z;
  den = (den + B1) * z;
  num = (num + A2) * z;
  den = (den + B2) * z;
  return (x * (num + A3)) / (den + B3);
}

/** R(y) with erfc(y) = e^(−y²)·R(y), 0.46875 < y ≤ 4 (Cody's second interval). */
// @ts-ignore: decorator
@inline
export function erfcMidS(y: f64): f64 {
  let num = C8 * y;
  let den = y;
  num = (num + C0) * y;
  den = (den + D0) * y;
  num = (num + C1) * y;
  den = (den + D1) * y;
  num = (num + C2) * y;
  den = (den + D2) * y;
  num = (num + C3) * y;
  den = (den + D3) * y;
  num = (num + C4) * y;
  den = (den + D4) * y;
  num = (num + C5) * y;
  den = (den + D5) * y;
  num = (num + C6) * y;
  den = (den + D6) * y;
  return (num + C7) / (den + D7);
}

/** R(y) with erfc(y) = e^(−y²)·R(y), y > 4 (Cody's third interval). */
// @ts-ignore: decorator
@inline
export function erfcTailS(y: f64): f64 {
  const z = 1.0 / (y * y);
  let num = P5 * z;
  let den = z;
  num = (num + P0) * z;
  den = (den + Q0) * z;
  num = (num + P1) * z;
  den = (den + Q1) * z;
  num = (num + P2) * z;
  den = (den + Q2) * z;
  num = (num + P3) * z;
  den = (den + Q3) * z;
  const r = (z * (num + P4)) / (den + Q4);
  return (INV_SQRT_PI - r) / y;
}

/** Φ(x) given g = exp(−x²/2) (from gaussS). Beyond the first interval g = 0 needs no rational (tail 0·R = 0). */
// @ts-ignore: decorator
@inline
export function ncdfS(x: f64, g: f64): f64 {
  const xs = x * SQRT_HALF;
  const y = abs<f64>(xs);
  if (y <= CODY_X1) return 0.5 + 0.5 * erfSmallS(xs);
  let R: f64 = 0.0;
  if (g != 0.0) R = y <= CODY_X2 ? erfcMidS(y) : erfcTailS(y);
  const tail = 0.5 * g * R;
  return x < 0.0 ? tail : 1.0 - tail;
}

/**
 * c·Φ(x) given c > 0 and cg = c·exp(−x²/2) from the caller (see ncdfScaledV): c·(½ + ½·erf(x/√2))
 * on Cody's first interval, cg·R/2 or c − cg·R/2 beyond. ncdfScaledS(x, 1, g) = ncdfS(x, g).
 */
// @ts-ignore: decorator
@inline
export function ncdfScaledS(x: f64, c: f64, cg: f64): f64 {
  const xs = x * SQRT_HALF;
  const y = abs<f64>(xs);
  if (y <= CODY_X1) return c * (0.5 + 0.5 * erfSmallS(xs));
  let R: f64 = 0.0;
  if (cg != 0.0) R = y <= CODY_X2 ? erfcMidS(y) : erfcTailS(y);
  const tail = 0.5 * cg * R;
  return x < 0.0 ? tail : c - tail;
}
