// Lane-wise (f64x2) versions of the kernel transcendentals: the same algorithm and
// operation order as scalarMath.ts, with branches replaced by masks and blends.
import {
  LN2_HI, LN2_LO, INV_LN2, SQRT2, SQRT_HALF, INV_SQRT_PI, SPLITTER, MIN_NORMAL, TWO54,
  EXP_MIN, EXP_MAX, EXP_ZERO, GAUSS_MAX,
  E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13,
  L1, L2, L3, L4, L5, L6, L7, L8, L9, L10,
  CODY_X1, CODY_X2, A0, A1, A2, A3, A4, B0, B1, B2, B3,
  C0, C1, C2, C3, C4, C5, C6, C7, C8, D0, D1, D2, D3, D4, D5, D6, D7,
  P0, P1, P2, P3, P4, P5, Q0, Q1, Q2, Q3, Q4,
} from './constants';

// Every f64x2 constant lives in linear memory, both lanes filled, and is read with one v128.load
// from a constant address. A v128.const / f64x2.splat(constant) inside a loop costs three
// instructions at each use in V8 (movq imm64, vmovq, vpunpcklqdq); a load is one. (V8 still
// schedules these loads early in their basic block and spills what does not fit in the 16 xmm
// registers; measured, the table is a few per cent faster on the Black kernel than splats.)
const VC: usize = memory.data<f64>([
  0.5, 0.5, // HALF
  1.0, 1.0, // ONE
  2.0, 2.0, // TWO
  -0.5, -0.5, // M_HALF
  EXP_MIN, EXP_MIN, // EXP_MIN
  EXP_ZERO, EXP_ZERO, // EXP_ZERO
  EXP_MAX, EXP_MAX, // EXP_MAX
  INV_LN2, INV_LN2, // INV_LN2
  LN2_HI, LN2_HI, // LN2_HI
  LN2_LO, LN2_LO, // LN2_LO
  4503599627371519.0, 4503599627371519.0, // MAGIC_BIAS
  4503599627370496.0, 4503599627370496.0, // TWO52
  1023.0, 1023.0, // BIAS
  E2, E2, // E2
  E3, E3, // E3
  E4, E4, // E4
  E5, E5, // E5
  E6, E6, // E6
  E7, E7, // E7
  E8, E8, // E8
  E9, E9, // E9
  E10, E10, // E10
  E11, E11, // E11
  E12, E12, // E12
  E13, E13, // E13
  MIN_NORMAL, MIN_NORMAL, // MIN_NORMAL
  TWO54, TWO54, // TWO54
  -54.0, -54.0, // M54
  SQRT2, SQRT2, // SQRT2
  L1, L1, // L1
  L2, L2, // L2
  L3, L3, // L3
  L4, L4, // L4
  L5, L5, // L5
  L6, L6, // L6
  L7, L7, // L7
  L8, L8, // L8
  L9, L9, // L9
  L10, L10, // L10
  GAUSS_MAX, GAUSS_MAX, // GAUSS_MAX
  SPLITTER, SPLITTER, // SPLITTER
  SQRT_HALF, SQRT_HALF, // SQRT_HALF
  INV_SQRT_PI, INV_SQRT_PI, // INV_SQRT_PI
  CODY_X1, CODY_X1, // CODY_X1
  CODY_X2, CODY_X2, // CODY_X2
  A0, A0, // A0
  A1, A1, // A1
  A2, A2, // A2
  A3, A3, // A3
  A4, A4, // A4
  B0, B0, // B0
  B1, B1, // B1
  B2, B2, // B2
  B3, B3, // B3
  C0, C0, // C0
  C1, C1, // C1
  C2, C2, // C2
  C3, C3, // C3
  C4, C4, // C4
  C5, C5, // C5
  C6, C6, // C6
  C7, C7, // C7
  C8, C8, // C8
  D0, D0, // D0
  D1, D1, // D1
  D2, D2, // D2
  D3, D3, // D3
  D4, D4, // D4
  D5, D5, // D5
  D6, D6, // D6
  D7, D7, // D7
  P0, P0, // P0
  P1, P1, // P1
  P2, P2, // P2
  P3, P3, // P3
  P4, P4, // P4
  P5, P5, // P5
  Q0, Q0, // Q0
  Q1, Q1, // Q1
  Q2, Q2, // Q2
  Q3, Q3, // Q3
  Q4, Q4, // Q4
], 16);
const V_HALF: i32 = 0;
const V_ONE: i32 = 1;
const V_TWO: i32 = 2;
const V_M_HALF: i32 = 3;
const V_EXP_MIN: i32 = 4;
const V_EXP_ZERO: i32 = 5;
const V_EXP_MAX: i32 = 6;
const V_INV_LN2: i32 = 7;
const V_LN2_HI: i32 = 8;
const V_LN2_LO: i32 = 9;
const V_MAGIC_BIAS: i32 = 10;
const V_TWO52: i32 = 11;
const V_BIAS: i32 = 12;
const V_E2: i32 = 13;
const V_E3: i32 = 14;
const V_E4: i32 = 15;
const V_E5: i32 = 16;
const V_E6: i32 = 17;
const V_E7: i32 = 18;
const V_E8: i32 = 19;
const V_E9: i32 = 20;
const V_E10: i32 = 21;
const V_E11: i32 = 22;
const V_E12: i32 = 23;
const V_E13: i32 = 24;
const V_MIN_NORMAL: i32 = 25;
const V_TWO54: i32 = 26;
const V_M54: i32 = 27;
const V_SQRT2: i32 = 28;
const V_L1: i32 = 29;
const V_L2: i32 = 30;
const V_L3: i32 = 31;
const V_L4: i32 = 32;
const V_L5: i32 = 33;
const V_L6: i32 = 34;
const V_L7: i32 = 35;
const V_L8: i32 = 36;
const V_L9: i32 = 37;
const V_L10: i32 = 38;
const V_GAUSS_MAX: i32 = 39;
const V_SPLITTER: i32 = 40;
const V_SQRT_HALF: i32 = 41;
const V_INV_SQRT_PI: i32 = 42;
const V_CODY_X1: i32 = 43;
const V_CODY_X2: i32 = 44;
const V_A0: i32 = 45;
const V_A1: i32 = 46;
const V_A2: i32 = 47;
const V_A3: i32 = 48;
const V_A4: i32 = 49;
const V_B0: i32 = 50;
const V_B1: i32 = 51;
const V_B2: i32 = 52;
const V_B3: i32 = 53;
const V_C0: i32 = 54;
const V_C1: i32 = 55;
const V_C2: i32 = 56;
const V_C3: i32 = 57;
const V_C4: i32 = 58;
const V_C5: i32 = 59;
const V_C6: i32 = 60;
const V_C7: i32 = 61;
const V_C8: i32 = 62;
const V_D0: i32 = 63;
const V_D1: i32 = 64;
const V_D2: i32 = 65;
const V_D3: i32 = 66;
const V_D4: i32 = 67;
const V_D5: i32 = 68;
const V_D6: i32 = 69;
const V_D7: i32 = 70;
const V_P0: i32 = 71;
const V_P1: i32 = 72;
const V_P2: i32 = 73;
const V_P3: i32 = 74;
const V_P4: i32 = 75;
const V_P5: i32 = 76;
const V_Q0: i32 = 77;
const V_Q1: i32 = 78;
const V_Q2: i32 = 79;
const V_Q3: i32 = 80;
const V_Q4: i32 = 81;
/** Integer masks, same layout. */
const VI: usize = memory.data<i64>([
  0x000FFFFFFFFFFFFF, 0x000FFFFFFFFFFFFF, // mantissa mask
  0x3FF0000000000000, 0x3FF0000000000000, // exponent of 1.0
], 16);
const VI_MANT: i32 = 0;
const VI_ONE: i32 = 1;

