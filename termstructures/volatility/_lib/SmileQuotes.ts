// Internal: the strikes and live bid/ask vol quotes of a fitted smile section (SVI, SABR): checked
// once, observed by the section, read as plain numbers for each refit.
import { checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { quoteHandle } from '../../_lib/quoteHandle.js';

/** The numbers a smile fit reads. */
export interface SmileQuoteValues {
  readonly strikes: Float64Array;
  readonly bidVols: number[];
  readonly askVols: number[];
}

export class SmileQuotes {
  readonly strikes: Float64Array;
  readonly bids: readonly Handle<Quote>[];
  readonly asks: readonly Handle<Quote>[];

  /**
   * @param minimum - the fewest strikes the fit accepts; `why` says why in the error.
   * @throws InvalidInputError when lengths disagree, there are too few strikes, or a vol number
   *   is not positive (or not a number or Handle).
   */
  constructor(strikes: ArrayLike<number>, bidVols: ReadonlyArray<number | Handle<Quote>>, askVols: ReadonlyArray<number | Handle<Quote>>, minimum: number, why: string) {
    const n = strikes.length;
    if (!(n >= minimum)) throw InvalidInputError.outOfRange('strikes.length', n, `[${minimum}, ∞) (${why})`);
    if (bidVols.length !== n) throw InvalidInputError.outOfRange('bidVols.length', bidVols.length, `{${n}} (strikes.length)`);
    if (askVols.length !== n) throw InvalidInputError.outOfRange('askVols.length', askVols.length, `{${n}} (strikes.length)`);
    this.strikes = Float64Array.from(strikes);
    this.bids = bidVols.map((v, i) => quoteHandle(`bidVols[${i}]`, v, checkPositive));
    this.asks = askVols.map((v, i) => quoteHandle(`askVols[${i}]`, v, checkPositive));
  }

  /** Every quote handle, for the section to observe. */
  handles(): Handle<Quote>[] {
    return [...this.bids, ...this.asks];
  }

  /** The current values. @throws QuantflowError for an empty handle or an invalid quote. */
  values(): SmileQuoteValues {
    return {
      strikes: this.strikes,
      bidVols: this.bids.map((h) => h.currentLink().value()),
      askVols: this.asks.map((h) => h.currentLink().value()),
    };
  }
}
