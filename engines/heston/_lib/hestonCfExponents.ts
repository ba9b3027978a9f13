// The exponents of the Heston characteristic function in the "little Heston trap" form.
import { Complex } from '../../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';

/** ln E[exp(iu·(ln(S_t/S_0) − drift))] = c + d·v0; c and d as complex numbers. */
export interface HestonCfExponents {
  readonly c: Complex;
  readonly d: Complex;
}

const ZERO = new Complex(0, 0);

/**
 * c(u, t) and d(u, t) with ln φ̂(u) = c + d·v0 for the drift-free log-return, in the form of
 * Albrecher, Mayer, Schoutens & Tistaert (2007), eq. (2)–(3) ("little Heston trap"):
 *   β = κ − ρσ·iu, a = iu + u², d = √(β² + σ²a) (Re ≥ 0), g = (β − d)/(β + d),
 *   D = (β − d)/σ² · (1 − e^(−dt))/(1 − g·e^(−dt)),
 *   C = κθ/σ² · [(β − d)·t − 2·ln((1 − g·e^(−dt))/(1 − g))].
 * β − d is taken from (β + d)(β − d) = −σ²a whenever |β + d| ≥ |β − d| (no cancellation when σ
 * is small), and the logarithm as log1p(−g e^(−dt)) − log1p(−g) (principal branches: both
 * arguments have positive real part since |g| < 1, which is the point of the form).
 * u may be complex (the Lewis integrand uses u − i/2). t > 0 in years.
 */
export function hestonCfExponents(u: Complex, t: number, p: HestonParameters): HestonCfExponents {
  const { kappa, theta, sigma, rho } = p;
  const s2 = sigma * sigma;
  const iu = new Complex(-u.im, u.re);
  const a = iu.add(u.mul(u));
  if (a.re === 0 && a.im === 0) return { c: ZERO, d: ZERO };
  const beta = new Complex(kappa, 0).sub(iu.scale(rho * sigma));
  const root = beta.mul(beta).add(a.scale(s2)).sqrt();
  let bpd = beta.add(root);
  let bmd = beta.sub(root);
  let bmdOverS2: Complex;
  if (bpd.abs() >= bmd.abs()) {
    bmdOverS2 = a.neg().div(bpd);
    bmd = bmdOverS2.scale(s2);
  } else {
    bpd = a.scale(-s2).div(bmd);
    bmdOverS2 = bmd.scale(1 / s2);
  }
  const g = bmd.div(bpd);
  const e = root.scale(-t).exp();
  const ge = g.mul(e);
  const one = new Complex(1, 0);
  const dExp = bmdOverS2.mul(one.sub(e)).div(one.sub(ge));
  const logTerm = ge.neg().log1p().sub(g.neg().log1p());
  const cExp = bmdOverS2.scale(t).sub(logTerm.scale(2 / s2)).scale(kappa * theta);
  return { c: cExp, d: dExp };
}
