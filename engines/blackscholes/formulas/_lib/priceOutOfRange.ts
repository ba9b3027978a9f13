// Internal: the error every implied-volatility function throws for a price outside its range.
import { InvalidInputError } from '../../../../src/errors.js';

/** InvalidInputError naming `argument` = price and the allowed range [lower, upper). */
export function priceOutOfRange(argument: string, price: number, lower: number, upper: number, what: string): InvalidInputError {
  return InvalidInputError.outOfRange(argument, price, `[${lower}, ${upper}) (${what})`);
}
