/**
 * Kinds of bond duration, as in QuantLib's `Duration::Type`.
 *
 * @remarks
 * With price P(y) = Σ c_i B(t_i; y) under a yield y with frequency f:
 * - `Simple`: Σ t_i c_i B_i / P (the discount-weighted mean time; years);
 * - `Modified`: −(dP/dy)/P (years; relative price change per 1.00 of yield);
 * - `Macaulay`: (1 + y/f) · Modified for a compounded yield, which equals `Simple` there.
 * Source: QuantLib `ql/cashflows/duration.hpp`; Fabozzi, "Bond Markets, Analysis and
 * Strategies", ch. 4 (Macaulay and modified duration).
 * @public
 */
export enum Duration {
  Simple = 0,
  Macaulay = 1,
  Modified = 2,
}
