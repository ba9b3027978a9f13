// Lane-wise (f64x2) pieces of "Let's Be Rational" for impliedVolSimd: the normalised Black function
// with its s-derivative in Regions II–IV, erfcx, and the Householder(3) iteration, with the same
// operations in the same order as the scalar code in impliedVolMath.ts (Region I, s ≤ 0 and the
// branchy initial guess run there, lane by lane). Cody's rational factors come from simdMath.ts
// (codyBlendV, erfcTailV), in the operation order of scalarMath.ts's erfSmallS / erfcMidS / erfcTailS.
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision;
// W. J. Cody, Math. Comp. 23 (1969) 631–637.
import { SPLITTER } from './constants';
import { codyBlendV, erfcTailV, expCorrV, expV, logV, gaussV, ncdfV } from './simdMath';
import {
  normalisedBlackAndVega, lastVega, INV_3F, INV_5F, INV_7F, INV_9F, INV_11F, INV_13F,
  DBL_EPSILON, DBL_MIN, DBL_MAX, ETA, TAU, ONE_OVER_SQRT_TWO_PI, SQRT_PI_OVER_TWO, ONE_OVER_SQRT_TWO, XNEG, CODY_X1, CODY_X2,
  R_MAX, R_MIN, SQRT_THREE, SQRT_ONE_OVER_THREE, TWO_PI_OVER_SQRT_TWENTY_SEVEN, PI_OVER_SIX, TWO_PI,
} from './impliedVolMath';

// @ts-ignore: decorator
@inline
function sp(x: f64): v128 {
  return f64x2.splat(x);
}

/** Cody's rational factor R(y), erfc(y) = e^(−y²)·R(y), for lanes y > 0.46875 (others: don't care). */
export function codyRationalV(y: v128): v128 {
  const mid = codyBlendV(y, y, f64x2.splat(0.0));
  const tail = f64x2.gt(y, sp(CODY_X2));
  return v128.any_true(tail) ? v128.bitselect(erfcTailV(f64x2.pmax(y, sp(CODY_X2))), mid, tail) : mid;
}

/** e^(y²) lane-wise, y² split exactly. */
// @ts-ignore: decorator
@inline
function expSquareV(y: v128): v128 {
  const p = f64x2.mul(y, y);
  const c = f64x2.mul(sp(SPLITTER), y);
  const yh = f64x2.sub(c, f64x2.sub(c, y));
  const yl = f64x2.sub(y, yh);
  const e = f64x2.add(f64x2.add(f64x2.sub(f64x2.mul(yh, yh), p), f64x2.mul(f64x2.mul(sp(2.0), yh), yl)), f64x2.mul(yl, yl));
  return expCorrV(p, e);
}

/**
 * erfcx(y) lane-wise: the scalar erfcx's three cases (|y| ≤ 0.46875; y > 0.46875; y < −0.46875
 * by reflection) selected per lane, each with the scalar operations. Cody's first two rationals
 * share one division (codyBlendV); the tail rational and e^(y²) are evaluated only where some
 * lane needs them.
 */
function erfcxV(y: v128): v128 {
  const ay = f64x2.abs(y);
  const small = f64x2.le(ay, sp(CODY_X1));
  const Q = codyBlendV(y, ay, small); // erf(y) on small lanes, R(|y|) (|y| ≤ 4) on the others
  const tail = f64x2.gt(ay, sp(CODY_X2));
  const rational = v128.any_true(tail) ? v128.bitselect(erfcTailV(f64x2.pmax(ay, sp(CODY_X2))), Q, tail) : Q;
  const positive = f64x2.gt(y, sp(0.0));
  if (v128.all_true<i64>(v128.andnot(positive, small))) return rational;
  const e2 = expSquareV(y);
  const reflected = v128.bitselect(sp(Infinity), f64x2.sub(f64x2.mul(sp(2.0), e2), rational), f64x2.lt(y, sp(-XNEG)));
  const large = v128.bitselect(rational, reflected, positive);
  return v128.bitselect(f64x2.mul(e2, f64x2.sub(sp(1.0), Q)), large, small);
}

/** ∂b/∂s at the last blackAndVegaV evaluation. */
export let lastVegaV: v128 = f64x2.splat(0.0);

