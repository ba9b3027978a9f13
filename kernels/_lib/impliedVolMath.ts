// Scalar pieces of Peter Jäckel's "Let's Be Rational" for the implied-vol kernels: the normalised
// Black function b(x, s) in its four regions, its s-derivative, the rational cubic, AS 241 Φ⁻¹
// and the inversion itself. An operation-for-operation transliteration of
// src/kernels/_lib/impliedVolLetsBeRational.ts (the TypeScript reference), with the module's own
// exp/log/Φ (scalarMath.ts), so the WebAssembly and TypeScript paths round alike.
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision (§3–§6);
// R. Delbourgo, J. A. Gregory, SIAM J. Sci. Stat. Comput. 6 (1985); M. J. Wichura, AS 241 (1988).
import { SPLITTER } from './constants';
import { expCorrS, expS, logS, gaussS, ncdfS, erfSmallS, erfcMidS, erfcTailS } from './scalarMath';

export const DBL_EPSILON: f64 = 2.220446049250313e-16;
export const DBL_MIN: f64 = 2.2250738585072014e-308;
export const DBL_MAX: f64 = 1.7976931348623157e308;
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;
const SQRT_DBL_MAX: f64 = 1.3407807929942596e154;
export const ETA: f64 = -10.0;
export const TAU: f64 = 0.21022410381342863;
export const ONE_OVER_SQRT_TWO_PI: f64 = 0.3989422804014327;
export const SQRT_PI_OVER_TWO: f64 = 1.2533141373155003;
export const SQRT_THREE: f64 = 1.7320508075688772;
export const SQRT_ONE_OVER_THREE: f64 = 0.5773502691896257;
export const TWO_PI_OVER_SQRT_TWENTY_SEVEN: f64 = 1.2091995761561452;
export const PI_OVER_SIX: f64 = 0.5235987755982988;
export const TWO_PI: f64 = 6.283185307179586;
export const ONE_OVER_SQRT_TWO: f64 = 0.7071067811865476;
export const XNEG: f64 = 26.6287357137514;
export const CODY_X1: f64 = 0.46875;
export const CODY_X2: f64 = 4.0;
export const INV_3F: f64 = 1.0 / 6.0;
export const INV_5F: f64 = 1.0 / 120.0;
export const INV_7F: f64 = 1.0 / 5040.0;
export const INV_9F: f64 = 1.0 / 362880.0;
export const INV_11F: f64 = 1.0 / 39916800.0;
export const INV_13F: f64 = 1.0 / 6227020800.0;
export const R_MAX: f64 = 2.0 / (DBL_EPSILON * DBL_EPSILON);
export const R_MIN: f64 = -(1.0 - 1.4901161193847656e-8);

/** e^(y²), y² split exactly. */
// @ts-ignore: decorator
@inline
function expSquare(y: f64): f64 {
  const p = y * y;
  const c = SPLITTER * y;
  const yh = c - (c - y);
  const yl = y - yh;
  const e = yh * yh - p + 2.0 * yh * yl + yl * yl;
  return expCorrS(p, e);
}

/** Cody's rational factor of erfc on y > 0.46875. */
// @ts-ignore: decorator
@inline
function codyRational(y: f64): f64 {
  return y <= CODY_X2 ? erfcMidS(y) : erfcTailS(y);
}

/** erfcx(y) = e^(y²)·erfc(y). */
export function erfcx(y: f64): f64 {
  const ay = abs<f64>(y);
  if (ay <= CODY_X1) return expSquare(y) * (1.0 - erfSmallS(y));
  if (y > 0.0) return codyRational(y);
  if (y < -XNEG) return Infinity;
  return 2.0 * expSquare(y) - codyRational(ay);
}

/** Φ(z). */
// @ts-ignore: decorator
@inline
function normCdf(z: f64): f64 {
  return ncdfS(z, gaussS(z));
}

/** Φ⁻¹(u), AS 241. */
export function inverseNormCdf(u: f64): f64 {
  if (u <= 0.0) return -Infinity;
  if (u >= 1.0) return Infinity;
  const q = u - 0.5;
  if (abs<f64>(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852545161 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1.0)
    );
  }
  let r = q < 0.0 ? u : 1.0 - u;
  r = sqrt<f64>(-logS(r));
  let z: f64;
  if (r <= 5.0) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0);
  } else {
    r -= 5.0;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0);
  }
  return q < 0.0 ? -z : z;
}

