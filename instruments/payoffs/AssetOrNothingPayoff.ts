import { StrikedTypePayoff } from './StrikedTypePayoff.js';

/**
 * The binary asset payoff: S if ω (S − K) > 0, else 0.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/payoffs.hpp` (`AssetOrNothingPayoff`); Haug (2007), §4.19.3.
 *
 * @example
 * ```ts
 * import { AssetOrNothingPayoff, OptionType } from 'quantflow';
 * new AssetOrNothingPayoff(OptionType.Put, 100).value(90); //=> 90
 * ```
 * @public
 */
export class AssetOrNothingPayoff extends StrikedTypePayoff {
  name(): string {
    return 'AssetOrNothing';
  }

  value(price: number): number {
    return this.optionType * (price - this.strike) > 0 ? price : 0;
  }
}