/**
 * b(x, s) lane-wise for x ≤ 0, leaving ∂b/∂s in lastVegaV. Pairs with a lane in Region I or with
 * s ≤ 0 run the scalar function lane by lane.
 */
export function blackAndVegaV(x: v128, s: v128): v128 {
  const zero = sp(0.0);
  const t = f64x2.mul(sp(0.5), s);
  const halfS2 = f64x2.mul(t, s); // 0.5·s·s as (0.5·s)·s
  const region1 = v128.and(f64x2.lt(x, f64x2.mul(s, sp(ETA))), f64x2.lt(f64x2.add(halfS2, x), f64x2.mul(s, sp(TAU + ETA))));
  if (v128.any_true(v128.or(region1, v128.not(f64x2.gt(s, zero))))) {
    const b0 = normalisedBlackAndVega(f64x2.extract_lane(x, 0), f64x2.extract_lane(s, 0));
    const v0 = lastVega;
    const b1 = normalisedBlackAndVega(f64x2.extract_lane(x, 1), f64x2.extract_lane(s, 1));
    lastVegaV = f64x2.replace_lane(f64x2.splat(v0), 1, lastVega);
    return f64x2.replace_lane(f64x2.splat(b0), 1, b1);
  }
  const h = f64x2.div(x, s);
  const smallT = f64x2.lt(t, sp(TAU));
  const region3 = v128.andnot(f64x2.gt(f64x2.add(x, halfS2), f64x2.mul(s, sp(0.85))), smallT);
  const gauss = f64x2.mul(sp(ONE_OVER_SQRT_TWO_PI), expV(f64x2.mul(sp(-0.5), f64x2.add(f64x2.mul(h, h), f64x2.mul(t, t)))));
  lastVegaV = gauss;
  let b = zero;
  if (v128.any_true(region3)) {
    const bMax = expV(f64x2.mul(sp(0.5), x));
    const up = f64x2.add(h, t);
    const down = f64x2.sub(h, t);
    const b3 = f64x2.sub(f64x2.mul(ncdfV(up, gaussV(up)), bMax), f64x2.div(ncdfV(down, gaussV(down)), bMax));
    b = f64x2.abs(f64x2.max(b3, zero));
    if (v128.all_true<i64>(region3)) return b;
  }
  if (v128.any_true(smallT)) {
    const a = f64x2.add(sp(1.0), f64x2.mul(f64x2.mul(h, sp(SQRT_PI_OVER_TWO)), erfcxV(f64x2.mul(sp(-ONE_OVER_SQRT_TWO), h))));
    const w = f64x2.mul(t, t);
    const h2 = f64x2.mul(h, h);
    const y3 = f64x2.sub(f64x2.mul(a, f64x2.add(h2, sp(3.0))), sp(1.0));
    const y5 = f64x2.sub(f64x2.mul(a, poly2(h2, 10.0, 15.0)), f64x2.add(h2, sp(7.0)));
    const y7 = f64x2.sub(f64x2.mul(a, poly3(h2, 21.0, 105.0, 105.0)), poly2(h2, 18.0, 57.0));
    const y9 = f64x2.sub(f64x2.mul(a, poly4(h2, 36.0, 378.0, 1260.0, 945.0)), poly3(h2, 33.0, 285.0, 561.0));
    const y11 = f64x2.sub(f64x2.mul(a, poly5(h2, 55.0, 990.0, 6930.0, 17325.0, 10395.0)), poly4(h2, 52.0, 840.0, 4680.0, 6555.0));
    const y13 = f64x2.sub(
      f64x2.mul(a, poly6(h2, 78.0, 2145.0, 25740.0, 135135.0, 270270.0, 135135.0)),
      poly5(h2, 75.0, 1926.0, 20370.0, 82845.0, 89055.0),
    );
    let e = f64x2.mul(y13, sp(INV_13F));
    e = f64x2.add(f64x2.mul(y11, sp(INV_11F)), f64x2.mul(w, e));
    e = f64x2.add(f64x2.mul(y9, sp(INV_9F)), f64x2.mul(w, e));
    e = f64x2.add(f64x2.mul(y7, sp(INV_7F)), f64x2.mul(w, e));
    e = f64x2.add(f64x2.mul(y5, sp(INV_5F)), f64x2.mul(w, e));
    e = f64x2.add(f64x2.mul(y3, sp(INV_3F)), f64x2.mul(w, e));
    e = f64x2.add(a, f64x2.mul(w, e));
    const expansion = f64x2.mul(f64x2.mul(sp(2.0), t), e);
    b = v128.bitselect(f64x2.abs(f64x2.max(f64x2.mul(gauss, expansion), zero)), b, smallT);
  }
  const region4 = v128.not(v128.or(region3, smallT));
  if (v128.any_true(region4)) {
    const diff = f64x2.sub(
      erfcxV(f64x2.mul(sp(-ONE_OVER_SQRT_TWO), f64x2.add(h, t))),
      erfcxV(f64x2.mul(sp(-ONE_OVER_SQRT_TWO), f64x2.sub(h, t))),
    );
    const b4 = f64x2.mul(f64x2.mul(sp(SQRT_PI_OVER_TWO), gauss), diff);
    b = v128.bitselect(f64x2.abs(f64x2.max(b4, sp(0.0))), b, region4);
  }
  return b;
}