/** Region I: asymptotic expansion for x/s ≤ η (17 terms, exact integer coefficients). */
function asymptoticExpansion(h: f64, t: f64, gauss: f64): f64 {
  const e = (t / h) * (t / h);
  const r = (h + t) * (h - t);
  const q = (h / r) * (h / r);
  let sum: f64 = 0.0;
  for (let n: i32 = 17; n >= 0; n--) {
    const m = <f64>(2 * n + 1);
    let c: f64 = 1.0;
    let poly: f64 = 1.0;
    for (let i: i32 = n - 1; i >= 0; i--) {
      const j = <f64>(2 * i + 1);
      c = (c * (j + 2.0) * (j + 1.0)) / ((m - j) * (m - j - 1.0));
      poly = poly * e + c;
    }
    sum = 2.0 * poly - m * q * sum;
  }
  const b = gauss * (t / r) * sum;
  return abs<f64>(max<f64>(b, 0.0));
}

/** Region II: expansion in t = s/2 to order t¹³. */
function smallTExpansion(h: f64, t: f64, gauss: f64): f64 {
  const a = 1.0 + h * SQRT_PI_OVER_TWO * erfcx(-ONE_OVER_SQRT_TWO * h);
  const w = t * t;
  const h2 = h * h;
  const y3 = a * (h2 + 3.0) - 1.0;
  const y5 = a * (h2 * (h2 + 10.0) + 15.0) - (h2 + 7.0);
  const y7 = a * (h2 * (h2 * (h2 + 21.0) + 105.0) + 105.0) - (h2 * (h2 + 18.0) + 57.0);
  const y9 = a * (h2 * (h2 * (h2 * (h2 + 36.0) + 378.0) + 1260.0) + 945.0) - (h2 * (h2 * (h2 + 33.0) + 285.0) + 561.0);
  const y11 =
    a * (h2 * (h2 * (h2 * (h2 * (h2 + 55.0) + 990.0) + 6930.0) + 17325.0) + 10395.0) - (h2 * (h2 * (h2 * (h2 + 52.0) + 840.0) + 4680.0) + 6555.0);
  const y13 =
    a * (h2 * (h2 * (h2 * (h2 * (h2 * (h2 + 78.0) + 2145.0) + 25740.0) + 135135.0) + 270270.0) + 135135.0) -
    (h2 * (h2 * (h2 * (h2 * (h2 + 75.0) + 1926.0) + 20370.0) + 82845.0) + 89055.0);
  const expansion =
    2.0 * t * (a + w * (y3 * INV_3F + w * (y5 * INV_5F + w * (y7 * INV_7F + w * (y9 * INV_9F + w * (y11 * INV_11F + w * (y13 * INV_13F)))))));
  const b = gauss * expansion;
  return abs<f64>(max<f64>(b, 0.0));
}

/** Region III: Φ form. */
function viaNormCdf(x: f64, s: f64): f64 {
  const h = x / s;
  const t = 0.5 * s;
  const bMax = expS(0.5 * x);
  const b = normCdf(h + t) * bMax - normCdf(h - t) / bMax;
  return abs<f64>(max<f64>(b, 0.0));
}

/** Region IV: erfcx form. */
function viaErfcx(h: f64, t: f64, gauss: f64): f64 {
  const b = SQRT_PI_OVER_TWO * gauss * (erfcx(-ONE_OVER_SQRT_TWO * (h + t)) - erfcx(-ONE_OVER_SQRT_TWO * (h - t)));
  return abs<f64>(max<f64>(b, 0.0));
}

/** ∂b/∂s at the last normalisedBlackAndVega evaluation. */
export let lastVega: f64 = 0.0;

/** Normalised Black call b(x, s), x ≤ 0, s ≥ 0, leaving ∂b/∂s in lastVega (one exponential for both outside Region III). */
export function normalisedBlackAndVega(x: f64, s: f64): f64 {
  if (!(s > 0.0)) {
    lastVega = normalisedVega(x, s);
    return 0.0;
  }
  const h = x / s;
  const t = 0.5 * s;
  if (x + 0.5 * s * s > s * 0.85 && !(0.5 * s < TAU)) {
    lastVega = normalisedVega(x, s);
    return viaNormCdf(x, s);
  }
  const gauss = ONE_OVER_SQRT_TWO_PI * expS(-0.5 * (h * h + t * t));
  lastVega = gauss;
  if (x < s * ETA && 0.5 * s * s + x < s * (TAU + ETA)) return asymptoticExpansion(h, t, gauss);
  if (t < TAU) return smallTExpansion(h, t, gauss);
  return viaErfcx(h, t, gauss);
}

