/**
 * The Greeks an engine may produce, under QuantLib conventions.
 *
 * @remarks
 * `delta` = ∂V/∂S, `gamma` = ∂²V/∂S², `vega` = ∂V/∂σ per 1.00 of vol, `theta` = ∂V/∂t per year
 * of calendar time, `thetaPerDay` = theta / 365, `rho` = ∂V/∂r per 1.00 of the continuously
 * compounded risk-free rate, `dividendRho` = ∂V/∂q per 1.00, `deltaForward` = ∂V/∂F,
 * `elasticity` = delta · S / V, `strikeSensitivity` = ∂V/∂K, `itmCashProbability` = N(d2)
 * for calls (N(−d2) for puts), `vanna` = ∂²V/∂S∂σ (per 1.00 of vol), `volga` = ∂²V/∂σ² (per
 * 1.00 of vol, squared), `charm` = ∂Δ/∂t per year, `speed` = ∂Γ/∂S. An engine that cannot
 * produce a Greek leaves it absent.
 * @public
 */
export interface Greeks {
  readonly delta?: number;
  readonly gamma?: number;
  readonly vega?: number;
  readonly theta?: number;
  readonly thetaPerDay?: number;
  readonly rho?: number;
  readonly dividendRho?: number;
  readonly deltaForward?: number;
  readonly elasticity?: number;
  readonly strikeSensitivity?: number;
  readonly itmCashProbability?: number;
  readonly vanna?: number;
  readonly volga?: number;
  readonly charm?: number;
  readonly speed?: number;
}

/**
 * What an engine returns: the value, an optional error estimate (Monte Carlo), the Greeks it
 * could compute and named additional results (documented by each engine).
 * @public
 */
export interface PricingResults {
  /** Present value (NPV) in the instrument's currency units. */
  readonly value: number;
  /** Standard error of `value` for statistical methods; absent for deterministic ones. */
  readonly errorEstimate?: number;
  /** The Greeks produced; absent ones were not computed. */
  readonly greeks: Greeks;
  /** Engine-specific intermediate values (forward, volatility, time to expiry…). */
  readonly additionalResults: Readonly<Record<string, number>>;
}
