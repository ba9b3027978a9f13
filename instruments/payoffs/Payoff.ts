import { immerable } from 'immer';

/**
 * A payoff function of the underlying price at exercise.
 *
 * @remarks
 * Payoffs are immutable plain data with methods (marked `immerable`, so instrument terms that
 * hold them can be edited with `instrument.with(draft => …)`).
 * Source: QuantLib `ql/payoff.hpp`.
 * @public
 */
export abstract class Payoff {
  static readonly [immerable] = true;

  /** Short name, e.g. `"Vanilla"`. */
  abstract name(): string;

  /**
   * The payoff for an underlying price.
   * @param price - underlying price at exercise; ≥ 0.
   */
  abstract value(price: number): number;
}
