import { QuantflowError } from '../../errors.js';

/** The error every quote throws from `value()` while invalid. */
export function invalidQuote(quote: object, reason: string): QuantflowError {
  return new QuantflowError(`${quote.constructor.name} has no valid value: ${reason}`, 'INVALID_QUOTE', {
    quote: quote.constructor.name,
    reason,
  });
}
