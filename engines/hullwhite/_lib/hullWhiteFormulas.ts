// Internal closed forms of the Hull–White one-factor model in the state x = r − φ(t),
// dx = −a x dt + σ dW, x(0) = 0 (Brigo & Mercurio 2006, §3.3.2). Shared by the tree, FD and
// MC engines of engines/hullwhite/{tree,fd,mc}; never re-exported. The factors themselves are the
// model's (src/models/_lib/hullWhiteFactors.ts); these constant-σ forms keep their aτ < 1e-12 → τ
// cutoff, which the engines' pinned values were computed with.
import { hullWhiteB } from '../../../src/models/_lib/hullWhiteFactors.js';

/** B(t, T) = (1 − e^{−a τ})/a, τ = T − t (τ for a → 0). */
export function hwB(a: number, tau: number): number {
  return a * tau < 1e-12 ? tau : hullWhiteB(a, tau);
}

/** Var x(t+τ) | x(t) = σ²(1 − e^{−2aτ})/(2a). */
export function hwStateVariance(a: number, sigma: number, tau: number): number {
  return sigma * sigma * (a * tau < 1e-12 ? tau : hullWhiteB(2 * a, tau));
}

/**
 * V(t, T) = Var ∫_t^T x(s) ds given x(t) = (σ²/a²)[τ + (2/a)e^{−aτ} − (1/(2a))e^{−2aτ} − 3/(2a)]
 * (Brigo & Mercurio eq. 3.37), written as (σ²/a²)[τ − 2B(τ) + B₂(τ)] with B₂ = (1 − e^{−2aτ})/(2a)
 * for accuracy at small aτ.
 */
export function hwIntegralVariance(a: number, sigma: number, tau: number): number {
  const y = a * tau;
  if (y < 0.1) {
    // Series σ²τ³ Σ_{n≥3} (−1)^{n+1}(2^{n−1} − 2) y^{n−3}/n! — the closed form cancels badly here.
    let sum = 0;
    let term = 1 / 6; // y^{n−3}/n! at n = 3
    let pow2 = 4;
    for (let n = 3; n < 30; n++) {
      const c = (n % 2 === 1 ? 1 : -1) * (pow2 - 2) * term;
      sum += c;
      if (Math.abs(c) < 1e-18 * Math.abs(sum)) break;
      term *= y / (n + 1);
      pow2 *= 2;
    }
    return sigma * sigma * tau * tau * tau * sum;
  }
  const b = hullWhiteB(a, tau);
  const b2 = hullWhiteB(2 * a, tau);
  return ((sigma * sigma) / (a * a)) * (tau - 2 * b + b2);
}

/**
 * ∫_{t1}^{t2} σ²/(2a²)(1 − e^{−as})² ds: the convexity part of ∫φ, φ(t) = f(0,t) + σ²/(2a²)(1 − e^{−at})².
 */
export function hwConvexityIntegral(a: number, sigma: number, t1: number, t2: number): number {
  // (1/2)[V(0,t2) − V(0,t1)] — since V(0,t) = 2∫_0^t σ²/(2a²)(1−e^{−as})² ds (B&M eq. 3.39).
  return 0.5 * (hwIntegralVariance(a, sigma, t2) - hwIntegralVariance(a, sigma, t1));
}

/**
 * ln A(t, T) of P(t, T | x_t) = A(t, T) e^{−B(t,T) x_t}:
 * ln P(0,T) − ln P(0,t) + ½[V(t,T) − V(0,T) + V(0,t)] (Brigo & Mercurio eq. 3.39).
 */
export function hwLogA(a: number, sigma: number, t: number, T: number, discountT: number, discountt: number): number {
  return Math.log(discountT / discountt) + 0.5 * (hwIntegralVariance(a, sigma, T - t) - hwIntegralVariance(a, sigma, T) + hwIntegralVariance(a, sigma, t));
}
