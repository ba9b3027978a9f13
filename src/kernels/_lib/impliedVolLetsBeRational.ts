// Internal: Peter Jäckel's "Let's Be Rational" in plain TypeScript — the normalised Black
// function b(x, s) and its inversion. One algorithm serves the scalar public functions
// (engines/blackscholes/formulas/) and the batch reference (src/kernels/impliedVol.reference.ts);
// kernels/_lib/impliedVolMath.ts and kernels/impliedvol.ts are its AssemblyScript transliteration,
// operation for operation, with the kernel's own exp/log/Φ (src/kernels/_lib/referenceMath.ts
// mirrors them here), so the three paths round alike.
//
// Notation (Jäckel 2015, §2): x = ln(F/K), s = σ√T, θ = ±1 (call/put),
//   b(x, s, θ) = θ·[e^(x/2)·Φ(θ(x/s + s/2)) − e^(−x/2)·Φ(θ(x/s − s/2))],
// the Black price divided by √(F·K). Everything below works on out-of-the-money calls, x ≤ 0
// (in-the-money prices lose their intrinsic value and puts map to calls by x → −x), where
// 0 ≤ b < b_max = e^(x/2).
//
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, revised 2016:
// normalised Black function in four regions (§3: asymptotic expansion for x/s < η = −10, small-s
// expansion for s/2 < τ = 2·ε^(1/16), Φ-form, erfcx-form); initial guess from four branches with
// the lower map f_l(b) and upper map f_u(b) and Delbourgo–Gregory rational cubic interpolation
// (§4–§5); at most two third-order Householder steps on the objective functions 1/ln b
// (lowest branch), b (middle two) and ln(b_max − b) (highest branch) (§6).
// Rational cubic: R. Delbourgo, J. A. Gregory, "Shape preserving piecewise rational
// interpolation", SIAM J. Sci. Stat. Comput. 6 (1985), eqs. (2.4)–(2.5), (3.8), (3.18).
// Φ⁻¹: M. J. Wichura, Algorithm AS 241, Appl. Statist. 37 (1988) 477–484.
// erfcx, Φ: W. J. Cody (1969), as in the kernels.
import { codyErfSmall, codyErfcRational, CODY_X1 } from '../../math/special/_lib/codyErfc.js';
import { refExp, refExpCorr, refGauss, refLog, refNormalCdf } from './referenceMath.js';

const DBL_EPSILON = 2.220446049250313e-16;
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = 1.7976931348623157e308;
/** √DBL_MIN and √DBL_MAX. */
const SQRT_DBL_MIN = 1.4916681462400413e-154;
const SQRT_DBL_MAX = 1.3407807929942596e154;
/** ε^(1/4) = 2^−13. */
const FOURTH_ROOT_DBL_EPSILON = 1.220703125e-4;
/** η: below x/s = η the asymptotic expansion (Region I) is used. */
const ETA = -10;
/** τ = 2·ε^(1/16): below s/2 = τ the small-s expansion (Region II) is used. */
const TAU = 0.21022410381342863;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const SQRT_PI_OVER_TWO = 1.2533141373155003;
const SQRT_THREE = 1.7320508075688772;
const SQRT_ONE_OVER_THREE = 0.5773502691896257;
const TWO_PI_OVER_SQRT_TWENTY_SEVEN = 1.2091995761561452;
const PI_OVER_SIX = 0.5235987755982988;
const TWO_PI = 6.283185307179586;
const ONE_OVER_SQRT_TWO = 0.7071067811865476;
const SPLITTER = 134217729.0;
/** 1/k! for the odd k of the small-s expansion (multiplications instead of divisions). */
const INV_3F = 1 / 6;
const INV_5F = 1 / 120;
const INV_7F = 1 / 5040;
const INV_9F = 1 / 362880;
const INV_11F = 1 / 39916800;
const INV_13F = 1 / 6227020800;
/** Largest |x| whose e^(x²) is finite: erfcx(x) for x below −XNEG overflows. */
const XNEG = 26.6287357137514;
/** Largest rational-cubic control parameter (forces linear interpolation) and the smallest. */
const R_MAX = 2 / (DBL_EPSILON * DBL_EPSILON);
const R_MIN = -(1 - 1.4901161193847656e-8);