// Monic polynomials in h² in Horner form, as the scalar code writes them: h2·(h2·(h2 + c1) + c2) + …
// @ts-ignore: decorator
@inline
function poly2(h2: v128, c1: f64, c2: f64): v128 {
  return f64x2.add(f64x2.mul(h2, f64x2.add(h2, sp(c1))), sp(c2));
}
// @ts-ignore: decorator
@inline
function poly3(h2: v128, c1: f64, c2: f64, c3: f64): v128 {
  return f64x2.add(f64x2.mul(h2, poly2(h2, c1, c2)), sp(c3));
}
// @ts-ignore: decorator
@inline
function poly4(h2: v128, c1: f64, c2: f64, c3: f64, c4: f64): v128 {
  return f64x2.add(f64x2.mul(h2, poly3(h2, c1, c2, c3)), sp(c4));
}
// @ts-ignore: decorator
@inline
function poly5(h2: v128, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64): v128 {
  return f64x2.add(f64x2.mul(h2, poly4(h2, c1, c2, c3, c4)), sp(c5));
}
// @ts-ignore: decorator
@inline
function poly6(h2: v128, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64, c6: f64): v128 {
  return f64x2.add(f64x2.mul(h2, poly5(h2, c1, c2, c3, c4, c5)), sp(c6));
}

// @ts-ignore: decorator
@inline
function householderFactorV(newton: v128, halley: v128, hh3: v128): v128 {
  const num = f64x2.add(sp(1.0), f64x2.mul(f64x2.mul(sp(0.5), halley), newton));
  const den = f64x2.add(sp(1.0), f64x2.mul(newton, f64x2.add(halley, f64x2.div(f64x2.mul(hh3, newton), sp(6.0)))));
  return f64x2.div(num, den);
}

/** b″/b′ and b‴/b′ of the normalised Black function at (x, s), lane-wise (set by halleyTermsV). */
export let lastHalleyV: v128 = f64x2.splat(0.0);
export let lastHh3V: v128 = f64x2.splat(0.0);

/** b″/b′ = x²/s³ − s/4 into lastHalleyV and b‴/b′ = (b″/b′)² − 3x²/s⁴ − 1/4 into lastHh3V. */
// @ts-ignore: decorator
@inline
export function halleyTermsV(x: v128, s: v128): void {
  const xOverS = f64x2.div(x, s);
  const xOverS2 = f64x2.div(xOverS, s);
  const bHalley = f64x2.sub(f64x2.div(f64x2.mul(xOverS, xOverS), s), f64x2.mul(sp(0.25), s));
  lastHalleyV = bHalley;
  lastHh3V = f64x2.sub(f64x2.sub(f64x2.mul(bHalley, bHalley), f64x2.mul(f64x2.mul(sp(3.0), xOverS2), xOverS2)), sp(0.25));
}

