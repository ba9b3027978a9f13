// The tabulated initial guess of the implied-vol kernels and its one Householder(3) step: an
// operation-for-operation transliteration of src/kernels/_lib/impliedVolTable.ts (the TypeScript
// reference, where the coordinates and the grid are explained). The table R = s/s₀ on
// u ∈ [0, 10] × s₀ ∈ [0, 2] is built in this module's static memory on first use, from the
// scalar "Let's Be Rational" inversion, so it is bit-identical to the reference's.
// Sources: K. Glau, P. Herold, D. B. Madan, C. Pötz, J. Comput. Finance (2019), arXiv:1710.01797
// (tabulating the implied volatility in transformed coordinates); P. Jäckel, "Let's Be Rational"
// (2015), §6.
import { expS, logS } from './scalarMath';
import { lastVega, normalisedBlackAndVega, normalisedImpliedStdDevOtm, plainObjectiveStep } from './impliedVolMath';
import {
  blackAndVegaV, halleyTermsV, lastHalleyV, lastHh3V, lastVegaV, plainObjectiveStepV,
} from './impliedVolSimdMath';
import { logV } from './simdMath';

export const IV_TABLE_NU: i32 = 101;
export const IV_TABLE_NV: i32 = 41;
export const U_STEP_INV: f64 = 10.0;
export const V_STEP_INV: f64 = 20.0;
export const U_MAX: f64 = 10.0;
export const V_MAX: f64 = 2.0;
export const ONE_OVER_SQRT_TWO_PI: f64 = 0.3989422804014327;
export const SQRT_TWO_PI: f64 = 2.5066282746310002;
const ONE_SIXTH: f64 = 1.0 / 6.0;

const TABLE: usize = memory.data(IV_TABLE_NU * IV_TABLE_NV * 8, 16);
let built: bool = false;

let cu: f64 = 0.0;
let cs0: f64 = 0.0;

// @ts-ignore: decorator
@inline
function coordinates(beta: f64, x: f64): void {
  const k = (ONE_OVER_SQRT_TWO_PI * -x) / beta;
  const y = 1.0 + k;
  const ratio = y == 1.0 ? 1.0 : (y - 1.0) / logS(y);
  const w = k / ratio;
  const q = sqrt<f64>(1.0 + 2.0 * w);
  cu = q - 1.0;
  cs0 = SQRT_TWO_PI * beta * ratio * (q + 1.0) * 0.5;
}

let w0: f64 = 0.0;
let w1: f64 = 0.0;
let w2: f64 = 0.0;
let w3: f64 = 0.0;

// @ts-ignore: decorator
@inline
function lagrangeWeights(t: f64): void {
  const tp1 = t + 1.0;
  const tm1 = t - 1.0;
  const tm2 = t - 2.0;
  w0 = -t * tm1 * tm2 * ONE_SIXTH;
  w1 = tp1 * tm1 * tm2 * 0.5;
  w2 = -tp1 * t * tm2 * 0.5;
  w3 = tp1 * t * tm1 * ONE_SIXTH;
}

/** Builds the table once (4,141 scalar inversions); every kernel entry calls this first. */
export function ensureImpliedVolTable(): void {
  if (built) return;
  for (let i: i32 = 0; i < IV_TABLE_NU; i++) {
    const u = <f64>i / U_STEP_INV;
    const w = u + 0.5 * u * u;
    const k = expS(w) - 1.0;
    const ratio = w > 0.0 ? k / w : 1.0;
    for (let j: i32 = 0; j < IV_TABLE_NV; j++) {
      const v = j == 0 ? 1e-8 : <f64>j / V_STEP_INV;
      const beta = (v * ONE_OVER_SQRT_TWO_PI) / (ratio * (1.0 + 0.5 * u));
      const x = -(k * beta * SQRT_TWO_PI);
      coordinates(beta, x);
      store<f64>(TABLE + ((<usize>(i * IV_TABLE_NV + j)) << 3), normalisedImpliedStdDevOtm(beta, x, 2) / cs0);
    }
  }
  built = true;
}

/** Byte offset of the table, built first if need be (the TypeScript side copies it from here). */
export function impliedVolTableAddress(): usize {
  ensureImpliedVolTable();
  return TABLE;
}

// @ts-ignore: decorator
@inline
function row(o: usize): f64 {
  return w0 * load<f64>(o) + w1 * load<f64>(o + 8) + w2 * load<f64>(o + 16) + w3 * load<f64>(o + 24);
}

