// Lewis's (2001) single-integral Heston call price with delta, gamma and ∂C/∂v0.
import { Complex } from '../../../src/math/complex/Complex.js';
import { adaptiveGaussKronrodHalfLine } from '../../../src/math/integration/adaptiveGaussKronrodHalfLine.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import type { BatesJumps } from '../batesCharacteristicFunction.js';
import { addBatesJumpExponent } from './batesJumps.js';
import { hestonCfExponents } from './hestonCfExponents.js';

export interface LewisHestonCall {
  readonly value: number;
  readonly delta: number;
  readonly gamma: number;
  /** ∂C/∂v0. */
  readonly vegaV0: number;
  /** The price integral's error estimate, in price units. */
  readonly errorEstimate: number;
  /** Characteristic-function evaluations (shared by the four integrals). */
  readonly evaluations: number;
}

export interface LewisOptions {
  /** Price-unit tolerance of each integral's contribution. */
  readonly absoluteTolerance: number;
  readonly maxIntervals: number;
  /** Bates (1996) lognormal jumps added to the characteristic function (validated by the caller). */
  readonly jumps?: BatesJumps;
}

/**
 * With X = ln(F/K), φ̂ the CF of ln(S_T/F) and w(u) = e^{iuX} φ̂(u − i/2):
 *   C = S·D_q − √(SK)·√(D_r D_q)/π · I,                       I  = ∫₀^∞ Re w/(u² + ¼) du
 *   ∂C/∂S = D_q − √(D_r D_q)/π · √(K/S) · (I/2 + I₁),         I₁ = ∫₀^∞ −u·Im w/(u² + ¼) du
 *   ∂²C/∂S² = √(D_r D_q)/π · √K · S^(−3/2) · I₂,              I₂ = ∫₀^∞ Re w du
 *   ∂C/∂v0 = −√(SK)·√(D_r D_q)/π · I₃,                        I₃ = ∫₀^∞ Re(D(u − i/2)·w)/(u² + ¼) du
 * (I₂ follows from differentiating twice under the integral: I'' − I/4 = −I₂.)
 * Lewis (2001), "A Simple Option Formula for General Jump-Diffusion and other Exponential Lévy
 * Processes", eq. (9) with the contour at Im = −1/2 (the same formula as Lewis 2000, ch. 2).
 */
export function lewisHestonCall(
  spot: number,
  strike: number,
  t: number,
  riskFreeDiscount: number,
  dividendDiscount: number,
  p: HestonParameters,
  options: LewisOptions,
): LewisHestonCall {
  const x = Math.log((spot * dividendDiscount) / (riskFreeDiscount * strike));
  const cache = new Map<number, { w: Complex; dw: Complex }>();
  const at = (u: number): { w: Complex; dw: Complex } => {
    let hit = cache.get(u);
    if (hit === undefined) {
      const z = new Complex(u, -0.5);
      const { c, d } = hestonCfExponents(z, t, p);
      let e = c.add(d.scale(p.v0)).add(new Complex(0, u * x));
      if (options.jumps !== undefined && options.jumps.lambda > 0) {
        const jump = new Float64Array(2);
        addBatesJumpExponent(u, -0.5, t, options.jumps, jump);
        e = e.add(new Complex(jump[0]!, jump[1]!));
      }
      const w = e.exp();
      hit = { w, dw: d.mul(w) };
      cache.set(u, hit);
    }
    return hit;
  };
  const root = Math.sqrt(riskFreeDiscount * dividendDiscount) / Math.PI;
  const pre = Math.sqrt(spot * strike) * root;
  // Expected integrated variance sets the width of φ̂'s bulk, hence the half-line's scale.
  const { v0, kappa, theta } = p;
  const variance = theta * t + ((v0 - theta) * -Math.expm1(-kappa * t)) / kappa;
  const scale = Math.min(1e4, Math.max(0.5, 1 / Math.sqrt(variance)));
  const integrate = (f: (u: number) => number, weight: number) =>
    adaptiveGaussKronrodHalfLine(f, 0, scale, { absoluteTolerance: options.absoluteTolerance / weight, maxIntervals: options.maxIntervals });
  const price = integrate((u) => at(u).w.re / (u * u + 0.25), pre);
  const i1 = integrate((u) => (-u * at(u).w.im) / (u * u + 0.25), root * Math.sqrt(strike / spot));
  const i2 = integrate((u) => at(u).w.re, (root * Math.sqrt(strike)) / (spot * Math.sqrt(spot)));
  const i3 = integrate((u) => at(u).dw.re / (u * u + 0.25), pre);
  return {
    value: spot * dividendDiscount - pre * price.value,
    delta: dividendDiscount - root * Math.sqrt(strike / spot) * (price.value / 2 + i1.value),
    gamma: ((root * Math.sqrt(strike)) / (spot * Math.sqrt(spot))) * i2.value,
    vegaV0: -pre * i3.value,
    errorEstimate: pre * price.errorEstimate,
    evaluations: cache.size,
  };
}
