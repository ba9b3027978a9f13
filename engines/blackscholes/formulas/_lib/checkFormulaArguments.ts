// Internal: argument checks shared by the Black and Bachelier formula functions (QuantLib's
// `checkParameters` in blackformula.cpp, with quantflow's messages). Never re-exported.
import { checkFinite, checkNonNegative, checkPositive } from '../../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../../src/errors.js';
import { OptionType } from '../../../../instruments/OptionType.js';

/** Throws unless `optionType` is `OptionType.Call` (+1) or `OptionType.Put` (−1). */
export function checkOptionType(optionType: OptionType): void {
  if (optionType !== OptionType.Call && optionType !== OptionType.Put) {
    throw InvalidInputError.outOfRange('optionType', optionType, '{1 (call), -1 (put)}');
  }
}

/**
 * Black inputs: displacement d ≥ 0, strike + d ≥ 0, forward + d > 0, stdDev ≥ 0 (when given),
 * discount > 0, all finite.
 */
export function checkBlackArguments(strike: number, forward: number, stdDev: number | undefined, discount: number, displacement: number): void {
  checkNonNegative('displacement', displacement);
  checkFinite('strike', strike);
  checkFinite('forward', forward);
  if (!(strike + displacement >= 0)) {
    throw InvalidInputError.outOfRange('strike', strike, `[${-displacement}, ∞) (strike + displacement ≥ 0)`);
  }
  if (!(forward + displacement > 0)) {
    throw InvalidInputError.outOfRange('forward', forward, `(${-displacement}, ∞) (forward + displacement > 0)`);
  }
  if (stdDev !== undefined) checkNonNegative('stdDev', stdDev);
  checkPositive('discount', discount);
}

/** Bachelier inputs: strike and forward finite (any sign), stdDev ≥ 0 (when given), discount > 0. */
export function checkBachelierArguments(strike: number, forward: number, stdDev: number | undefined, discount: number): void {
  checkFinite('strike', strike);
  checkFinite('forward', forward);
  if (stdDev !== undefined) checkNonNegative('stdDev', stdDev);
  checkPositive('discount', discount);
}
