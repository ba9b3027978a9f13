// Implied Black-76 volatility batch over struct-of-arrays f64 buffers: per option (ω = +1 call,
// −1 put) p = price/D, s = impliedStdDev(p, F, K, ω) — the tabulated guess and one Householder(3)
// step where the table reaches (kernels/_lib/impliedVolTable.ts), else Jäckel's "Let's Be
// Rational": the four-branch rational guess and at most two steps (kernels/_lib/impliedVolMath.ts)
// — and σ = s/√T. impliedVolValidate checks the inputs first (F, K, T, D > 0; ω = ±1;
// D·(ω(F − K))⁺ ≤ price < D·F or D·K), so the loops never see bad data.
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision.
export { impliedVolTableAddress } from './_lib/impliedVolTable';
import { ensureImpliedVolTable, impliedStdDev, tableNormalisedImpliedStdDevOtmV, tableReachesSomeLaneV } from './_lib/impliedVolTable';
import {
  guessFromSide, sidePoint,
  gS, gSLeft, gSRight, gObjective, DBL_EPSILON, DBL_MIN, ONE_OVER_SQRT_TWO_PI, CODY_X1,
} from './_lib/impliedVolMath';
import { blackAndVegaV, lastVegaV, iterateV, codyRationalV, lowerMapGuessV } from './_lib/impliedVolSimdMath';
import { expV, logV } from './_lib/simdMath';

// @ts-ignore: decorator
@inline
function one(o: usize, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize, vol: usize): void {
  const s = impliedStdDev(load<f64>(price + o) / load<f64>(D + o), load<f64>(F + o), load<f64>(K + o), load<f64>(w + o));
  store<f64>(vol + o, s / sqrt<f64>(load<f64>(T + o)));
}

/**
 * Scalar loop over n options. Pointers are byte offsets of f64 arrays of length n: prices
 * (discounted), forwards, strikes, expiries (years), discount factors, option types (±1);
 * `vol` receives σ (annualised).
 */
export function impliedVolScalar(n: i32, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize, vol: usize): void {
  ensureImpliedVolTable();
  for (let i: i32 = 0; i < n; i++) one(<usize>i << 3, price, F, K, T, D, w, vol);
}

/**
 * f64x2 loop over n options, two per step, the same algorithm and operations as the scalar loop.
 * Pairs the table serves whole run its coordinates, step and checks lane-wise (the table reads per
 * lane); pairs it serves in part go lane by lane through the scalar path. For pairs it does not
 * serve, Let's Be Rational: normalisation, the central and side points of the guess and the Householder iterations run
 * lane-wise (Regions II–IV of the normalised Black function; Region I lane by lane), and so does
 * the lowest branch of the guess (lower map, rational cubic, AS 241); the other three branches
 * run per lane. Pairs with a price at its intrinsic value, and an odd
 * tail, go through the scalar path.
 */