/** e^(y²) with y² split exactly (Dekker), so the result keeps full relative accuracy. */
function lbrExpSquare(y: number): number {
  const p = y * y;
  const c = SPLITTER * y;
  const yh = c - (c - y);
  const yl = y - yh;
  const e = yh * yh - p + 2 * yh * yl + yl * yl;
  return refExpCorr(p, e);
}

/** Scaled complementary error function erfcx(y) = e^(y²)·erfc(y) (Cody 1969). @internal */
export function lbrErfcx(y: number): number {
  const ay = Math.abs(y);
  if (ay <= CODY_X1) return lbrExpSquare(y) * (1 - codyErfSmall(y));
  if (y > 0) return codyErfcRational(y);
  if (y < -XNEG) return Infinity;
  return 2 * lbrExpSquare(y) - codyErfcRational(ay);
}

/** Φ(z) through the kernel's Gaussian and Cody's erfc factor. @internal */
export function lbrNormCdf(z: number): number {
  return refNormalCdf(z, refGauss(z));
}

/** Φ⁻¹(u), u ∈ (0, 1): Wichura's AS 241 (PPND16), ≈ 1e-16 relative. @internal */
export function lbrInverseNormCdf(u: number): number {
  if (u <= 0) return -Infinity;
  if (u >= 1) return Infinity;
  const q = u - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852545161 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? u : 1 - u;
  r = Math.sqrt(-refLog(r));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -z : z;
}

/** Normalised intrinsic value of a call, 2·sinh(x/2), for x > 0 (series near 0). @internal */
export function lbrNormalisedIntrinsicCall(x: number): number {
  if (x <= 0) return 0;
  const x2 = x * x;
  if (x2 < 98 * FOURTH_ROOT_DBL_EPSILON) {
    return x * (1 + x2 * (1 / 24 + x2 * (1 / 1920 + x2 * (1 / 322560 + x2 / 92897280))));
  }
  const bMax = refExp(0.5 * x);
  return bMax - 1 / bMax;
}

/**
 * Region I: asymptotic expansion of b for h = x/s ≤ η (Jäckel 2015, eq. (3.9)),
 * b = φ-factor·(t/r)·Σₙ (−1)ⁿ(2n−1)!!·qⁿ·2Σᵢ C(2n+1, 2i+1)·eⁱ, r = h² − t², q = (h/r)², e = (t/h)²,
 * 17 terms (relative accuracy ≈ 1.6e-16 for h ≤ −10), summed from the innermost term out as
 * Rₙ = Qₙ(e) − (2n+1)·q·Rₙ₊₁ with exact integer coefficients.
 */
function asymptoticExpansion(h: number, t: number, gauss: number): number {
  const e = (t / h) * (t / h);
  const r = (h + t) * (h - t);
  const q = (h / r) * (h / r);
  let sum = 0;
  for (let n = 17; n >= 0; n--) {
    const m = 2 * n + 1;
    // Q_n(e)/2 = Σᵢ C(m, 2i+1) eⁱ by Horner from i = n down, binomials updated exactly.
    let c = 1;
    let poly = 1;
    for (let i = n - 1; i >= 0; i--) {
      const j = 2 * i + 1;
      c = (c * (j + 2) * (j + 1)) / ((m - j) * (m - j - 1));
      poly = poly * e + c;
    }
    sum = 2 * poly - m * q * sum;
  }
  const b = gauss * (t / r) * sum;
  return Math.abs(Math.max(b, 0));
}

/**
 * Region II: expansion of b in t = s/2 to order t¹³ (Jäckel 2015, eq. (3.11)),
 * b = φ-factor·2·Σ_{k odd} Y⁽ᵏ⁾(h)·tᵏ/k!, Y = Φ/φ, written with a = Y′(h) = 1 + h·Y(h):
 * Y⁽ᵏ⁾ = a·Aₖ(h²) − Bₖ(h²).
 */
