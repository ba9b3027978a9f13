import { checkFinite } from '../../src/_lib/checks.js';
import type { OptionType } from '../OptionType.js';
import { StrikedTypePayoff } from './StrikedTypePayoff.js';

/**
 * The gap payoff: ω (S − K₂) if ω (S − K₁) > 0, else 0 — the strike K₁ decides whether it pays,
 * the second strike K₂ how much (can be negative).
 *
 * @remarks
 * Source: QuantLib `ql/instruments/payoffs.hpp` (`GapPayoff`); Haug (2007), §4.17.2.
 *
 * @example
 * ```ts
 * import { GapPayoff, OptionType } from 'quantflow';
 * new GapPayoff(OptionType.Call, 50, 57).value(55); //=> -2
 * ```
 * @public
 */
export class GapPayoff extends StrikedTypePayoff {
  /**
   * @param optionType - call or put.
   * @param strike - K₁, the trigger strike; finite.
   * @param secondStrike - K₂, the payoff strike; finite.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(
    optionType: OptionType,
    strike: number,
    readonly secondStrike: number,
  ) {
    super(optionType, strike);
    checkFinite('secondStrike', secondStrike);
  }

  override validate(): void {
    super.validate();
    checkFinite('secondStrike', this.secondStrike);
  }

  name(): string {
    return 'Gap';
  }

  value(price: number): number {
    return this.optionType * (price - this.strike) > 0 ? this.optionType * (price - this.secondStrike) : 0;
  }
}
