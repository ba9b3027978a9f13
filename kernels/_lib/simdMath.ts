// Lane-wise (f64x2) versions of the kernel transcendentals: the same algorithm and
// operation order as scalarMath.ts, with branches replaced by masks and blends.
import {
  LN2_HI, LN2_LO, INV_LN2, SQRT2, SQRT_HALF, INV_SQRT_PI, SPLITTER, MIN_NORMAL, TWO54,
  EXP_MIN, EXP_MAX, GAUSS_MAX,
  E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13,
  L1, L2, L3, L4, L5, L6, L7, L8, L9, L10,
  CODY_X1, CODY_X2, A0, A1, A2, A3, A4, B0, B1, B2, B3,
  C0, C1, C2, C3, C4, C5, C6, C7, C8, D0, D1, D2, D3, D4, D5, D6, D7,
  P0, P1, P2, P3, P4, P5, Q0, Q1, Q2, Q3, Q4,
} from './constants';

// @ts-ignore: decorator
@inline
function sp(x: f64): v128 {
  return f64x2.splat(x);
}

// @ts-ignore: decorator
@inline
function fma2(p: v128, r: v128, c: f64): v128 {
  return f64x2.add(f64x2.mul(p, r), f64x2.splat(c));
}

/**
 * p·2^k for integral-valued f64 lanes k in [−1100, 1100], as two exact factors 2^k1·2^k2
 * (k1 = ⌊k/2⌋) applied in order, so subnormal results round once. Each factor's bits come from
 * the 2^52 magic: k1 + (2^52 + 1023) holds k1 + 1023 in its low mantissa bits, and a 64-bit
 * left shift by 52 moves them into the exponent field (no f64→i64 conversion, no 64-bit
 * arithmetic shift, which x86 SIMD lacks).
 */
