/**
 * How an exercised swaption settles.
 *
 * @remarks
 * `Physical`: the holder enters the underlying swap. `Cash`: the holder receives the swap's value
 * in cash at its start date, computed by the par-yield-curve method (ISDA 2006 Definitions
 * §18.2(a), "Cash Price – Par Yield Curve – Unadjusted"): annuity
 * Σ_i τ_i Π_{j ≤ i}(1 + S τ_j)^{−1} at the swap rate S fixed on exercise, times |S − K| for the
 * option's side.
 * Source: QuantLib `ql/instruments/swaption.hpp` (`Settlement::Type`, `Settlement::Method`).
 * @public
 */
export enum SettlementType {
  Physical = 'Physical',
  Cash = 'Cash',
}