export function impliedVolSimd(n: i32, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize, vol: usize): void {
  ensureImpliedVolTable();
  const zero = f64x2.splat(0.0);
  const pairs = n & ~1;
  for (let i: i32 = 0; i < pairs; i += 2) {
    const o = <usize>i << 3;
    const vF = v128.load(F + o);
    const vK = v128.load(K + o);
    const p = f64x2.div(v128.load(price + o), v128.load(D + o));
    const timeValue = f64x2.sub(p, f64x2.max(f64x2.mul(v128.load(w + o), f64x2.sub(vF, vK)), zero));
    let beta = f64x2.div(timeValue, f64x2.mul(f64x2.sqrt(vF), f64x2.sqrt(vK)));
    if (!v128.all_true<i64>(f64x2.gt(beta, zero))) {
      one(o, price, F, K, T, D, w, vol);
      one(o + 8, price, F, K, T, D, w, vol);
      continue;
    }
    const x = f64x2.neg(f64x2.abs(logV(f64x2.div(vF, vK))));
    // The table and one step where both lanes reach it; a pair it serves in part goes lane by lane.
    const fast = tableNormalisedImpliedStdDevOtmV(beta, x);
    if (v128.all_true<i64>(f64x2.eq(fast, fast))) {
      v128.store(vol + o, f64x2.div(fast, f64x2.sqrt(v128.load(T + o))));
      continue;
    }
    if (tableReachesSomeLaneV) {
      one(o, price, F, K, T, D, w, vol);
      one(o + 8, price, F, K, T, D, w, vol);
      continue;
    }
    const bMax = expV(f64x2.mul(f64x2.splat(0.5), x));
    beta = v128.bitselect(beta, f64x2.mul(bMax, f64x2.splat(1.0 - DBL_EPSILON)), f64x2.lt(beta, bMax));
    const sC = f64x2.sqrt(f64x2.abs(f64x2.mul(f64x2.splat(2.0), x)));
    // Central point s_c: closed form where √|x| > 0.46875, else the general evaluation.
    const rootAbsX = f64x2.sqrt(f64x2.neg(x));
    const closed = f64x2.gt(rootAbsX, f64x2.splat(CODY_X1));
    let bC = zero;
    let vC = zero;
    if (!v128.all_true<i64>(closed)) {
      bC = blackAndVegaV(x, sC);
      vC = lastVegaV;
    }
    if (v128.any_true(closed)) {
      const closedB = f64x2.mul(f64x2.mul(f64x2.splat(0.5), bMax), f64x2.sub(f64x2.splat(1.0), codyRationalV(rootAbsX)));
      bC = v128.bitselect(closedB, bC, closed);
      vC = v128.bitselect(f64x2.mul(f64x2.splat(ONE_OVER_SQRT_TWO_PI), bMax), vC, closed);
    }
    const b0 = f64x2.extract_lane(beta, 0);
    const b1 = f64x2.extract_lane(beta, 1);
    const x0 = f64x2.extract_lane(x, 0);
    const x1 = f64x2.extract_lane(x, 1);
    const m0 = f64x2.extract_lane(bMax, 0);
    const m1 = f64x2.extract_lane(bMax, 1);
    const sc0 = f64x2.extract_lane(sC, 0);
    const sc1 = f64x2.extract_lane(sC, 1);
    const bc0 = f64x2.extract_lane(bC, 0);
    const bc1 = f64x2.extract_lane(bC, 1);
    const vc0 = f64x2.extract_lane(vC, 0);
    const vc1 = f64x2.extract_lane(vC, 1);
    const side = f64x2.replace_lane(f64x2.splat(sidePoint(b0, m0, sc0, bc0, vc0)), 1, sidePoint(b1, m1, sc1, bc1, vc1));
    const bSide = blackAndVegaV(x, side);
    const vSide = lastVegaV;
    // The lowest branch (β < b_l, most out-of-the-money quotes) lane-wise; the others per lane.
    const lower = v128.and(f64x2.lt(beta, bC), f64x2.lt(beta, bSide));
    let s = zero;
    let sLeft = f64x2.splat(DBL_MIN);
    let sRight = side;
    let objective = zero;
    if (v128.any_true(lower)) s = lowerMapGuessV(beta, x, side, bSide);
    if (i64x2.extract_lane(lower, 0) == 0) {
      guessFromSide(b0, x0, m0, sc0, bc0, vc0, f64x2.extract_lane(side, 0), f64x2.extract_lane(bSide, 0), f64x2.extract_lane(vSide, 0));
      s = f64x2.replace_lane(s, 0, gS);
      sLeft = f64x2.replace_lane(sLeft, 0, gSLeft);
      sRight = f64x2.replace_lane(sRight, 0, gSRight);
      objective = f64x2.replace_lane(objective, 0, <f64>gObjective);
    }
    if (i64x2.extract_lane(lower, 1) == 0) {
      guessFromSide(b1, x1, m1, sc1, bc1, vc1, f64x2.extract_lane(side, 1), f64x2.extract_lane(bSide, 1), f64x2.extract_lane(vSide, 1));
      s = f64x2.replace_lane(s, 1, gS);
      sLeft = f64x2.replace_lane(sLeft, 1, gSLeft);
      sRight = f64x2.replace_lane(sRight, 1, gSRight);
      objective = f64x2.replace_lane(objective, 1, <f64>gObjective);
    }
    s = iterateV(beta, x, bMax, s, sLeft, sRight, objective);
    v128.store(vol + o, f64x2.div(s, f64x2.sqrt(v128.load(T + o))));
  }
  if (pairs < n) one(<usize>pairs << 3, price, F, K, T, D, w, vol);
}

/**
 * Index of the first option outside the kernels' domain, or −1: prices finite ≥ 0; forwards,
 * strikes, expiries and discounts finite > 0; option types ±1; D·(ω(F − K))⁺ ≤ price < D·F (call)
 * or D·K (put), with the bounds computed as the TypeScript check computes them.
 */
export function impliedVolValidate(n: i32, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize): i32 {
  const zero = f64x2.splat(0.0);
  const inf = f64x2.splat(Infinity);
  const one = f64x2.splat(1.0);
  const pairs = n & ~1;
  for (let i: i32 = 0; i < pairs; i += 2) {
    const o = <usize>i << 3;
    const p = v128.load(price + o);
    const f = v128.load(F + o);
    const k = v128.load(K + o);
    const t = v128.load(T + o);
    const d = v128.load(D + o);
    const om = v128.load(w + o);
    let ok = v128.and(f64x2.ge(p, zero), f64x2.lt(p, inf));
    ok = v128.and(ok, v128.and(f64x2.gt(f, zero), f64x2.lt(f, inf)));
    ok = v128.and(ok, v128.and(f64x2.gt(k, zero), f64x2.lt(k, inf)));
    ok = v128.and(ok, v128.and(f64x2.gt(t, zero), f64x2.lt(t, inf)));
    ok = v128.and(ok, v128.and(f64x2.gt(d, zero), f64x2.lt(d, inf)));
    ok = v128.and(ok, v128.or(f64x2.eq(om, one), f64x2.eq(om, f64x2.neg(one))));
    const lower = f64x2.mul(d, f64x2.max(f64x2.mul(om, f64x2.sub(f, k)), zero));
    const upper = f64x2.mul(d, v128.bitselect(f, k, f64x2.gt(om, zero)));
    ok = v128.and(ok, v128.and(f64x2.ge(p, lower), f64x2.lt(p, upper)));
    if (!v128.all_true<i64>(ok)) return i64x2.extract_lane(ok, 0) != 0 ? i + 1 : i;
  }
  if (pairs < n) {
    const o = <usize>pairs << 3;
    const p = load<f64>(price + o);
    const f = load<f64>(F + o);
    const k = load<f64>(K + o);
    const t = load<f64>(T + o);
    const d = load<f64>(D + o);
    const om = load<f64>(w + o);
    const ok = p >= 0.0 && p < Infinity && f > 0.0 && f < Infinity && k > 0.0 && k < Infinity && t > 0.0 && t < Infinity
      && d > 0.0 && d < Infinity && (om == 1.0 || om == -1.0)
      && p >= d * max<f64>(om * (f - k), 0.0) && p < d * (om > 0.0 ? f : k);
    if (!ok) return pairs;
  }
  return -1;
}