/** The interpolated guess s₀·R(u, s₀) for u < 10, s₀ < 2 (the table built). */
export function tableGuess(u: f64, s0: f64): f64 {
  const fu = u * U_STEP_INV;
  const fv = s0 * V_STEP_INV;
  const i = <i32>min<f64>(max<f64>(floor<f64>(fu), 1.0), <f64>(IV_TABLE_NU - 3));
  const j = <i32>min<f64>(max<f64>(floor<f64>(fv), 1.0), <f64>(IV_TABLE_NV - 3));
  lagrangeWeights(fv - <f64>j);
  let o = TABLE + ((<usize>((i - 1) * IV_TABLE_NV + (j - 1))) << 3);
  const stride = <usize>IV_TABLE_NV << 3;
  const r0 = row(o);
  o += stride;
  const r1 = row(o);
  o += stride;
  const r2 = row(o);
  o += stride;
  const r3 = row(o);
  lagrangeWeights(fu - <f64>i);
  return s0 * (w0 * r0 + w1 * r1 + w2 * r2 + w3 * r3);
}

// Lagrange weights of two lanes (set by lagrangeWeightsV), as lagrangeWeights computes them.
let wv0: v128 = f64x2.splat(0.0);
let wv1: v128 = f64x2.splat(0.0);
let wv2: v128 = f64x2.splat(0.0);
let wv3: v128 = f64x2.splat(0.0);

// @ts-ignore: decorator
@inline
function lagrangeWeightsV(t: v128): void {
  const tp1 = f64x2.add(t, f64x2.splat(1.0));
  const tm1 = f64x2.sub(t, f64x2.splat(1.0));
  const tm2 = f64x2.sub(t, f64x2.splat(2.0));
  wv0 = f64x2.mul(f64x2.mul(f64x2.mul(f64x2.neg(t), tm1), tm2), f64x2.splat(ONE_SIXTH));
  wv1 = f64x2.mul(f64x2.mul(f64x2.mul(tp1, tm1), tm2), f64x2.splat(0.5));
  wv2 = f64x2.mul(f64x2.mul(f64x2.mul(f64x2.neg(tp1), t), tm2), f64x2.splat(0.5));
  wv3 = f64x2.mul(f64x2.mul(f64x2.mul(tp1, t), tm1), f64x2.splat(ONE_SIXTH));
}

/** Table values at byte offsets o0 (lane 0) and o1 (lane 1). */
// @ts-ignore: decorator
@inline
function gather(o0: usize, o1: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(o0)), 1, load<f64>(o1));
}

// @ts-ignore: decorator
@inline
function rowV(o0: usize, o1: usize, a: v128, b: v128, c: v128, d: v128): v128 {
  return f64x2.add(
    f64x2.add(f64x2.add(f64x2.mul(a, gather(o0, o1)), f64x2.mul(b, gather(o0 + 8, o1 + 8))), f64x2.mul(c, gather(o0 + 16, o1 + 16))),
    f64x2.mul(d, gather(o0 + 24, o1 + 24)),
  );
}

/** tableGuess for two lanes: the same operations, the weights lane-wise, the reads per lane. */
// @ts-ignore: decorator
@inline
function tableGuessV(u: v128, s0: v128): v128 {
  const fu = f64x2.mul(u, f64x2.splat(U_STEP_INV));
  const fv = f64x2.mul(s0, f64x2.splat(V_STEP_INV));
  const i = f64x2.min(f64x2.max(f64x2.floor(fu), f64x2.splat(1.0)), f64x2.splat(<f64>(IV_TABLE_NU - 3)));
  const j = f64x2.min(f64x2.max(f64x2.floor(fv), f64x2.splat(1.0)), f64x2.splat(<f64>(IV_TABLE_NV - 3)));
  // Node index (i − 1)·NV + (j − 1), exact in f64.
  const node = f64x2.add(f64x2.mul(f64x2.sub(i, f64x2.splat(1.0)), f64x2.splat(<f64>IV_TABLE_NV)), f64x2.sub(j, f64x2.splat(1.0)));
  let o0 = TABLE + ((<usize><i32>f64x2.extract_lane(node, 0)) << 3);
  let o1 = TABLE + ((<usize><i32>f64x2.extract_lane(node, 1)) << 3);
  const stride = <usize>IV_TABLE_NV << 3;
  lagrangeWeightsV(f64x2.sub(fv, j));
  const a = wv0;
  const b = wv1;
  const c = wv2;
  const d = wv3;
  const r0 = rowV(o0, o1, a, b, c, d);
  o0 += stride;
  o1 += stride;
  const r1 = rowV(o0, o1, a, b, c, d);
  o0 += stride;
  o1 += stride;
  const r2 = rowV(o0, o1, a, b, c, d);
  o0 += stride;
  o1 += stride;
  const r3 = rowV(o0, o1, a, b, c, d);
  lagrangeWeightsV(f64x2.sub(fu, i));
  return f64x2.mul(
    s0,
    f64x2.add(f64x2.add(f64x2.add(f64x2.mul(wv0, r0), f64x2.mul(wv1, r1)), f64x2.mul(wv2, r2)), f64x2.mul(wv3, r3)),
  );
}