/** The Householder(3) step on b − β lane-wise (lanes with bp ≤ 0: don't care). */
// @ts-ignore: decorator
@inline
export function plainObjectiveStepV(beta: v128, b: v128, bp: v128, bHalley: v128, bHh3: v128): v128 {
  const newton = f64x2.div(f64x2.sub(beta, b), bp);
  return f64x2.mul(newton, householderFactorV(newton, bHalley, bHh3));
}

/** The Householder(3) step on 1/ln b − 1/ln β lane-wise (lanes with b or bp ≤ 0: don't care). */
export function logObjectiveStepV(lnBeta: v128, b: v128, bp: v128, bHalley: v128, bHh3: v128): v128 {
  const lnB = logV(b);
  const bpob = f64x2.div(bp, b);
  const newton = f64x2.div(f64x2.div(f64x2.mul(f64x2.sub(lnBeta, lnB), lnB), lnBeta), bpob);
  const onePlus2OverLnB = f64x2.add(sp(1.0), f64x2.div(sp(2.0), lnB));
  const halley = f64x2.sub(bHalley, f64x2.mul(bpob, onePlus2OverLnB));
  const hh3 = f64x2.sub(
    f64x2.add(
      bHh3,
      f64x2.mul(
        f64x2.mul(f64x2.mul(sp(2.0), bpob), bpob),
        f64x2.add(sp(1.0), f64x2.mul(f64x2.div(sp(3.0), lnB), f64x2.add(sp(1.0), f64x2.div(sp(1.0), lnB)))),
      ),
    ),
    f64x2.mul(f64x2.mul(f64x2.mul(sp(3.0), bHalley), bpob), onePlus2OverLnB),
  );
  return f64x2.mul(newton, householderFactorV(newton, halley, hh3));
}

/**
 * At most two Householder(3) steps lane-wise from the guesses s (brackets sLeft/sRight,
 * objective 0: 1/ln b, 1: b, 2: ln(b_max − b), as f64 lanes): the scalar loop of
 * normalisedImpliedStdDevOtm with its branches as masks; a lane stops when the scalar loop would.
 */
export function iterateV(beta: v128, x: v128, bMax: v128, s: v128, sLeft: v128, sRight: v128, objective: v128): v128 {
  const zero = sp(0.0);
  const eps = sp(DBL_EPSILON);
  const obj0 = f64x2.eq(objective, zero);
  const obj2 = f64x2.eq(objective, sp(2.0));
  const obj1 = v128.not(v128.or(obj0, obj2));
  const lnBeta = v128.any_true(obj0) ? v128.and(logV(beta), obj0) : zero;
  let ds = sp(1.7976931348623157e308);
  let dsPrevious = zero;
  let reversals = zero;
  let live = f64x2.eq(zero, zero);
  for (let k: i32 = 0; k < 2; k++) {
    live = v128.and(live, f64x2.gt(f64x2.abs(ds), f64x2.mul(eps, s)));
    if (!v128.any_true(live)) break;
    reversals = f64x2.add(reversals, v128.and(sp(1.0), v128.and(live, f64x2.lt(f64x2.mul(ds, dsPrevious), zero))));
    if (k > 0) {
      const inside = v128.and(f64x2.gt(s, sLeft), f64x2.lt(s, sRight));
      const bisect = v128.and(live, v128.or(f64x2.eq(reversals, sp(3.0)), v128.not(inside)));
      if (v128.any_true(bisect)) {
        s = v128.bitselect(f64x2.mul(sp(0.5), f64x2.add(sLeft, sRight)), s, bisect);
        const stop = v128.and(bisect, f64x2.le(f64x2.sub(sRight, sLeft), f64x2.mul(eps, s)));
        live = v128.andnot(live, stop);
        reversals = v128.bitselect(zero, reversals, bisect);
        ds = v128.bitselect(zero, ds, bisect);
        if (!v128.any_true(live)) break;
      }
    }
    dsPrevious = v128.bitselect(ds, dsPrevious, live);
    const b = blackAndVegaV(x, s);
    const bp = lastVegaV;
    const tightenRight = v128.and(live, v128.and(f64x2.gt(b, beta), f64x2.lt(s, sRight)));
    const tightenLeft = v128.and(live, v128.and(f64x2.lt(b, beta), f64x2.gt(s, sLeft)));
    sRight = v128.bitselect(s, sRight, tightenRight);
    sLeft = v128.bitselect(s, sLeft, tightenLeft);
    halleyTermsV(x, s);
    const bHalley = lastHalleyV;
    const bHh3 = lastHh3V;
    const bisectDs = f64x2.sub(f64x2.mul(sp(0.5), f64x2.add(sLeft, sRight)), s);
    // Objective b − β (middle branches).
    let step = v128.bitselect(plainObjectiveStepV(beta, b, bp, bHalley, bHh3), bisectDs, f64x2.gt(bp, zero));
    if (v128.any_true(v128.and(live, obj0))) {
      // Objective 1/ln b − 1/ln β (lowest branch).
      const ok = v128.and(f64x2.gt(b, zero), f64x2.gt(bp, zero));
      const step0 = v128.bitselect(logObjectiveStepV(lnBeta, b, bp, bHalley, bHh3), bisectDs, ok);
      step = v128.bitselect(step0, step, obj0);
    }
    if (v128.any_true(v128.and(live, obj2))) {
      // Objective ln(b_max − β) − ln(b_max − b) (highest branch).
      const bMaxMinusB = f64x2.sub(bMax, b);
      const g = logV(f64x2.div(f64x2.sub(bMax, beta), bMaxMinusB));
      const gp = f64x2.div(bp, bMaxMinusB);
      const newton = f64x2.div(f64x2.neg(g), gp);
      const halley = f64x2.add(bHalley, gp);
      const hh3 = f64x2.add(bHh3, f64x2.mul(gp, f64x2.add(f64x2.mul(sp(2.0), gp), f64x2.mul(sp(3.0), bHalley))));
      const ok = v128.and(f64x2.lt(b, bMax), f64x2.gt(bp, sp(DBL_MIN)));
      const step2 = v128.bitselect(f64x2.mul(newton, householderFactorV(newton, halley, hh3)), bisectDs, ok);
      step = v128.bitselect(step2, step, obj2);
    }
    step = f64x2.max(f64x2.mul(sp(-0.5), s), step);
    ds = v128.bitselect(step, ds, live);
    s = v128.bitselect(f64x2.add(s, step), s, live);
  }
  return s;
}

