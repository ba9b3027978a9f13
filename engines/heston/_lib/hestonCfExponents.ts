// The exponents of the Heston characteristic function in the "little Heston trap" form, in real
// arithmetic (no allocation: the COS batch calls it N times per maturity). Magnitudes are squared
// without hypot (|u| up to ~1e7 and parameters in their ranges keep them far from overflow),
// except where the square underflows.
import { Complex } from '../../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';

/** ln E[exp(iu·(ln(S_t/S_0) − drift))] = c + d·v0; c and d as complex numbers. */
export interface HestonCfExponents {
  readonly c: Complex;
  readonly d: Complex;
}

// Result registers of the complex helpers below (re, im).
let rRe = 0;
let rIm = 0;

/** (a + ib)/(c + id) by Smith's algorithm, into (rRe, rIm). */
function div(a: number, b: number, c: number, d: number): void {
  if (Math.abs(c) >= Math.abs(d)) {
    const t = d / c;
    const den = c + d * t;
    rRe = (a + b * t) / den;
    rIm = (b - a * t) / den;
  } else {
    const t = c / d;
    const den = c * t + d;
    rRe = (a * t + b) / den;
    rIm = (b * t - a) / den;
  }
}

/** Principal √(x + iy) (Re ≥ 0), into (rRe, rIm). */
function sqrt(x: number, y: number): void {
  if (x === 0 && y === 0) {
    rRe = 0;
    rIm = y;
    return;
  }
  // x² + y² underflows for |x + iy| ≲ 1e-154 (then 0/0 below): hypot there only, it is slower.
  const r2 = x * x + y * y;
  const t = Math.sqrt((Math.abs(x) + (r2 > 1e-300 ? Math.sqrt(r2) : Math.hypot(x, y))) / 2);
  if (x >= 0) {
    rRe = t;
    rIm = y / (2 * t);
  } else {
    rRe = Math.abs(y) / (2 * t);
    rIm = y < 0 || Object.is(y, -0) ? -t : t;
  }
}

/** log(1 + x + iy), accurate for small |x + iy|, into (rRe, rIm). */
function log1p(x: number, y: number): void {
  rRe = Math.abs(x) < 0.5 && Math.abs(y) < 0.5 ? 0.5 * Math.log1p(x * (2 + x) + y * y) : 0.5 * Math.log((1 + x) * (1 + x) + y * y);
  rIm = Math.atan2(y, 1 + x);
}

/**
 * c(u, t) and d(u, t) with ln φ̂(u) = c + d·v0 for the drift-free log-return, in the form of
 * Albrecher, Mayer, Schoutens & Tistaert (2007), eq. (2)–(3) ("little Heston trap"):
 *   β = κ − ρσ·iu, a = iu + u², d = √(β² + σ²a) (Re ≥ 0), g = (β − d)/(β + d),
 *   D = (β − d)/σ² · (1 − e^(−dt))/(1 − g·e^(−dt)),
 *   C = κθ/σ² · [(β − d)·t − 2·ln((1 − g·e^(−dt))/(1 − g))].
 * β − d is taken from (β + d)(β − d) = −σ²a whenever |β + d| ≥ |β − d| (no cancellation when σ
 * is small), and the logarithm as log1p(−g e^(−dt)) − log1p(−g) (principal branches: both
 * arguments have positive real part since |g| < 1, which is the point of the form).
 * u = uRe + i·uIm may be complex (the Lewis integrand uses u − i/2). t > 0 in years.
 * Writes [Re c, Im c, Re d, Im d] into `out`.
 */
export function hestonCfExponentsInto(uRe: number, uIm: number, t: number, p: HestonParameters, out: Float64Array): void {
  const { kappa, theta, sigma, rho } = p;
  const s2 = sigma * sigma;
  // iu, a = iu + u²
  const iuRe = -uIm;
  const iuIm = uRe;
  const aRe = iuRe + (uRe * uRe - uIm * uIm);
  const aIm = iuIm + 2 * uRe * uIm;
  if (aRe === 0 && aIm === 0) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    return;
  }
  const bRe = kappa - rho * sigma * iuRe;
  const bIm = -rho * sigma * iuIm;
  sqrt(bRe * bRe - bIm * bIm + s2 * aRe, 2 * bRe * bIm + s2 * aIm);
  const dRe = rRe;
  const dIm = rIm;
  if (dRe === 0 && dIm === 0) {
    // β² + σ²a rounded to 0 (β and σ²a below ~1e-154: u within ~1e-300 of 0 or −i, with κ = ρσ
    // at −i): the limits β, d → 0 of D = −(d/σ²)·tanh(dt/2) and C, to first order in a.
    out[0] = -0.25 * kappa * theta * t * t * aRe;
    out[1] = -0.25 * kappa * theta * t * t * aIm;
    out[2] = -0.5 * t * aRe;
    out[3] = -0.5 * t * aIm;
    return;
  }
  let pRe = bRe + dRe;
  let pIm = bIm + dIm;
  let mRe = bRe - dRe;
  let mIm = bIm - dIm;
  let qRe: number; // (β − d)/σ²
  let qIm: number;
  if (pRe * pRe + pIm * pIm >= mRe * mRe + mIm * mIm) {
    div(-aRe, -aIm, pRe, pIm);
    qRe = rRe;
    qIm = rIm;
    mRe = qRe * s2;
    mIm = qIm * s2;
  } else {
    div(-s2 * aRe, -s2 * aIm, mRe, mIm);
    pRe = rRe;
    pIm = rIm;
    qRe = mRe / s2;
    qIm = mIm / s2;
  }
  div(mRe, mIm, pRe, pIm);
  const gRe = rRe;
  const gIm = rIm;
  // e = exp(−d t)
  const em = Math.exp(-dRe * t);
  const eRe = em * Math.cos(-dIm * t);
  const eIm = em * Math.sin(-dIm * t);
  const geRe = gRe * eRe - gIm * eIm;
  const geIm = gRe * eIm + gIm * eRe;
  // D = q·(1 − e)/(1 − g e)
  div(1 - eRe, -eIm, 1 - geRe, -geIm);
  out[2] = qRe * rRe - qIm * rIm;
  out[3] = qRe * rIm + qIm * rRe;
  // C = κθ·[q·t − (2/σ²)(log1p(−g e) − log1p(−g))]
  log1p(-geRe, -geIm);
  const l1Re = rRe;
  const l1Im = rIm;
  log1p(-gRe, -gIm);
  const k = kappa * theta;
  out[0] = k * (qRe * t - (2 / s2) * (l1Re - rRe));
  out[1] = k * (qIm * t - (2 / s2) * (l1Im - rIm));
}

const scratch = new Float64Array(4);

/** {@link hestonCfExponentsInto} returning Complex values (for callers off the hot path). */
export function hestonCfExponents(u: Complex, t: number, p: HestonParameters): HestonCfExponents {
  hestonCfExponentsInto(u.re, u.im, t, p, scratch);
  return { c: new Complex(scratch[0]!, scratch[1]!), d: new Complex(scratch[2]!, scratch[3]!) };
}
