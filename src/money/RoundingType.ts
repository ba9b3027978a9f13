/**
 * Rounding methods of {@link Rounding}, as in QuantLib (after the OMG Currency specification).
 *
 * @remarks
 * With `p` the precision and `digit` the rounding digit (default 5), looking at the magnitude
 * `|x|` and the first decimal place past `p`:
 * - `None`: no rounding.
 * - `Up`: away from zero whenever anything non-zero lies past `p` (1.231 → 1.24 at p = 2).
 * - `Down`: truncation toward zero (1.239 → 1.23).
 * - `Closest`: away from zero if the first decimal past `p` is ≥ `digit`, else truncated; with
 *   `digit` = 5 this is round-half-away-from-zero (1.235 → 1.24, −1.235 → −1.24).
 * - `Floor`: positive numbers as `Closest`, negative numbers truncated (−1.06 → −1.0 at p = 1).
 * - `Ceiling`: positive numbers truncated, negative numbers as `Closest`.
 *
 * QuantLib warns that the Floor and Ceiling names are misleading: they are not floor(x) and
 * ceil(x).
 *
 * Source: QuantLib `ql/math/rounding.hpp`; OMG, "Currency Specification" (formal/00-06-29), 2000.
 * Checked against: QuantLib's rounding test table (`test/money/Rounding.test.ts`).
 *
 * @public
 */
export enum RoundingType {
  None = 0,
  Up = 1,
  Down = 2,
  Closest = 3,
  Floor = 4,
  Ceiling = 5,
}