// @ts-ignore: decorator
@inline
function selectV(a: v128, b: v128, mask: v128): v128 {
  return v128.bitselect(a, b, mask);
}

/** Delbourgo–Gregory rational cubic lane-wise: the scalar rationalCubic's operations, branches as masks. */
function rationalCubicV(x: v128, xl: v128, xr: v128, yl: v128, yr: v128, dl: v128, dr: v128, r: v128): v128 {
  const h = f64x2.sub(xr, xl);
  const t = f64x2.div(f64x2.sub(x, xl), h);
  const omt = f64x2.sub(sp(1.0), t);
  const t2 = f64x2.mul(t, t);
  const omt2 = f64x2.mul(omt, omt);
  const a = f64x2.mul(f64x2.mul(yr, t2), t);
  const b = f64x2.mul(f64x2.mul(f64x2.sub(f64x2.mul(r, yr), f64x2.mul(h, dr)), t2), omt);
  const c = f64x2.mul(f64x2.mul(f64x2.add(f64x2.mul(r, yl), f64x2.mul(h, dl)), t), omt2);
  const d = f64x2.mul(f64x2.mul(yl, omt2), omt);
  const cubic = f64x2.div(f64x2.add(f64x2.add(f64x2.add(a, b), c), d), f64x2.add(sp(1.0), f64x2.mul(f64x2.mul(f64x2.sub(r, sp(3.0)), t), omt)));
  const linear = f64x2.add(f64x2.mul(yr, t), f64x2.mul(yl, f64x2.sub(sp(1.0), t)));
  const value = selectV(linear, cubic, f64x2.ge(r, sp(R_MAX)));
  return selectV(f64x2.mul(sp(0.5), f64x2.add(yl, yr)), value, f64x2.le(f64x2.abs(h), sp(0.0)));
}

