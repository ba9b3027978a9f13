/**
 * SVI jump-wings parameters of one smile at expiry T: ATM variance, ATM skew, wing slopes and
 * minimum variance, in units a trader reads.
 *
 * @remarks
 * With w_T = v·T the ATM total variance: v = w(0)/T, ψ = w'(0)/(2√w_T) (the ATM skew of
 * implied vol, ∂σ_BS/∂k at k = 0 times √T), p = b(1 − ρ)/√w_T, c = b(1 + ρ)/√w_T,
 * ṽ = min_k w(k)/T. Valid when v > 0, p ≥ 0, c ≥ 0, 0 ≤ ṽ ≤ v.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.3, eq. (3.5) (after Tim Klassen's jump-wings parameters).
 * @public
 */
export interface SviJumpWingsParameters {
  /** ATM variance v = w(0)/T (annualised, decimal²); > 0. */
  readonly v: number;
  /** ATM skew ψ (dimensionless). */
  readonly psi: number;
  /** Slope of the left (put) wing p ≥ 0 (dimensionless). */
  readonly p: number;
  /** Slope of the right (call) wing c ≥ 0 (dimensionless). */
  readonly c: number;
  /** Minimum implied variance ṽ = min w/T (annualised); 0 ≤ ṽ ≤ v. */
  readonly vTilde: number;
}
