/**
 * Long or short a contract, with QuantLib's meaning and the sign used in payoffs (+1 long,
 * −1 short), so that `position * (variance − strike)` is the holder's payoff direction.
 *
 * @remarks
 * Source: QuantLib `ql/position.hpp` (`Position::Type`).
 * Checked against: `test/instruments/VarianceSwap.test.ts` (a short swap is worth minus the long one).
 *
 * @public
 */
export enum Position {
  Long = 1,
  Short = -1,
}