/** minimumControl(dl, dr, slope, preferShape = true) lane-wise. */
function minimumControlV(dl: v128, dr: v128, slope: v128): v128 {
  const zero = sp(0.0);
  const monotonic = v128.and(f64x2.ge(f64x2.mul(dl, slope), zero), f64x2.ge(f64x2.mul(dr, slope), zero));
  const convex = v128.and(f64x2.le(dl, slope), f64x2.le(slope, dr));
  const concave = v128.and(f64x2.ge(dl, slope), f64x2.ge(slope, dr));
  const shaped = v128.or(convex, concave);
  const drMinusDl = f64x2.sub(dr, dl);
  const drMinusS = f64x2.sub(dr, slope);
  const sMinusDl = f64x2.sub(slope, dl);
  const r1 = selectV(selectV(f64x2.div(f64x2.add(dr, dl), slope), sp(R_MAX), f64x2.ge(f64x2.abs(slope), sp(DBL_MIN))), sp(-DBL_MAX), monotonic);
  const degenerate = v128.or(f64x2.lt(f64x2.abs(sMinusDl), sp(DBL_MIN)), f64x2.lt(f64x2.abs(drMinusS), sp(DBL_MIN)));
  const r2Shaped = selectV(sp(R_MAX), f64x2.max(f64x2.abs(f64x2.div(drMinusDl, drMinusS)), f64x2.abs(f64x2.div(drMinusDl, sMinusDl))), degenerate);
  const r2 = selectV(r2Shaped, selectV(sp(R_MAX), r1, monotonic), shaped);
  const r = f64x2.max(sp(R_MIN), f64x2.max(r1, r2));
  return selectV(r, sp(R_MIN), v128.or(monotonic, shaped));
}

/** controlForRightCurvature(xl, xr, yl, yr, dl, dr, secondDerivative, preferShape = true) lane-wise. */
function controlForRightCurvatureV(xl: v128, xr: v128, yl: v128, yr: v128, dl: v128, dr: v128, secondDerivative: v128): v128 {
  const h = f64x2.sub(xr, xl);
  const numerator = f64x2.add(f64x2.mul(f64x2.mul(sp(0.5), h), secondDerivative), f64x2.sub(dr, dl));
  const denominator = f64x2.sub(dr, f64x2.div(f64x2.sub(yr, yl), h));
  const tiny = selectV(sp(R_MAX), sp(R_MIN), f64x2.gt(numerator, sp(0.0)));
  let r = selectV(tiny, f64x2.div(numerator, denominator), f64x2.lt(f64x2.abs(denominator), sp(DBL_MIN)));
  r = selectV(sp(0.0), r, f64x2.lt(f64x2.abs(numerator), sp(DBL_MIN)));
  return f64x2.max(r, minimumControlV(dl, dr, f64x2.div(f64x2.sub(yr, yl), h)));
}

// Numerator and denominator of AS 241's rational functions, in the scalar code's Horner order.
// @ts-ignore: decorator
@inline
function horner7(r: v128, c7: f64, c6: f64, c5: f64, c4: f64, c3: f64, c2: f64, c1: f64, c0: f64): v128 {
  let p = f64x2.add(f64x2.mul(sp(c7), r), sp(c6));
  p = f64x2.add(f64x2.mul(p, r), sp(c5));
  p = f64x2.add(f64x2.mul(p, r), sp(c4));
  p = f64x2.add(f64x2.mul(p, r), sp(c3));
  p = f64x2.add(f64x2.mul(p, r), sp(c2));
  p = f64x2.add(f64x2.mul(p, r), sp(c1));
  return f64x2.add(f64x2.mul(p, r), sp(c0));
}