// @ts-ignore: decorator
@inline
function scale2(p: v128, k: v128): v128 {
  const k1 = f64x2.floor(f64x2.mul(k, sp(0.5)));
  const k2 = f64x2.sub(k, k1);
  const magic = sp(4503599627371519.0); // 2^52 + 1023
  const s1 = i64x2.shl(f64x2.add(k1, magic), 52);
  const s2 = i64x2.shl(f64x2.add(k2, magic), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** e^(t + dt) lane-wise. */
// @ts-ignore: decorator
@inline
export function expCorrV(t: v128, dt: v128): v128 {
  t = f64x2.pmin(f64x2.pmax(t, sp(EXP_MIN)), sp(EXP_MAX)); // pmin/pmax: one minpd/maxpd each; NaN propagates
  const k = f64x2.floor(f64x2.add(f64x2.mul(t, sp(INV_LN2)), sp(0.5)));
  const r = f64x2.add(f64x2.sub(f64x2.sub(t, f64x2.mul(k, sp(LN2_HI))), f64x2.mul(k, sp(LN2_LO))), dt);
  let p = sp(E13);
  p = fma2(p, r, E12);
  p = fma2(p, r, E11);
  p = fma2(p, r, E10);
  p = fma2(p, r, E9);
  p = fma2(p, r, E8);
  p = fma2(p, r, E7);
  p = fma2(p, r, E6);
  p = fma2(p, r, E5);
  p = fma2(p, r, E4);
  p = fma2(p, r, E3);
  p = fma2(p, r, E2);
  p = fma2(p, r, 1.0);
  p = fma2(p, r, 1.0);
  return scale2(p, k);
}

/** e^t lane-wise. */
// @ts-ignore: decorator
@inline
export function expV(t: v128): v128 {
  return expCorrV(t, sp(0.0));
}

/** ln x lane-wise, x > 0. */
// @ts-ignore: decorator
@inline
export function logV(x: v128): v128 {
  const sub = f64x2.lt(x, sp(MIN_NORMAL));
  x = v128.bitselect(f64x2.mul(x, sp(TWO54)), x, sub);
  const eb = v128.and(sp(-54.0), sub);
  // biased exponent → f64 via the 2^52 magic: reinterpret(2^52 bits | ex) − 2^52 = ex
  const ex = i64x2.shr_u(x, 52);
  const exf = f64x2.sub(v128.or(ex, i64x2.splat(0x4330000000000000)), sp(4503599627370496.0));
  let e = f64x2.add(f64x2.sub(exf, sp(1023.0)), eb);
  let m = v128.or(v128.and(x, i64x2.splat(0x000FFFFFFFFFFFFF)), i64x2.splat(0x3FF0000000000000));
  const big = f64x2.gt(m, sp(SQRT2));
  m = v128.bitselect(f64x2.mul(m, sp(0.5)), m, big);
  e = v128.bitselect(f64x2.add(e, sp(1.0)), e, big);
  const f = f64x2.sub(m, sp(1.0));
  const s = f64x2.div(f, f64x2.add(sp(2.0), f));
  const w = f64x2.mul(s, s);
  let R = sp(L10);
  R = fma2(R, w, L9);
  R = fma2(R, w, L8);
  R = fma2(R, w, L7);
  R = fma2(R, w, L6);
  R = fma2(R, w, L5);
  R = fma2(R, w, L4);
  R = fma2(R, w, L3);
  R = fma2(R, w, L2);
  R = fma2(R, w, L1);
  R = f64x2.mul(R, w);
  const lm = f64x2.sub(f, f64x2.mul(s, f64x2.sub(f, R)));
  return f64x2.add(f64x2.mul(e, sp(LN2_HI)), f64x2.add(lm, f64x2.mul(e, sp(LN2_LO))));
}

/** exp(−x²/2) lane-wise with Dekker's exact square. */
// @ts-ignore: decorator
@inline
export function gaussV(x: v128): v128 {
  x = f64x2.pmin(f64x2.abs(x), sp(GAUSS_MAX));
  const p = f64x2.mul(x, x);
  const c = f64x2.mul(sp(SPLITTER), x);
  const xh = f64x2.sub(c, f64x2.sub(c, x));
  const xl = f64x2.sub(x, xh);
  const e = f64x2.add(
    f64x2.add(f64x2.sub(f64x2.mul(xh, xh), p), f64x2.mul(f64x2.mul(sp(2.0), xh), xl)),
    f64x2.mul(xl, xl),
  );
  return expCorrV(f64x2.mul(sp(-0.5), p), f64x2.mul(sp(-0.5), e));
}

// @ts-ignore: decorator
@inline
function erfSmallV(x: v128): v128 {
  const z = f64x2.mul(x, x);
  let num = f64x2.mul(sp(A4), z);
  let den = z;
  num = f64x2.mul(f64x2.add(num, sp(A0)), z);
  den = f64x2.mul(f64x2.add(den, sp(B0)), z);
  num = f64x2.mul(f64x2.add(num, sp(A1)), z);
  den = f64x2.mul(f64x2.add(den, sp(B1)), z);
  num = f64x2.mul(f64x2.add(num, sp(A2)), z);
  den = f64x2.mul(f64x2.add(den, sp(B2)), z);
  return f64x2.div(f64x2.mul(x, f64x2.add(num, sp(A3))), f64x2.add(den, sp(B3)));
}

// @ts-ignore: decorator
@inline
function erfcMidV(y: v128): v128 {
  let num = f64x2.mul(sp(C8), y);
  let den = y;
  num = f64x2.mul(f64x2.add(num, sp(C0)), y);
  den = f64x2.mul(f64x2.add(den, sp(D0)), y);
  num = f64x2.mul(f64x2.add(num, sp(C1)), y);
  den = f64x2.mul(f64x2.add(den, sp(D1)), y);
  num = f64x2.mul(f64x2.add(num, sp(C2)), y);
  den = f64x2.mul(f64x2.add(den, sp(D2)), y);
  num = f64x2.mul(f64x2.add(num, sp(C3)), y);
  den = f64x2.mul(f64x2.add(den, sp(D3)), y);
  num = f64x2.mul(f64x2.add(num, sp(C4)), y);
  den = f64x2.mul(f64x2.add(den, sp(D4)), y);
  num = f64x2.mul(f64x2.add(num, sp(C5)), y);
  den = f64x2.mul(f64x2.add(den, sp(D5)), y);
  num = f64x2.mul(f64x2.add(num, sp(C6)), y);
  den = f64x2.mul(f64x2.add(den, sp(D6)), y);
  return f64x2.div(f64x2.add(num, sp(C7)), f64x2.add(den, sp(D7)));
}

// @ts-ignore: decorator
@inline
function erfcTailV(y: v128): v128 {
  const z = f64x2.div(sp(1.0), f64x2.mul(y, y));
  let num = f64x2.mul(sp(P5), z);
  let den = z;
  num = f64x2.mul(f64x2.add(num, sp(P0)), z);
  den = f64x2.mul(f64x2.add(den, sp(Q0)), z);
  num = f64x2.mul(f64x2.add(num, sp(P1)), z);
  den = f64x2.mul(f64x2.add(den, sp(Q1)), z);
  num = f64x2.mul(f64x2.add(num, sp(P2)), z);
  den = f64x2.mul(f64x2.add(den, sp(Q2)), z);
  num = f64x2.mul(f64x2.add(num, sp(P3)), z);
  den = f64x2.mul(f64x2.add(den, sp(Q3)), z);
  const r = f64x2.div(f64x2.mul(z, f64x2.add(num, sp(P4))), f64x2.add(den, sp(Q4)));
  return f64x2.div(f64x2.sub(sp(INV_SQRT_PI), r), y);
}

/**
 * Φ(x) lane-wise given g = exp(−x²/2). Each of Cody's three intervals is evaluated only
 * when at least one lane falls in it, then the lanes are blended.
 */
// @ts-ignore: decorator
@inline
export function ncdfV(x: v128, g: v128): v128 {
  const xs = f64x2.mul(x, sp(SQRT_HALF));
  const y = f64x2.abs(xs);
  const m1 = f64x2.le(y, sp(CODY_X1));
  const m3 = f64x2.gt(y, sp(CODY_X2));
  const m2 = v128.not(v128.or(m1, m3));
  let small = sp(0.0);
  if (v128.any_true(m1)) small = f64x2.add(sp(0.5), f64x2.mul(sp(0.5), erfSmallV(xs)));
  if (v128.all_true<i64>(m1)) return small;
  let R = sp(0.0);
  if (v128.any_true(m2)) R = erfcMidV(y);
  if (v128.any_true(m3)) R = v128.bitselect(erfcTailV(y), R, m3);
  const tail = f64x2.mul(f64x2.mul(sp(0.5), g), R);
  const big = v128.bitselect(tail, f64x2.sub(sp(1.0), tail), f64x2.lt(x, sp(0.0)));
  return v128.bitselect(small, big, m1);
}