/** s with b(x, s) = β from the table and one Householder(3) step on b − β, or NaN (then: the full inversion). */
export function tableNormalisedImpliedStdDevOtm(beta: f64, x: f64): f64 {
  coordinates(beta, x);
  const u = cu;
  const s0 = cs0;
  if (!(u < U_MAX && s0 < V_MAX)) return NaN;
  const s = tableGuess(u, s0);
  const b = normalisedBlackAndVega(x, s);
  const bp = lastVega;
  if (!(b > 0.0 && bp > 0.0)) return NaN;
  const xOverS = x / s;
  const bHalley = (xOverS * xOverS) / s - 0.25 * s;
  const bHh3 = bHalley * bHalley - 3.0 * (xOverS / s) * (xOverS / s) - 0.25;
  const next = s + max<f64>(-0.5 * s, plainObjectiveStep(beta, b, bp, bHalley, bHh3));
  return next > 0.0 && next < Infinity ? next : NaN;
}

/** Implied s of an undiscounted price p on f, k > 0, θ = ±1 (p within its bounds): table and one step, else the full inversion. */
export function impliedStdDev(p: f64, f: f64, k: f64, theta: f64): f64 {
  const timeValue = p - max<f64>(theta * (f - k), 0.0);
  if (!(timeValue > 0.0)) return 0.0;
  const beta = timeValue / (sqrt<f64>(f) * sqrt<f64>(k));
  const x = -abs<f64>(logS(f / k));
  const s = tableNormalisedImpliedStdDevOtm(beta, x);
  return s == s ? s : normalisedImpliedStdDevOtm(beta, x, 2);
}

/** Whether the table reached at least one lane at the last tableNormalisedImpliedStdDevOtmV call. */
export let tableReachesSomeLaneV: bool = false;

/**
 * tableNormalisedImpliedStdDevOtm for two lanes: the coordinates, the Householder step and its
 * checks lane-wise, the table reads lane by lane. All lanes NaN when a lane lies outside the
 * table (tableReachesSomeLaneV tells whether the other one is inside); a lane NaN where its step
 * is unusable.
 */
export function tableNormalisedImpliedStdDevOtmV(beta: v128, x: v128): v128 {
  const one = f64x2.splat(1.0);
  const zero = f64x2.splat(0.0);
  const k = f64x2.div(f64x2.mul(f64x2.splat(ONE_OVER_SQRT_TWO_PI), f64x2.neg(x)), beta);
  const y = f64x2.add(one, k);
  const ratio = v128.bitselect(one, f64x2.div(f64x2.sub(y, one), logV(y)), f64x2.eq(y, one));
  const w = f64x2.div(k, ratio);
  const q = f64x2.sqrt(f64x2.add(one, f64x2.mul(f64x2.splat(2.0), w)));
  const u = f64x2.sub(q, one);
  const s0 = f64x2.mul(f64x2.mul(f64x2.mul(f64x2.mul(f64x2.splat(SQRT_TWO_PI), beta), ratio), f64x2.add(q, one)), f64x2.splat(0.5));
  const reach = v128.and(f64x2.lt(u, f64x2.splat(U_MAX)), f64x2.lt(s0, f64x2.splat(V_MAX)));
  tableReachesSomeLaneV = v128.any_true(reach);
  if (!v128.all_true<i64>(reach)) return f64x2.splat(NaN);
  const s = tableGuessV(u, s0);
  const b = blackAndVegaV(x, s);
  const bp = lastVegaV;
  halleyTermsV(x, s);
  const bHalley = lastHalleyV;
  const bHh3 = lastHh3V;
  const next = f64x2.add(s, f64x2.max(f64x2.mul(f64x2.splat(-0.5), s), plainObjectiveStepV(beta, b, bp, bHalley, bHh3)));
  const ok = v128.and(
    v128.and(f64x2.gt(b, zero), f64x2.gt(bp, zero)),
    v128.and(f64x2.gt(next, zero), f64x2.lt(next, f64x2.splat(Infinity))),
  );
  return v128.bitselect(next, f64x2.splat(NaN), ok);
}
