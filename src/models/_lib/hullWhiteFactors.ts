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
