/**
 * The SSVI curvature function φ(θ) of the ATM total variance θ.
 *
 * @remarks
 * `'powerLaw'`: φ(θ) = η θ^{−γ} (1 + θ)^{γ−1} (Gatheral–Jacquier 2014, eq. 4.5), valid for η > 0,
 * 0 < γ < 1; free of static arbitrage when η(1 + |ρ|) ≤ 2 and γ ≤ 1/2 (then θφ(1 + |ρ|) < 4 and
 * θφ²(1 + |ρ|) ≤ 4, their Thm 4.2, and 0 ≤ ∂_θ(θφ) = (1 − γ)φ/(1 + θ) ≤ φ, their Thm 4.1).
 * `'heston'`: φ(θ) = (1/(λθ))(1 − (1 − e^{−λθ})/(λθ)) (eq. 4.4), λ > 0; free of static arbitrage
 * when λ ≥ (1 + |ρ|)/4 (their Cor. 4.1).
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §4.
 * @public
 */
export type SsviPhi =
  | { readonly type: 'powerLaw'; /** η > 0. */ readonly eta: number; /** γ ∈ (0, 1). */ readonly gamma: number }
  | { readonly type: 'heston'; /** λ > 0. */ readonly lambda: number };
