import { StrikedTypePayoff } from './StrikedTypePayoff.js';

/**
 * The vanilla payoff max(ω (S − K), 0), ω = +1 for calls and −1 for puts.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/payoffs.hpp` (`PlainVanillaPayoff`).
 * Checked against: `test/instruments/VanillaOption.test.ts`.
 *
 * @example
 * ```ts
 * import { OptionType, PlainVanillaPayoff } from 'quantflow';
 * new PlainVanillaPayoff(OptionType.Put, 100).value(90); //=> 10
 * ```
 * @public
 */
export class PlainVanillaPayoff extends StrikedTypePayoff {
  name(): string {
    return 'Vanilla';
  }

  value(price: number): number {
    return Math.max(this.optionType * (price - this.strike), 0);
  }
}