/** The f64x2 constant number i of the table. */
// @ts-ignore: decorator
@inline
function vc(i: i32): v128 {
  return v128.load(VC + (<usize>i << 4));
}

/** The integer mask number i. */
// @ts-ignore: decorator
@inline
function vi(i: i32): v128 {
  return v128.load(VI + (<usize>i << 4));
}

/** p·r + c (two roundings: WebAssembly SIMD has no fused multiply–add). */
// @ts-ignore: decorator
@inline
function fma2(p: v128, r: v128, c: i32): v128 {
  return f64x2.add(f64x2.mul(p, r), vc(c));
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
  const k1 = f64x2.floor(f64x2.mul(k, vc(V_HALF)));
  const k2 = f64x2.sub(k, k1);
  const magic = vc(V_MAGIC_BIAS); // 2^52 + 1023
  const s1 = i64x2.shl(f64x2.add(k1, magic), 52);
  const s2 = i64x2.shl(f64x2.add(k2, magic), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** e^(t + dt) lane-wise. */
// @ts-ignore: decorator
@inline
export function expCorrV(t: v128, dt: v128): v128 {
  t = f64x2.pmin(f64x2.pmax(t, vc(V_EXP_MIN)), vc(V_EXP_MAX)); // pmin/pmax: one minpd/maxpd each; NaN propagates
  // Lanes whose result is +0 anyway compute with t = 0 and are zeroed at the end: no denormal
  // arithmetic (see EXP_ZERO).
  const under = f64x2.lt(t, vc(V_EXP_ZERO));
  t = v128.andnot(t, under);
  const k = f64x2.floor(f64x2.add(f64x2.mul(t, vc(V_INV_LN2)), vc(V_HALF)));
  const r = f64x2.add(f64x2.sub(f64x2.sub(t, f64x2.mul(k, vc(V_LN2_HI))), f64x2.mul(k, vc(V_LN2_LO))), dt);
  // H(r) = E3 + E4 r + … + E13 r^10 by Estrin's scheme (depth 4 instead of 10), then three Horner steps.
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const q0 = fma2(vc(V_E4), r, V_E3);
  const q1 = fma2(vc(V_E6), r, V_E5);
  const q2 = fma2(vc(V_E8), r, V_E7);
  const q3 = fma2(vc(V_E10), r, V_E9);
  const q4 = fma2(vc(V_E12), r, V_E11);
  const s0 = f64x2.add(q0, f64x2.mul(q1, r2));
  const s1 = f64x2.add(q2, f64x2.mul(q3, r2));
  const s2 = f64x2.add(q4, f64x2.mul(vc(V_E13), r2));
  const t0 = f64x2.add(s0, f64x2.mul(s1, r4));
  let p = f64x2.add(t0, f64x2.mul(s2, r8));
  p = fma2(p, r, V_E2);
  p = fma2(p, r, V_ONE);
  p = fma2(p, r, V_ONE);
  return v128.andnot(scale2(p, k), under);
}

/** e^t lane-wise. */
// @ts-ignore: decorator
@inline
export function expV(t: v128): v128 {
  return expCorrV(t, f64x2.splat(0.0));
}

/** ln x lane-wise, x > 0. */
// @ts-ignore: decorator
@inline
export function logV(x: v128): v128 {
  const sub = f64x2.lt(x, vc(V_MIN_NORMAL));
  x = v128.bitselect(f64x2.mul(x, vc(V_TWO54)), x, sub);
  const eb = v128.and(vc(V_M54), sub);
  // biased exponent → f64 via the 2^52 magic: reinterpret(2^52 bits | ex) − 2^52 = ex
  const ex = i64x2.shr_u(x, 52);
  const exf = f64x2.sub(v128.or(ex, vc(V_TWO52)), vc(V_TWO52));
  let e = f64x2.add(f64x2.sub(exf, vc(V_BIAS)), eb);
  let m = v128.or(v128.and(x, vi(VI_MANT)), vi(VI_ONE));
  const big = f64x2.gt(m, vc(V_SQRT2));
  m = v128.bitselect(f64x2.mul(m, vc(V_HALF)), m, big);
  e = v128.bitselect(f64x2.add(e, vc(V_ONE)), e, big);
  const f = f64x2.sub(m, vc(V_ONE));
  const s = f64x2.div(f, f64x2.add(vc(V_TWO), f));
  const w = f64x2.mul(s, s);
  // R = w·(L1 + L2 w + … + L10 w^9) by Estrin's scheme.
  const w2 = f64x2.mul(w, w);
  const w4 = f64x2.mul(w2, w2);
  const w8 = f64x2.mul(w4, w4);
  const a0 = fma2(vc(V_L2), w, V_L1);
  const a1 = fma2(vc(V_L4), w, V_L3);
  const a2 = fma2(vc(V_L6), w, V_L5);
  const a3 = fma2(vc(V_L8), w, V_L7);
  const a4 = fma2(vc(V_L10), w, V_L9);
  const b0 = f64x2.add(a0, f64x2.mul(a1, w2));
  const b1 = f64x2.add(a2, f64x2.mul(a3, w2));
  const c0 = f64x2.add(b0, f64x2.mul(b1, w4));
  const R = f64x2.mul(f64x2.add(c0, f64x2.mul(a4, w8)), w);
  const lm = f64x2.sub(f, f64x2.mul(s, f64x2.sub(f, R)));
  return f64x2.add(f64x2.mul(e, vc(V_LN2_HI)), f64x2.add(lm, f64x2.mul(e, vc(V_LN2_LO))));
}

/** exp(−x²/2) lane-wise with Dekker's exact square. */
// @ts-ignore: decorator
@inline
export function gaussV(x: v128): v128 {
  x = f64x2.pmin(f64x2.abs(x), vc(V_GAUSS_MAX));
  const p = f64x2.mul(x, x);
  const c = f64x2.mul(vc(V_SPLITTER), x);
  const xh = f64x2.sub(c, f64x2.sub(c, x));
  const xl = f64x2.sub(x, xh);
  const e = f64x2.add(
    f64x2.add(f64x2.sub(f64x2.mul(xh, xh), p), f64x2.mul(f64x2.mul(vc(V_TWO), xh), xl)),
    f64x2.mul(xl, xl),
  );
  return expCorrV(f64x2.mul(vc(V_M_HALF), p), f64x2.mul(vc(V_M_HALF), e));
}

/** Cody's rational factor R(y) of erfc on y > 4 lane-wise (erfc(y) = e^(−y²)·R(y)); other lanes: don't care. */
// @ts-ignore: decorator
@inline
export function erfcTailV(y: v128): v128 {
  const z = f64x2.div(vc(V_ONE), f64x2.mul(y, y));
  let num = f64x2.mul(vc(V_P5), z);
  let den = z;
  num = f64x2.mul(f64x2.add(num, vc(V_P0)), z);
  den = f64x2.mul(f64x2.add(den, vc(V_Q0)), z);
  num = f64x2.mul(f64x2.add(num, vc(V_P1)), z);
  den = f64x2.mul(f64x2.add(den, vc(V_Q1)), z);
  num = f64x2.mul(f64x2.add(num, vc(V_P2)), z);
  den = f64x2.mul(f64x2.add(den, vc(V_Q2)), z);
  num = f64x2.mul(f64x2.add(num, vc(V_P3)), z);
  den = f64x2.mul(f64x2.add(den, vc(V_Q3)), z);
  const r = f64x2.div(f64x2.mul(z, f64x2.add(num, vc(V_P4))), f64x2.add(den, vc(V_Q4)));
  return f64x2.div(f64x2.sub(vc(V_INV_SQRT_PI), r), y);
}

/**
 * c·Φ(x) lane-wise, given c > 0 and cg = c·exp(−x²/2) computed by the caller — possibly by an
 * exact identity rather than from x: the Black kernel passes c = K·e^(−rT) and
 * cg = S·e^(−qT)·exp(−d1²/2), which equals K·e^(−rT)·exp(−d2²/2).
 *
 * Cody's three intervals, without branches: c·(½ + ½·erf(x/√2)) for |x|/√2 ≤ 0.46875, else
 * cg·R/2 (x < 0) or c − cg·R/2 with erfc(y) = e^(−y²)·R(y). Every lane evaluates the first two
 * rationals (numerators and denominators blended, one division) and the third (on max(y, 4)),
 * and the lanes are blended. On random inputs the lanes of a pair often fall in different
 * intervals, so the former "evaluate an interval only if some lane needs it" version paid for
 * two or three rationals anyway, plus branch mispredictions; this one has none. The operations
 * on each lane's own interval are those of erfSmall / erfcMid / erfcTail, so the result is the
 * same bit for bit (and ncdfScaledV(x, 1, g) = ncdfV(x, g) = ncdfS(x, g)).
 */
// @ts-ignore: decorator
@inline
export function ncdfScaledV(x: v128, c: v128, cg: v128): v128 {
  const xs = f64x2.mul(x, vc(V_SQRT_HALF));
  const y = f64x2.abs(xs);
  const m1 = f64x2.le(y, vc(V_CODY_X1));
  const m3 = f64x2.gt(y, vc(V_CODY_X2));
  const Q = codyBlendV(xs, y, m1); // erf(xs) or R(y)
  // Third interval, on max(y, 4) so that every lane stays finite.
  const R = v128.bitselect(erfcTailV(f64x2.pmax(y, vc(V_CODY_X2))), Q, m3);
  const tail = f64x2.mul(f64x2.mul(vc(V_HALF), cg), R);
  const big = v128.bitselect(tail, f64x2.sub(c, tail), f64x2.lt(x, f64x2.splat(0.0)));
  const small = f64x2.mul(c, f64x2.add(vc(V_HALF), f64x2.mul(vc(V_HALF), Q)));
  return v128.bitselect(small, big, m1);
}

/**
 * Cody's first two rationals blended, one division: erf(xs) = xs·Ns(xs²)/Ds(xs²) on the lanes of
 * m1 (|xs| ≤ 0.46875), R(y) = Nm(y)/Dm(y) with erfc(y) = e^(−y²)·R(y) on the others (y ≤ 4 for
 * them to mean anything), each with erfSmallS's / erfcMidS's operations.
 */
// @ts-ignore: decorator
@inline
export function codyBlendV(xs: v128, y: v128, m1: v128): v128 {
  // First interval: erf(xs) = xs·Ns(z)/Ds(z), z = xs².
  const z = f64x2.mul(xs, xs);
  let ns = f64x2.mul(vc(V_A4), z);
  let ds = z;
  ns = f64x2.mul(f64x2.add(ns, vc(V_A0)), z);
  ds = f64x2.mul(f64x2.add(ds, vc(V_B0)), z);
  ns = f64x2.mul(f64x2.add(ns, vc(V_A1)), z);
  ds = f64x2.mul(f64x2.add(ds, vc(V_B1)), z);
  ns = f64x2.mul(f64x2.add(ns, vc(V_A2)), z);
  ds = f64x2.mul(f64x2.add(ds, vc(V_B2)), z);
  ns = f64x2.mul(xs, f64x2.add(ns, vc(V_A3)));
  ds = f64x2.add(ds, vc(V_B3));
  // Second interval: R(y) = Nm(y)/Dm(y).
  let nm = f64x2.mul(vc(V_C8), y);
  let dm = y;
  nm = f64x2.mul(f64x2.add(nm, vc(V_C0)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D0)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C1)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D1)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C2)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D2)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C3)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D3)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C4)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D4)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C5)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D5)), y);
  nm = f64x2.mul(f64x2.add(nm, vc(V_C6)), y);
  dm = f64x2.mul(f64x2.add(dm, vc(V_D6)), y);
  nm = f64x2.add(nm, vc(V_C7));
  dm = f64x2.add(dm, vc(V_D7));
  return f64x2.div(v128.bitselect(ns, nm, m1), v128.bitselect(ds, dm, m1));
}

/** Φ(x) lane-wise given g = exp(−x²/2) (from gaussV): ncdfScaledV(x, 1, g), branch-free. */
// @ts-ignore: decorator
@inline
export function ncdfV(x: v128, g: v128): v128 {
  return ncdfScaledV(x, vc(V_ONE), g);
}