/** ∂b/∂s. */
export function normalisedVega(x: f64, s: f64): f64 {
  const ax = abs<f64>(x);
  if (ax <= 0.0) return ONE_OVER_SQRT_TWO_PI * expS(-0.125 * s * s);
  if (s <= 0.0 || s <= ax * SQRT_DBL_MIN) return 0.0;
  const h = x / s;
  const t = 0.5 * s;
  return ONE_OVER_SQRT_TWO_PI * expS(-0.5 * (h * h + t * t));
}

function rationalCubic(x: f64, xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, r: f64): f64 {
  const h = xr - xl;
  if (abs<f64>(h) <= 0.0) return 0.5 * (yl + yr);
  const t = (x - xl) / h;
  if (!(r >= R_MAX)) {
    const omt = 1.0 - t;
    const t2 = t * t;
    const omt2 = omt * omt;
    return (yr * t2 * t + (r * yr - h * dr) * t2 * omt + (r * yl + h * dl) * t * omt2 + yl * omt2 * omt) / (1.0 + (r - 3.0) * t * omt);
  }
  return yr * t + yl * (1.0 - t);
}

function minimumControl(dl: f64, dr: f64, slope: f64, preferShape: bool): f64 {
  const monotonic = dl * slope >= 0.0 && dr * slope >= 0.0;
  const convex = dl <= slope && slope <= dr;
  const concave = dl >= slope && slope >= dr;
  if (!monotonic && !convex && !concave) return R_MIN;
  const drMinusDl = dr - dl;
  const drMinusS = dr - slope;
  const sMinusDl = slope - dl;
  let r1: f64 = -DBL_MAX;
  let r2: f64 = r1;
  if (monotonic) {
    if (abs<f64>(slope) >= DBL_MIN) r1 = (dr + dl) / slope;
    else if (preferShape) r1 = R_MAX;
  }
  if (convex || concave) {
    if (!(abs<f64>(sMinusDl) < DBL_MIN || abs<f64>(drMinusS) < DBL_MIN)) {
      r2 = max<f64>(abs<f64>(drMinusDl / drMinusS), abs<f64>(drMinusDl / sMinusDl));
    } else if (preferShape) r2 = R_MAX;
  } else if (monotonic && preferShape) r2 = R_MAX;
  return max<f64>(R_MIN, max<f64>(r1, r2));
}