function smallTExpansion(h: number, t: number, gauss: number): number {
  const a = 1 + h * SQRT_PI_OVER_TWO * lbrErfcx(-ONE_OVER_SQRT_TWO * h);
  const w = t * t;
  const h2 = h * h;
  const y3 = a * (h2 + 3) - 1;
  const y5 = a * (h2 * (h2 + 10) + 15) - (h2 + 7);
  const y7 = a * (h2 * (h2 * (h2 + 21) + 105) + 105) - (h2 * (h2 + 18) + 57);
  const y9 = a * (h2 * (h2 * (h2 * (h2 + 36) + 378) + 1260) + 945) - (h2 * (h2 * (h2 + 33) + 285) + 561);
  const y11 =
    a * (h2 * (h2 * (h2 * (h2 * (h2 + 55) + 990) + 6930) + 17325) + 10395) - (h2 * (h2 * (h2 * (h2 + 52) + 840) + 4680) + 6555);
  const y13 =
    a * (h2 * (h2 * (h2 * (h2 * (h2 * (h2 + 78) + 2145) + 25740) + 135135) + 270270) + 135135) -
    (h2 * (h2 * (h2 * (h2 * (h2 + 75) + 1926) + 20370) + 82845) + 89055);
  const expansion =
    2 * t * (a + w * (y3 * INV_3F + w * (y5 * INV_5F + w * (y7 * INV_7F + w * (y9 * INV_9F + w * (y11 * INV_11F + w * (y13 * INV_13F)))))));
  const b = gauss * expansion;
  return Math.abs(Math.max(b, 0));
}

/** Region III: b = Φ(h+t)·e^(x/2) − Φ(h−t)·e^(−x/2), for h + t > 0.85. */
function viaNormCdf(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const bMax = refExp(0.5 * x);
  const b = lbrNormCdf(h + t) * bMax - lbrNormCdf(h - t) / bMax;
  return Math.abs(Math.max(b, 0));
}

/** Region IV: b = ½·e^(−(h²+t²)/2)·[erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2)], given gauss = e^(−(h²+t²)/2)/√(2π). */
function viaErfcx(h: number, t: number, gauss: number): number {
  const b = SQRT_PI_OVER_TWO * gauss * (lbrErfcx(-ONE_OVER_SQRT_TWO * (h + t)) - lbrErfcx(-ONE_OVER_SQRT_TWO * (h - t)));
  return Math.abs(Math.max(b, 0));
}

/** ∂b/∂s at the last {@link lbrNormalisedBlackAndVega} evaluation (a second return value). */
let lastVega = 0;

/** ∂b/∂s at the last {@link lbrNormalisedBlackAndVega} evaluation. @internal */
export function lbrLastVega(): number {
  return lastVega;
}

/**
 * b(x, s) for x ≤ 0 and s ≥ 0, leaving ∂b/∂s = e^(−(h²+t²)/2)/√(2π) in `lastVega`: Regions I, II
 * and IV carry that Gaussian factor anyway, so value and vega cost one exponential. @internal
 */
export function lbrNormalisedBlackAndVega(x: number, s: number): number {
  if (!(s > 0)) {
    lastVega = lbrNormalisedVega(x, s);
    return 0;
  }
  const h = x / s;
  const t = 0.5 * s;
  if (x + 0.5 * s * s > s * 0.85 && !(0.5 * s < TAU)) {
    // Region III (Region I and h + t > 0.85 exclude each other).
    lastVega = lbrNormalisedVega(x, s);
    return viaNormCdf(x, s);
  }
  const gauss = ONE_OVER_SQRT_TWO_PI * refExp(-0.5 * (h * h + t * t));
  lastVega = gauss;
  if (x < s * ETA && 0.5 * s * s + x < s * (TAU + ETA)) return asymptoticExpansion(h, t, gauss);
  if (t < TAU) return smallTExpansion(h, t, gauss);
  return viaErfcx(h, t, gauss);
}

/**
 * Normalised Black call b(x, s) for x ≤ 0 (out of the money or at the money), s ≥ 0,
 * accurate to a few ulp in relative terms in all four regions. @internal
 */
export function lbrNormalisedBlackOtm(x: number, s: number): number {
  return lbrNormalisedBlackAndVega(x, s);
}

/** ∂b/∂s = φ(x/s + s/2)·e^(x/2) = e^(−(x²/s² + s²/4)/2)/√(2π). @internal */
export function lbrNormalisedVega(x: number, s: number): number {
  const ax = Math.abs(x);
  if (ax <= 0) return ONE_OVER_SQRT_TWO_PI * refExp(-0.125 * s * s);
  if (s <= 0 || s <= ax * SQRT_DBL_MIN) return 0;
  const h = x / s;
  const t = 0.5 * s;
  return ONE_OVER_SQRT_TWO_PI * refExp(-0.5 * (h * h + t * t));
}

