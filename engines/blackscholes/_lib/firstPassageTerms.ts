// Internal: terms of barrier-hitting functionals of a Black–Scholes spot, with their derivatives
// in x = ln S. Never re-exported.

/** One term E · N(ζ), with E ∝ S^κ and dζ/d ln S = dz. */
export interface LogSpotTerm {
  readonly E: number;
  readonly kappa: number;
  readonly zeta: number;
  readonly dz: number;
}

/**
 * E[e^{−ρτ} 1{τ ≤ T}] for τ the first time X_t = ln(S_t/S) with drift ν and vol σ reaches
 * h = ln(H/S), as two terms:
 *   e^{(ν − ν̃)h/σ²} N(η(h − ν̃T)/(σ√T)) + e^{(ν + ν̃)h/σ²} N(η(h + ν̃T)/(σ√T)),
 * ν̃ = √(ν² + 2ρσ²), η = +1 for a barrier below the spot (h < 0), −1 above (h > 0).
 * With ρ = 0 this is the probability of hitting before T.
 * Source: Reiner & Rubinstein (1991), "Breaking down the barriers", Risk 4(8) (first-passage
 * density); Haug (2007) §4.19.5.
 * @param scale - constant factor multiplying both terms.
 */
export function firstPassageTerms(h: number, nu: number, sigma: number, T: number, rho: number, scale: number): LogSpotTerm[] {
  const eta = h < 0 ? 1 : -1;
  const s2 = sigma * sigma;
  const nuTilde = Math.sqrt(nu * nu + 2 * rho * s2);
  const sd = sigma * Math.sqrt(T);
  const k1 = (nu - nuTilde) / s2;
  const k2 = (nu + nuTilde) / s2;
  return [
    { E: scale * Math.exp(k1 * h), kappa: -k1, zeta: (eta * (h - nuTilde * T)) / sd, dz: -eta / sd },
    { E: scale * Math.exp(k2 * h), kappa: -k2, zeta: (eta * (h + nuTilde * T)) / sd, dz: -eta / sd },
  ];
}
