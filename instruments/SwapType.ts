/**
 * Which side of the fixed leg a swap holder is on: `Payer` pays fixed (receives floating),
 * `Receiver` receives fixed; the value is the sign applied to the floating leg.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/swap.hpp` (`Swap::Type`).
 * Checked against: `test/instruments/swaps.test.ts` (a receiver swap is worth minus the payer one).
 *
 * @public
 */
export enum SwapType {
  Receiver = -1,
  Payer = 1,
}