/** Φ⁻¹(u) lane-wise (AS 241), the scalar inverseNormCdf's operations; branches evaluated where some lane needs them. */
function inverseNormCdfV(u: v128): v128 {
  const q = f64x2.sub(u, sp(0.5));
  const central = f64x2.le(f64x2.abs(q), sp(0.425));
  let z = sp(0.0);
  if (v128.any_true(central)) {
    const r = f64x2.sub(sp(0.180625), f64x2.mul(q, q));
    const num = horner7(r, 2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
      13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608);
    const den = horner7(r, 5226.495278852545161, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
      5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0);
    z = f64x2.div(f64x2.mul(q, num), den);
  }
  if (!v128.all_true<i64>(central)) {
    const negative = f64x2.lt(q, sp(0.0));
    let r = selectV(u, f64x2.sub(sp(1.0), u), negative);
    r = f64x2.sqrt(f64x2.neg(logV(r)));
    const near = f64x2.le(r, sp(5.0));
    let tail = sp(0.0);
    if (v128.any_true(v128.andnot(near, central))) {
      const rr = f64x2.sub(r, sp(1.6));
      tail = f64x2.div(
        horner7(rr, 7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
          3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734),
        horner7(rr, 1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
          0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1.0),
      );
    }
    if (v128.any_true(v128.andnot(v128.not(near), central))) {
      const rr = f64x2.sub(r, sp(5.0));
      const far = f64x2.div(
        horner7(rr, 2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093,
          0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772),
        horner7(rr, 2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
          0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1.0),
      );
      tail = selectV(tail, far, near);
    }
    tail = selectV(f64x2.neg(tail), tail, negative);
    z = selectV(z, tail, central);
  }
  z = selectV(sp(-Infinity), z, f64x2.le(u, sp(0.0)));
  return selectV(sp(Infinity), z, f64x2.ge(u, sp(1.0)));
}

/**
 * The lowest branch of the initial guess lane-wise (β < b_l): the lower map
 * f_l = 2π|x|/√27·Φ(−z)³, z = |x|/(√3·s_l), its rational cubic interpolation in β and the
 * inverse map, as in the scalar guessFromSide; returns s (lanes outside the branch: don't care).
 */
export function lowerMapGuessV(beta: v128, x: v128, sL: v128, bL: v128): v128 {
  const zero = sp(0.0);
  const one = sp(1.0);
  const ax = f64x2.abs(x);
  const z = f64x2.div(f64x2.mul(sp(SQRT_ONE_OVER_THREE), ax), sL);
  const y = f64x2.mul(z, z);
  const s2 = f64x2.mul(sL, sL);
  const gaussZ = gaussV(z);
  const phiMinusZ = ncdfV(f64x2.neg(z), gaussZ);
  const phiZ = f64x2.mul(sp(ONE_OVER_SQRT_TWO_PI), gaussZ);
  const growth = expV(f64x2.add(y, f64x2.mul(sp(0.125), s2)));
  const a = f64x2.div(f64x2.mul(sp(PI_OVER_SIX), y), f64x2.mul(s2, sL));
  const inner = f64x2.add(
    f64x2.mul(f64x2.mul(sp(8.0 * SQRT_THREE), sL), ax),
    f64x2.div(f64x2.mul(f64x2.sub(f64x2.mul(f64x2.mul(sp(3.0), s2), f64x2.sub(s2, sp(8.0))), f64x2.mul(f64x2.mul(sp(8.0), x), x)), phiMinusZ), phiZ),
  );
  const fpp = f64x2.mul(f64x2.mul(f64x2.mul(a, phiMinusZ), inner), f64x2.mul(growth, growth));
  const phi2 = f64x2.mul(phiMinusZ, phiMinusZ);
  const fp = f64x2.mul(f64x2.mul(f64x2.mul(sp(TWO_PI), y), phi2), growth);
  const fL = f64x2.mul(f64x2.mul(sp(TWO_PI_OVER_SQRT_TWENTY_SEVEN), ax), f64x2.mul(phi2, phiMinusZ));
  const r = controlForRightCurvatureV(zero, bL, zero, fL, one, fp, fpp);
  let f = rationalCubicV(beta, zero, bL, zero, fL, one, fp, r);
  const positive = f64x2.gt(f, zero);
  if (!v128.all_true<i64>(positive)) {
    const u = f64x2.div(beta, bL);
    const quadratic = f64x2.mul(f64x2.add(f64x2.mul(fL, u), f64x2.mul(bL, f64x2.sub(one, u))), u);
    f = selectV(f, quadratic, positive);
  }
  const cubeRoot = expV(f64x2.div(logV(f64x2.div(f, f64x2.mul(sp(TWO_PI_OVER_SQRT_TWENTY_SEVEN), ax))), sp(3.0)));
  const s = f64x2.abs(f64x2.div(x, f64x2.mul(sp(SQRT_THREE), inverseNormCdfV(cubeRoot))));
  return selectV(s, zero, f64x2.gt(f, zero));
}
