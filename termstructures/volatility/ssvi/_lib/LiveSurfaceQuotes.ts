// Internal: the live quotes of a fitted surface, observed by it and read as numbers per refit.
import { checkPositive } from '../../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../../src/errors.js';
import type { Handle } from '../../../../src/patterns/Handle.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { quoteHandle } from '../../../_lib/quoteHandle.js';
import { SmileQuotes } from '../../_lib/SmileQuotes.js';
import type { SviSmileQuotes } from '../../svi/fitSviSmile.js';
import type { VolSurfaceSliceQuotes } from '../VolSurfaceSliceQuotes.js';

export class LiveSurfaceQuotes {
  private readonly times: number[];
  private readonly forwards: Handle<Quote>[];
  private readonly smiles: SmileQuotes[];

  constructor(quotes: readonly VolSurfaceSliceQuotes[], minimum: number, why: string) {
    if (!Array.isArray(quotes) || quotes.length < 1) throw InvalidInputError.outOfRange('quotes.length', (quotes as unknown[] | undefined)?.length, '[1, ∞)');
    this.times = quotes.map((q, i) => {
      checkPositive(`quotes[${i}].time`, q.time);
      return q.time;
    });
    this.forwards = quotes.map((q, i) => quoteHandle(`quotes[${i}].forward`, q.forward, checkPositive));
    this.smiles = quotes.map((q) => new SmileQuotes(q.strikes, q.bidVols, q.askVols, minimum, why));
  }

  handles(): Handle<Quote>[] {
    return [...this.forwards, ...this.smiles.flatMap((s) => s.handles())];
  }

  values(): SviSmileQuotes[] {
    return this.smiles.map((s, i) => ({ time: this.times[i] as number, forward: (this.forwards[i] as Handle<Quote>).currentLink().value(), ...s.values() }));
  }
}
