// Closed-form factors of the Hull–White (extended Vasicek) model with constant a and a
// piecewise-constant σ(t), stable as a → 0.

/** B(τ) = (1 − e^{−aτ})/a, the bond's sensitivity to the short rate; τ at a = 0 (Ho–Lee). */
export function hullWhiteB(a: number, tau: number): number {
  return a === 0 ? tau : -Math.expm1(-a * tau) / a;
}

/**
 * σ(t) piecewise constant: `values[k]` on [times[k−1], times[k]) with times[−1] = 0 and
 * times[n−1] = ∞; `times` has length values.length − 1, strictly increasing, > 0.
 */
export interface PiecewiseSigma {
  readonly times: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** Calls f(u0, u1, σ_k) for each piece of σ on [s, t]. */
function forEachPiece(sigma: PiecewiseSigma, s: number, t: number, f: (u0: number, u1: number, value: number) => void): void {
  let u0 = s;
  const n = sigma.values.length;
  for (let k = 0; k < n && u0 < t; k++) {
    const end = k < n - 1 ? (sigma.times[k] as number) : Infinity;
    if (end <= u0) continue;
    const u1 = Math.min(end, t);
    f(u0, u1, sigma.values[k] as number);
    u0 = u1;
  }
}

/**
 * ∫_s^t σ(u)² e^{−2a(t−u)} du: the variance of x(t) given x(s) (Andersen & Piterbarg 2010,
 * §10.1); with s = 0 it is y(t), the variance of x(t) seen from today.
 */
export function hullWhiteStateVariance(a: number, sigma: PiecewiseSigma, s: number, t: number): number {
  let v = 0;
  forEachPiece(sigma, s, t, (u0, u1, value) => {
    v += value * value * Math.exp(-2 * a * (t - u1)) * hullWhiteB(2 * a, u1 - u0);
  });
  return v;
}

/**
 * ∫_s^t e^{−a(t−u)} y(u) du: the drift of x(t) given x(s) under the risk-neutral measure
 * (dx = (y − a x) dt + σ dW). On a piece [u0, u1] of length Δ with σ_k the integrand integrates to
 * e^{−a(t−u1)}(y(u0) e^{−aΔ} B(Δ) + σ_k² B(Δ)²/2); for constant σ and s = 0 this is
 * σ²/(2a²)(1 − e^{−at})², Brigo & Mercurio's α(t) − f(0, t).
 */
export function hullWhiteStateDrift(a: number, sigma: PiecewiseSigma, s: number, t: number): number {
  let drift = 0;
  let y0 = hullWhiteStateVariance(a, sigma, 0, s);
  forEachPiece(sigma, s, t, (u0, u1, value) => {
    const dt = u1 - u0;
    const b = hullWhiteB(a, dt);
    const decay = Math.exp(-a * dt);
    drift += Math.exp(-a * (t - u1)) * (y0 * decay * b + 0.5 * value * value * b * b);
    y0 = y0 * decay * decay + value * value * hullWhiteB(2 * a, dt);
  });
  return drift;
}