/** Delbourgo–Gregory rational cubic on [xl, xr] with values yl, yr, slopes dl, dr, control r (eqs. 2.4/2.5). */
function rationalCubic(x: number, xl: number, xr: number, yl: number, yr: number, dl: number, dr: number, r: number): number {
  const h = xr - xl;
  if (Math.abs(h) <= 0) return 0.5 * (yl + yr);
  const t = (x - xl) / h;
  if (!(r >= R_MAX)) {
    const omt = 1 - t;
    const t2 = t * t;
    const omt2 = omt * omt;
    return (yr * t2 * t + (r * yr - h * dr) * t2 * omt + (r * yl + h * dl) * t * omt2 + yl * omt2 * omt) / (1 + (r - 3) * t * omt);
  }
  return yr * t + yl * (1 - t);
}

/** Smallest control parameter keeping the interpolant monotone/convex where the data allow it (eqs. 3.8, 3.18). */
function minimumControl(dl: number, dr: number, slope: number, preferShape: boolean): number {
  const monotonic = dl * slope >= 0 && dr * slope >= 0;
  const convex = dl <= slope && slope <= dr;
  const concave = dl >= slope && slope >= dr;
  if (!monotonic && !convex && !concave) return R_MIN;
  const drMinusDl = dr - dl;
  const drMinusS = dr - slope;
  const sMinusDl = slope - dl;
  let r1 = -DBL_MAX;
  let r2 = r1;
  if (monotonic) {
    if (Math.abs(slope) >= DBL_MIN) r1 = (dr + dl) / slope;
    else if (preferShape) r1 = R_MAX;
  }
  if (convex || concave) {
    if (!(Math.abs(sMinusDl) < DBL_MIN || Math.abs(drMinusS) < DBL_MIN)) {
      r2 = Math.max(Math.abs(drMinusDl / drMinusS), Math.abs(drMinusDl / sMinusDl));
    } else if (preferShape) r2 = R_MAX;
  } else if (monotonic && preferShape) r2 = R_MAX;
  return Math.max(R_MIN, Math.max(r1, r2));
}

/** Control parameter matching the second derivative at the left end, bounded below by shape preservation. */
function controlForLeftCurvature(
  xl: number, xr: number, yl: number, yr: number, dl: number, dr: number, secondDerivative: number, preferShape: boolean,
): number {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivative + (dr - dl);
  const denominator = (yr - yl) / h - dl;
  let r: number;
  if (Math.abs(numerator) < DBL_MIN) r = 0;
  else if (Math.abs(denominator) < DBL_MIN) r = numerator > 0 ? R_MAX : R_MIN;
  else r = numerator / denominator;
  return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
}

/** Control parameter matching the second derivative at the right end, bounded below by shape preservation. */
function controlForRightCurvature(
  xl: number, xr: number, yl: number, yr: number, dl: number, dr: number, secondDerivative: number, preferShape: boolean,
): number {
  const h = xr - xl;
  const numerator = 0.5 * h * secondDerivative + (dr - dl);
  const denominator = dr - (yr - yl) / h;
  let r: number;
  if (Math.abs(numerator) < DBL_MIN) r = 0;
  else if (Math.abs(denominator) < DBL_MIN) r = numerator > 0 ? R_MAX : R_MIN;
  else r = numerator / denominator;
  return Math.max(r, minimumControl(dl, dr, (yr - yl) / h, preferShape));
}

/** Third-order Householder factor: s_{n+1} = s_n + ν·(1 + ½ην)/(1 + ν(η + ⅙ζν)), ν = −g/g′, η = g″/g′, ζ = g‴/g′. */
function householderFactor(newton: number, halley: number, hh3: number): number {
  return (1 + 0.5 * halley * newton) / (1 + newton * (halley + (hh3 * newton) / 6));
}

/**
 * The Householder(3) step on 1/ln b − 1/ln β (Jäckel 2015, §6, the lowest branch's objective)
 * at b = b(x, s) > 0 with ∂b/∂s = bp > 0; bHalley = b″/b′ and bHh3 = b‴/b′ of b itself. @internal
 */
