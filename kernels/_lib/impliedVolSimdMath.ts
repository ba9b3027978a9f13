// Lane-wise (f64x2) pieces of "Let's Be Rational" for impliedVolSimd: the normalised Black function
// with its s-derivative in Regions II–IV, erfcx, and the Householder(3) iteration, with the same
// operations in the same order as the scalar code in impliedVolMath.ts (Region I, s ≤ 0 and the
// branchy initial guess run there, lane by lane). Cody's rational factors are written for the
// lanes here, in the operation order of scalarMath.ts's erfSmallS / erfcMidS / erfcTailS.
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision;
// W. J. Cody, Math. Comp. 23 (1969) 631–637.
import {
  SPLITTER, INV_SQRT_PI, A0, A1, A2, A3, A4, B0, B1, B2, B3,
  C0, C1, C2, C3, C4, C5, C6, C7, C8, D0, D1, D2, D3, D4, D5, D6, D7,
  P0, P1, P2, P3, P4, P5, Q0, Q1, Q2, Q3, Q4,
} from './constants';
import { expCorrV, expV, logV, gaussV, ncdfV } from './simdMath';
import { normalisedBlackAndVega, lastVega, INV_3F, INV_5F, INV_7F, INV_9F, INV_11F, INV_13F } from './impliedVolMath';

const DBL_EPSILON: f64 = 2.220446049250313e-16;
const DBL_MIN: f64 = 2.2250738585072014e-308;
const ETA: f64 = -10.0;
const TAU: f64 = 0.21022410381342863;
const ONE_OVER_SQRT_TWO_PI: f64 = 0.3989422804014327;
const SQRT_PI_OVER_TWO: f64 = 1.2533141373155003;
const ONE_OVER_SQRT_TWO: f64 = 0.7071067811865476;
const XNEG: f64 = 26.6287357137514;
const CODY_X1: f64 = 0.46875;
const CODY_X2: f64 = 4.0;

// @ts-ignore: decorator
@inline
function sp(x: f64): v128 {
  return f64x2.splat(x);
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

/** Cody's rational factor R(y), erfc(y) = e^(−y²)·R(y), for lanes y > 0.46875 (others: don't care). */
export function codyRationalV(y: v128): v128 {
  const mid = f64x2.le(y, sp(CODY_X2));
  let r = sp(0.0);
  if (v128.any_true(mid)) r = erfcMidV(y);
  if (!v128.all_true<i64>(mid)) r = v128.bitselect(r, erfcTailV(y), mid);
  return r;
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

/** erfcx(y) lane-wise, the branches of the scalar erfcx evaluated where some lane needs them. */
function erfcxV(y: v128): v128 {
  const ay = f64x2.abs(y);
  const small = f64x2.le(ay, sp(CODY_X1));
  const positive = f64x2.gt(y, sp(0.0));
  let r = sp(0.0);
  if (v128.any_true(small)) r = f64x2.mul(expSquareV(y), f64x2.sub(sp(1.0), erfSmallV(y)));
  if (v128.all_true<i64>(small)) return r;
  const rational = codyRationalV(ay);
  const big = v128.andnot(positive, small); // y > 0.46875
  r = v128.bitselect(rational, r, big);
  const negative = v128.andnot(v128.not(positive), small); // y < −0.46875
  if (v128.any_true(negative)) {
    const reflected = f64x2.sub(f64x2.mul(sp(2.0), expSquareV(y)), rational);
    const huge = f64x2.lt(y, sp(-XNEG));
    r = v128.bitselect(v128.bitselect(sp(Infinity), reflected, huge), r, negative);
  }
  return r;
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
    const xOverS = f64x2.div(x, s);
    const xOverS2 = f64x2.div(xOverS, s);
    const bHalley = f64x2.sub(f64x2.div(f64x2.mul(xOverS, xOverS), s), f64x2.mul(sp(0.25), s));
    const bHh3 = f64x2.sub(f64x2.sub(f64x2.mul(bHalley, bHalley), f64x2.mul(f64x2.mul(sp(3.0), xOverS2), xOverS2)), sp(0.25));
    const bisectDs = f64x2.sub(f64x2.mul(sp(0.5), f64x2.add(sLeft, sRight)), s);
    // Objective b − β (middle branches).
    const newton1 = f64x2.div(f64x2.sub(beta, b), bp);
    let step = v128.bitselect(f64x2.mul(newton1, householderFactorV(newton1, bHalley, bHh3)), bisectDs, f64x2.gt(bp, zero));
    if (v128.any_true(v128.and(live, obj0))) {
      // Objective 1/ln b − 1/ln β (lowest branch).
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
      const ok = v128.and(f64x2.gt(b, zero), f64x2.gt(bp, zero));
      const step0 = v128.bitselect(f64x2.mul(newton, householderFactorV(newton, halley, hh3)), bisectDs, ok);
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