function controlForLeftCurvature(xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, secondDerivative: f64, preferShape: bool): f64 {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivative + (dr - dl);
  const denominator = (yr - yl) / h - dl;
  let r: f64;
  if (abs<f64>(numerator) < DBL_MIN) r = 0.0;
  else if (abs<f64>(denominator) < DBL_MIN) r = numerator > 0.0 ? R_MAX : R_MIN;
  else r = numerator / denominator;
  return max<f64>(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
}

function controlForRightCurvature(xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, secondDerivative: f64, preferShape: bool): f64 {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivative + (dr - dl);
  const denominator = dr - (yr - yl) / h;
  let r: f64;
  if (abs<f64>(numerator) < DBL_MIN) r = 0.0;
  else if (abs<f64>(denominator) < DBL_MIN) r = numerator > 0.0 ? R_MAX : R_MIN;
  else r = numerator / denominator;
  return max<f64>(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
}

// @ts-ignore: decorator
@inline
function householderFactor(newton: f64, halley: f64, hh3: f64): f64 {
  return (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + (hh3 * newton) / 6.0));
}

/** The Householder(3) step on 1/ln b − 1/ln β at b > 0, ∂b/∂s = bp > 0 (bHalley = b″/b′, bHh3 = b‴/b′). */
// @ts-ignore: decorator
@inline
export function logObjectiveStep(lnBeta: f64, b: f64, bp: f64, bHalley: f64, bHh3: f64): f64 {
  const lnB = logS(b);
  const bpob = bp / b;
  const newton = (((lnBeta - lnB) * lnB) / lnBeta) / bpob;
  const halley = bHalley - bpob * (1.0 + 2.0 / lnB);
  const hh3 = bHh3 + 2.0 * bpob * bpob * (1.0 + (3.0 / lnB) * (1.0 + 1.0 / lnB)) - 3.0 * bHalley * bpob * (1.0 + 2.0 / lnB);
  return newton * householderFactor(newton, halley, hh3);
}

/** The Householder(3) step on b − β, bp > 0. */
// @ts-ignore: decorator
@inline
export function plainObjectiveStep(beta: f64, b: f64, bp: f64, bHalley: f64, bHh3: f64): f64 {
  const newton = (beta - b) / bp;
  return newton * householderFactor(newton, bHalley, bHh3);
}

// Outputs of centralPoint and guessFromSide (AssemblyScript has no tuples; the kernels allocate nothing).
export let gBC: f64 = 0.0;
export let gVC: f64 = 0.0;
export let gS: f64 = 0.0;
export let gSLeft: f64 = 0.0;
export let gSRight: f64 = 0.0;
export let gObjective: i32 = 1;

/** b and ∂b/∂s at s_c = √(2|x|) into gBC, gVC: closed form once √|x| > 0.46875. */
export function centralPoint(x: f64, bMax: f64): void {
  const rootAbsX = sqrt<f64>(-x);
  if (rootAbsX > CODY_X1) {
    gBC = 0.5 * bMax * (1.0 - codyRational(rootAbsX));
    gVC = ONE_OVER_SQRT_TWO_PI * bMax;
  } else {
    gBC = normalisedBlackAndVega(x, sqrt<f64>(abs<f64>(2.0 * x)));
    gVC = lastVega;
  }
}

/** The side point of the guess: s_l = s_c − b_c/v_c below b_c, s_h = s_c + (b_max − b_c)/v_c above. */
// @ts-ignore: decorator
@inline
export function sidePoint(beta: f64, bMax: f64, sC: f64, bC: f64, vC: f64): f64 {
  return beta < bC ? sC - bC / vC : vC > DBL_MIN ? sC + (bMax - bC) / vC : sC;
}

/**
 * The initial guess (Jäckel 2015, §4–§5) from the central point and the side point
 * (sSide, bSide = b(x, sSide), vSide = ∂b/∂s there): sets gS, the bracket gSLeft/gSRight and the
 * objective function of the iteration (0: 1/ln b, 1: b, 2: ln(b_max − b)).
 */
export function guessFromSide(beta: f64, x: f64, bMax: f64, sC: f64, bC: f64, vC: f64, sSide: f64, bSide: f64, vSide: f64): void {
  let s: f64;
  let sLeft: f64 = DBL_MIN;
  let sRight: f64 = DBL_MAX;
  let objective: i32 = 1;
  if (beta < bC) {
    const sL = sSide;
    const bL = bSide;
    const vL = vSide;
    if (beta < bL) {
      const ax = abs<f64>(x);
      const z = (SQRT_ONE_OVER_THREE * ax) / sL;
      const y = z * z;
      const s2 = sL * sL;
      const gaussZ = gaussS(z);
      const phiMinusZ = ncdfS(-z, gaussZ);
      const phiZ = ONE_OVER_SQRT_TWO_PI * gaussZ;
      const growth = expS(y + 0.125 * s2);
      const fpp =
        ((PI_OVER_SIX * y) / (s2 * sL)) * phiMinusZ * (8.0 * SQRT_THREE * sL * ax + ((3.0 * s2 * (s2 - 8.0) - 8.0 * x * x) * phiMinusZ) / phiZ) *
        (growth * growth);
      const phi2 = phiMinusZ * phiMinusZ;
      const fp = TWO_PI * y * phi2 * growth;
      const fL = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (phi2 * phiMinusZ);
      const r = controlForRightCurvature(0.0, bL, 0.0, fL, 1.0, fp, fpp, true);
      let f = rationalCubic(beta, 0.0, bL, 0.0, fL, 1.0, fp, r);
      if (!(f > 0.0)) {
        const u = beta / bL;
        f = (fL * u + bL * (1.0 - u)) * u;
      }
      s = f > 0.0 ? abs<f64>(x / (SQRT_THREE * inverseNormCdf(expS(logS(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax)) / 3.0)))) : 0.0;
      sRight = sL;
      objective = 0;
    } else {
      const r = controlForRightCurvature(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0, false);
      s = rationalCubic(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, r);
      sLeft = sL;
      sRight = sC;
    }
  } else {
    const sH = sSide;
    const bH = bSide;
    if (beta <= bH) {
      const vH = vSide;
      const r = controlForLeftCurvature(bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, 0.0, false);
      s = rationalCubic(beta, bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, r);
      sLeft = sC;
      sRight = sH;
    } else {
      const fH = normCdf(-0.5 * sH);
      const w = (x / sH) * (x / sH);
      const fp = -0.5 * expS(0.5 * w);
      const fpp = (SQRT_PI_OVER_TWO * expS(w + 0.125 * sH * sH) * w) / sH;
      let f: f64 = 0.0;
      if (fpp > -SQRT_DBL_MAX && fpp < SQRT_DBL_MAX) {
        const r = controlForLeftCurvature(bH, bMax, fH, 0.0, fp, -0.5, fpp, true);
        f = rationalCubic(beta, bH, bMax, fH, 0.0, fp, -0.5, r);
      }
      if (f <= 0.0) {
        const hh = bMax - bH;
        const u = (beta - bH) / hh;
        f = (fH * (1.0 - u) + 0.5 * hh * u) * (1.0 - u);
      }
      s = -2.0 * inverseNormCdf(f);
      sLeft = sH;
      if (beta > 0.5 * bMax) objective = 2;
    }
  }
  gS = s;
  gSLeft = sLeft;
  gSRight = sRight;
  gObjective = objective;
}