export function logObjectiveStep(lnBeta: number, b: number, bp: number, bHalley: number, bHh3: number): number {
  const lnB = refLog(b);
  const bpob = bp / b;
  const newton = (((lnBeta - lnB) * lnB) / lnBeta) / bpob;
  const halley = bHalley - bpob * (1 + 2 / lnB);
  const hh3 = bHh3 + 2 * bpob * bpob * (1 + (3 / lnB) * (1 + 1 / lnB)) - 3 * bHalley * bpob * (1 + 2 / lnB);
  return newton * householderFactor(newton, halley, hh3);
}

/** The Householder(3) step on b − β (the middle branches' objective), bp > 0. @internal */
export function plainObjectiveStep(beta: number, b: number, bp: number, bHalley: number, bHh3: number): number {
  const newton = (beta - b) / bp;
  return newton * householderFactor(newton, bHalley, bHh3);
}

/**
 * s = σ√T with b(x, s) = β for an out-of-the-money call, x ≤ 0, 0 < β < e^(x/2): the initial
 * guess from four branches, then at most `iterations` Householder(3) steps (Jäckel 2015, §4–§6).
 * Returns 0 for β ≤ 0. Callers check that the price is below its upper bound; a β that the
 * normalisation rounded up to e^(x/2) or beyond is taken as e^(x/2)·(1 − ε). @internal
 */
