import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { OptionType } from '../OptionType.js';
import { Payoff } from './Payoff.js';

/**
 * A payoff with an option type and a strike.
 * Source: QuantLib `ql/payoff.hpp` (`StrikedTypePayoff`).
 * @public
 */
export abstract class StrikedTypePayoff extends Payoff {
  /**
   * @param optionType - call or put.
   * @param strike - strike in price units; finite.
   * @throws InvalidInputError when `optionType` is not ±1 or `strike` is not finite.
   */
  constructor(
    readonly optionType: OptionType,
    readonly strike: number,
  ) {
    super();
    checkStriked(optionType, strike); // not this.validate(): subclass fields are not set yet
  }

  /**
   * Checks the fields; also run on instruments built from edited terms (an immer draft
   * bypasses the constructor).
   * @throws InvalidInputError when `optionType` is not ±1 or `strike` is not finite.
   */
  validate(): void {
    checkStriked(this.optionType, this.strike);
  }
}

function checkStriked(optionType: OptionType, strike: number): void {
  if (optionType !== OptionType.Call && optionType !== OptionType.Put) {
    throw InvalidInputError.outOfRange('optionType', optionType, '{OptionType.Call (1), OptionType.Put (-1)}');
  }
  checkFinite('strike', strike);
}