/** s with b(x, s) = β, x ≤ 0: four-branch guess and at most `iterations` Householder(3) steps. */
export function normalisedImpliedStdDevOtm(beta: f64, x: f64, iterations: i32): f64 {
  if (!(beta > 0.0)) return 0.0;
  const bMax = expS(0.5 * x);
  if (!(beta < bMax)) beta = bMax * (1.0 - DBL_EPSILON);
  const sC = sqrt<f64>(abs<f64>(2.0 * x));
  centralPoint(x, bMax);
  const bC = gBC;
  const vC = gVC;
  const sSide = sidePoint(beta, bMax, sC, bC, vC);
  const bSide = normalisedBlackAndVega(x, sSide);
  guessFromSide(beta, x, bMax, sC, bC, vC, sSide, bSide, lastVega);
  let s = gS;
  let sLeft = gSLeft;
  let sRight = gSRight;
  const objective = gObjective;
  let ds: f64 = DBL_MAX;
  let dsPrevious: f64 = 0.0;
  let reversals: i32 = 0;
  const lnBeta = objective == 0 ? logS(beta) : 0.0;
  for (let k: i32 = 0; k < iterations && abs<f64>(ds) > DBL_EPSILON * s; k++) {
    if (ds * dsPrevious < 0.0) reversals++;
    if (k > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
      s = 0.5 * (sLeft + sRight);
      if (sRight - sLeft <= DBL_EPSILON * s) break;
      reversals = 0;
      ds = 0.0;
    }
    dsPrevious = ds;
    const b = normalisedBlackAndVega(x, s);
    const bp = lastVega;
    if (b > beta && s < sRight) sRight = s;
    else if (b < beta && s > sLeft) sLeft = s;
    const xOverS = x / s;
    const bHalley = (xOverS * xOverS) / s - 0.25 * s;
    const bHh3 = bHalley * bHalley - 3.0 * (xOverS / s) * (xOverS / s) - 0.25;
    if (objective == 0) {
      if (b <= 0.0 || bp <= 0.0) ds = 0.5 * (sLeft + sRight) - s;
      else ds = logObjectiveStep(lnBeta, b, bp, bHalley, bHh3);
    } else if (objective == 2) {
      if (b >= bMax || bp <= DBL_MIN) ds = 0.5 * (sLeft + sRight) - s;
      else {
        const bMaxMinusB = bMax - b;
        const g = logS((bMax - beta) / bMaxMinusB);
        const gp = bp / bMaxMinusB;
        const newton = -g / gp;
        const halley = bHalley + gp;
        const hh3 = bHh3 + gp * (2.0 * gp + 3.0 * bHalley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
    } else if (!(bp > 0.0)) {
      ds = 0.5 * (sLeft + sRight) - s;
    } else {
      ds = plainObjectiveStep(beta, b, bp, bHalley, bHh3);
    }
    ds = max<f64>(-0.5 * s, ds);
    s += ds;
  }
  return s;
}