export function lbrNormalisedImpliedStdDevOtm(beta: number, x: number, iterations: number): number {
  if (!(beta > 0)) return 0;
  const bMax = refExp(0.5 * x);
  if (!(beta < bMax)) beta = bMax * (1 - DBL_EPSILON);
  let s: number;
  let sLeft = DBL_MIN;
  let sRight = DBL_MAX;
  let ds = DBL_MAX;
  let dsPrevious = 0;
  let reversals = 0;
  // Branch 0: lowest, objective 1/ln b. Branch 2: highest, objective ln(b_max − b). Else b itself.
  let objective = 1;
  // The central point s_c = √(2|x|), where b″ = 0: b_c = ½·b_max·(1 − erfcx(√|x|)) and
  // ∂b/∂s = b_max/√(2π) in closed form once √|x| > 0.46875 (no cancellation in 1 − erfcx there).
  const sC = Math.sqrt(Math.abs(2 * x));
  const rootAbsX = Math.sqrt(-x);
  let bC: number;
  let vC: number;
  if (rootAbsX > CODY_X1) {
    bC = 0.5 * bMax * (1 - codyErfcRational(rootAbsX));
    vC = ONE_OVER_SQRT_TWO_PI * bMax;
  } else {
    bC = lbrNormalisedBlackAndVega(x, sC);
    vC = lastVega;
  }
  if (beta < bC) {
    const sL = sC - bC / vC;
    const bL = lbrNormalisedBlackAndVega(x, sL);
    const vL = lastVega;
    if (beta < bL) {
      // Lower map f_l(b) = 2π|x|/√27·Φ(−z)³, z = |x|/(√3·s), with its first two derivatives in b.
      const ax = Math.abs(x);
      const z = (SQRT_ONE_OVER_THREE * ax) / sL;
      const y = z * z;
      const s2 = sL * sL;
      // One Gaussian for Φ(−z) and φ(z), one exponential for f′ and (squared) f″.
      const gaussZ = refGauss(z);
      const phiMinusZ = refNormalCdf(-z, gaussZ);
      const phiZ = ONE_OVER_SQRT_TWO_PI * gaussZ;
      const growth = refExp(y + 0.125 * s2);
      const fpp =
        ((PI_OVER_SIX * y) / (s2 * sL)) * phiMinusZ * (8 * SQRT_THREE * sL * ax + ((3 * s2 * (s2 - 8) - 8 * x * x) * phiMinusZ) / phiZ) *
        (growth * growth);
      const phi2 = phiMinusZ * phiMinusZ;
      const fp = TWO_PI * y * phi2 * growth;
      const fL = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (phi2 * phiMinusZ);
      const r = controlForRightCurvature(0, bL, 0, fL, 1, fp, fpp, true);
      let f = rationalCubic(beta, 0, bL, 0, fL, 1, fp, r);
      if (!(f > 0)) {
        // Round-off for extreme |x|: quadratic through f(0) = 0, f′(0) = 1 and f(b_l).
        const u = beta / bL;
        f = (fL * u + bL * (1 - u)) * u;
      }
      // Inverse of the lower map: s = |x| / (√3·|Φ⁻¹((f / (2π|x|/√27))^(1/3))|).
      s = f > 0 ? Math.abs(x / (SQRT_THREE * lbrInverseNormCdf(refExp(refLog(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax)) / 3)))) : 0;
      sRight = sL;
      objective = 0;
    } else {
      const r = controlForRightCurvature(bL, bC, sL, sC, 1 / vL, 1 / vC, 0, false);
      s = rationalCubic(beta, bL, bC, sL, sC, 1 / vL, 1 / vC, r);
      sLeft = sL;
      sRight = sC;
    }
  } else {
    const sH = vC > DBL_MIN ? sC + (bMax - bC) / vC : sC;
    const bH = lbrNormalisedBlackAndVega(x, sH);
    if (beta <= bH) {
      const vH = lastVega;
      const r = controlForLeftCurvature(bC, bH, sC, sH, 1 / vC, 1 / vH, 0, false);
      s = rationalCubic(beta, bC, bH, sC, sH, 1 / vC, 1 / vH, r);
      sLeft = sC;
      sRight = sH;
    } else {
      // Upper map f_u(b) = Φ(−s/2), with its first two derivatives in b.
      const fH = lbrNormCdf(-0.5 * sH);
      const w = (x / sH) * (x / sH);
      const fp = -0.5 * refExp(0.5 * w);
      const fpp = (SQRT_PI_OVER_TWO * refExp(w + 0.125 * sH * sH) * w) / sH;
      let f = 0;
      if (fpp > -SQRT_DBL_MAX && fpp < SQRT_DBL_MAX) {
        const r = controlForLeftCurvature(bH, bMax, fH, 0, fp, -0.5, fpp, true);
        f = rationalCubic(beta, bH, bMax, fH, 0, fp, -0.5, r);
      }
      if (f <= 0) {
        // Quadratic through f(b_h), f(b_max) = 0 and f′(b_max) = −½.
        const hh = bMax - bH;
        const u = (beta - bH) / hh;
        f = (fH * (1 - u) + 0.5 * hh * u) * (1 - u);
      }
      s = -2 * lbrInverseNormCdf(f);
      sLeft = sH;
      if (beta > 0.5 * bMax) objective = 2;
    }
  }
  const lnBeta = objective === 0 ? refLog(beta) : 0;
  for (let k = 0; k < iterations && Math.abs(ds) > DBL_EPSILON * s; k++) {
    if (ds * dsPrevious < 0) reversals++;
    if (k > 0 && (reversals === 3 || !(s > sLeft && s < sRight))) {
      // The step left the bracket (extreme |x| only): bisect instead.
      s = 0.5 * (sLeft + sRight);
      if (sRight - sLeft <= DBL_EPSILON * s) break;
      reversals = 0;
      ds = 0;
    }
    dsPrevious = ds;
    const b = lbrNormalisedBlackAndVega(x, s);
    const bp = lastVega;
    if (b > beta && s < sRight) sRight = s;
    else if (b < beta && s > sLeft) sLeft = s;
    const xOverS = x / s;
    const bHalley = (xOverS * xOverS) / s - 0.25 * s;
    const bHh3 = bHalley * bHalley - 3 * (xOverS / s) * (xOverS / s) - 0.25;
    if (objective === 0) {
      if (b <= 0 || bp <= 0) ds = 0.5 * (sLeft + sRight) - s;
      else ds = logObjectiveStep(lnBeta, b, bp, bHalley, bHh3);
    } else if (objective === 2) {
      if (b >= bMax || bp <= DBL_MIN) ds = 0.5 * (sLeft + sRight) - s;
      else {
        const bMaxMinusB = bMax - b;
        const g = refLog((bMax - beta) / bMaxMinusB);
        const gp = bp / bMaxMinusB;
        const newton = -g / gp;
        const halley = bHalley + gp;
        const hh3 = bHh3 + gp * (2 * gp + 3 * bHalley);
        ds = newton * householderFactor(newton, halley, hh3);
      }
    } else if (!(bp > 0)) {
      ds = 0.5 * (sLeft + sRight) - s;
    } else {
      ds = plainObjectiveStep(beta, b, bp, bHalley, bHh3);
    }
    ds = Math.max(-0.5 * s, ds);
    s += ds;
  }
  return s;
}
