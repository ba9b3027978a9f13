import { checkFinite } from '../../src/_lib/checks.js';
import type { OptionType } from '../OptionType.js';
import { StrikedTypePayoff } from './StrikedTypePayoff.js';

/**
 * The binary cash payoff: `cashPayoff` if ω (S − K) > 0, else 0.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/payoffs.hpp` (`CashOrNothingPayoff`); Haug (2007), The Complete
 * Guide to Option Pricing Formulas, §4.19.2.
 *
 * @example
 * ```ts
 * import { CashOrNothingPayoff, OptionType } from 'quantflow';
 * new CashOrNothingPayoff(OptionType.Call, 100, 10).value(101); //=> 10
 * ```
 * @public
 */
export class CashOrNothingPayoff extends StrikedTypePayoff {
  /**
   * @param optionType - call (pays above the strike) or put (pays below).
   * @param strike - K, finite.
   * @param cashPayoff - the amount paid, finite.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(
    optionType: OptionType,
    strike: number,
    readonly cashPayoff: number,
  ) {
    super(optionType, strike);
    checkFinite('cashPayoff', cashPayoff);
  }

  override validate(): void {
    super.validate();
    checkFinite('cashPayoff', this.cashPayoff);
  }

  name(): string {
    return 'CashOrNothing';
  }

  value(price: number): number {
    return this.optionType * (price - this.strike) > 0 ? this.cashPayoff : 0;
  }
}
