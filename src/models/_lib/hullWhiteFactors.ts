// Closed-form factors of the Hull–White (extended Vasicek) model, stable as a → 0.

/** B(τ) = (1 − e^{−aτ})/a, the bond's sensitivity to the short rate; τ at a = 0 (Ho–Lee). */
export function hullWhiteB(a: number, tau: number): number {
  return a === 0 ? tau : -Math.expm1(-a * tau) / a;
}

/**
 * Variance of x(t) = r(t) − f(0, t) given x(s), τ = t − s: σ²(1 − e^{−2aτ})/(2a)
 * (Brigo & Mercurio 2006, eq. 3.37); σ²τ at a = 0.
 */
export function hullWhiteVariance(a: number, sigma: number, tau: number): number {
  return sigma * sigma * hullWhiteB(2 * a, tau);
}

/**
 * Mean of x(T) = r(T) − f(0, T) under the T-forward measure (numeraire P(t, T)):
 * σ²B(0, T)²/2 − σ²/a·(B(0, T) − (1 − e^{−2aT})/(2a)) (0 at a = 0); its variance is
 * {@link hullWhiteVariance}(a, σ, T). Follows from dW^T = dW + σB(t, T)dt
 * (Brigo & Mercurio 2006, §3.3.2, eq. 3.38 shifted by f(0, T)).
 */
export function hullWhiteForwardMeasureMean(a: number, sigma: number, T: number): number {
  if (a === 0) return 0;
  const b = hullWhiteB(a, T);
  return sigma * sigma * (0.5 * b * b - (b - hullWhiteB(2 * a, T)) / a);
}
