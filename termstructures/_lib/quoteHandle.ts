import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';

/**
 * A quote handle from a number (checked by `check`, then wrapped in a fixed SimpleQuote) or an
 * existing handle (passed through).
 */
export function quoteHandle(argument: string, value: number | Handle<Quote>, check: (argument: string, value: number) => void): Handle<Quote> {
  if (typeof value === 'number') {
    check(argument, value);
    return new Handle<Quote>(new SimpleQuote(value));
  }
  if (!(value instanceof Handle)) throw InvalidInputError.outOfRange(argument, value, 'a number or a Handle<Quote>');
  return value;
}
