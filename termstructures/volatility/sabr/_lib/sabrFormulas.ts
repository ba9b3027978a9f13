// Internal: the SABR implied-vol expansions on already validated, already shifted inputs.
import type { SabrParameters } from '../SabrParameters.js';

const EPSILON = Number.EPSILON;

/** True when x and y agree to 42 ulps relative (QuantLib's `close`), or both are ~0. */
function close(x: number, y: number): boolean {
  if (x === y) return true;
  const diff = Math.abs(x - y);
  const tolerance = 42 * EPSILON;
  if (x * y === 0) return diff < tolerance * tolerance;
  return diff <= tolerance * Math.abs(x) && diff <= tolerance * Math.abs(y);
}

/**
 * ln(F/K); when F and K are within 42 ulps, the two-term series ε − ε²/2 in ε = (F − K)/K
 * (QuantLib's treatment, so that K = F gives exactly 0).
 */
export function sabrLogMoneyness(forward: number, strike: number): number {
  if (!close(forward, strike)) return Math.log(forward / strike);
  const e = (forward - strike) / strike;
  return e - 0.5 * e * e;
}

/**
 * z/x(z) with x(z) = ln((√(1 − 2ρz + z²) + z − ρ)/(1 − ρ)) (Hagan et al. 2002, eq. 2.17b); for
 * z² ≤ 10ε its series 1 − ρz/2 − (3ρ² − 2)z²/12.
 */
export function sabrZOverX(z: number, rho: number): number {
  if (Math.abs(z * z) > 10 * EPSILON) {
    const x = Math.log((Math.sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
    return z / x;
  }
  return 1 - 0.5 * rho * z - ((3 * rho * rho - 2) * z * z) / 12;
}

/** Hagan's 1 + [(1−β)²α²/(24(FK)^{1−β}) + ρβνα/(4(FK)^{(1−β)/2}) + (2−3ρ²)ν²/24]T of eq. (2.17a). */
function lognormalCorrection(fk: number, sqrtFk: number, time: number, p: SabrParameters): number {
  const { alpha, beta, nu, rho } = p;
  const b1 = 1 - beta;
  return 1 + time * ((b1 * b1 * alpha * alpha) / (24 * fk) + (0.25 * rho * beta * nu * alpha) / sqrtFk + ((2 - 3 * rho * rho) * nu * nu) / 24);
}

/**
 * Hagan et al. (2002) eq. (2.17a): Black vol of strike K for forward F and expiry T (K, F > 0).
 */
export function haganLognormalVol(strike: number, forward: number, time: number, p: SabrParameters): number {
  const { alpha, beta, nu, rho } = p;
  const b1 = 1 - beta;
  const fk = Math.pow(forward * strike, b1); // (FK)^{1−β}
  const sqrtFk = Math.sqrt(fk);
  const l = sabrLogMoneyness(forward, strike);
  const z = (nu / alpha) * sqrtFk * l;
  const c = b1 * b1 * l * l;
  const denominator = sqrtFk * (1 + c / 24 + (c * c) / 1920);
  const correction = lognormalCorrection(fk, sqrtFk, time, p);
  return (alpha / denominator) * sabrZOverX(z, rho) * correction;
}

/**
 * Obłój (2008): Black vol with the corrected leading term I⁰ = ν ln(F/K)/x(z),
 * z = ν(F^{1−β} − K^{1−β})/(α(1−β)) (z = ν ln(F/K)/α for β = 1), times Hagan's 1 + I¹T.
 */
export function oblojLognormalVol(strike: number, forward: number, time: number, p: SabrParameters): number {
  const { alpha, beta, nu, rho } = p;
  const b1 = 1 - beta;
  const l = sabrLogMoneyness(forward, strike);
  // q = ln(F/K)·(1−β)/(F^{1−β} − K^{1−β}), → 1/F^{1−β} as K → F; 1 for β = 1.
  let q: number;
  if (b1 === 0) q = 1;
  else if (l === 0) q = 1 / Math.pow(strike, b1);
  else q = (l * b1) / (Math.pow(strike, b1) * Math.expm1(b1 * l));
  const z = (nu * l) / (alpha * q);
  const fk = Math.pow(forward * strike, b1);
  const sqrtFk = Math.sqrt(fk);
  const correction = lognormalCorrection(fk, sqrtFk, time, p);
  return alpha * q * sabrZOverX(z, rho) * correction;
}

/**
 * Hagan et al. (2002) normal-vol expansion (Appendix B) in geometric-average form:
 * σ_N = α(FK)^{β/2}·(1 + l²/24 + l⁴/1920)/(1 + (1−β)²l²/24 + (1−β)⁴l⁴/1920)·z/x(z)·
 * (1 + [−β(2−β)α²/(24(FK)^{1−β}) + ρβνα/(4(FK)^{(1−β)/2}) + (2−3ρ²)ν²/24]T), l = ln(F/K).
 */
export function haganNormalVol(strike: number, forward: number, time: number, p: SabrParameters): number {
  const { alpha, beta, nu, rho } = p;
  const b1 = 1 - beta;
  const fk = Math.pow(forward * strike, b1);
  const sqrtFk = Math.sqrt(fk);
  const l = sabrLogMoneyness(forward, strike);
  const z = (nu / alpha) * sqrtFk * l;
  const c = b1 * b1 * l * l;
  const d = l * l;
  const ratio = (1 + d / 24 + (d * d) / 1920) / (1 + c / 24 + (c * c) / 1920);
  const correction = 1 + time * ((-beta * (2 - beta) * alpha * alpha) / (24 * fk) + (0.25 * rho * beta * nu * alpha) / sqrtFk + ((2 - 3 * rho * rho) * nu * nu) / 24);
  return alpha * Math.pow(forward * strike, beta / 2) * ratio * sabrZOverX(z, rho) * correction;
}
