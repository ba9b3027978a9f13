import { checkPositive } from '../../../src/_lib/checks.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SmileQuotes } from '../_lib/SmileQuotes.js';
import { fitSviSmile, type SviFit, type SviFitOptions } from './fitSviSmile.js';
import type { SviRawParameters } from './SviRawParameters.js';
import { SviSmileSection } from './SviSmileSection.js';

/**
 * An SVI smile fitted to live bid/ask vol quotes: a lazy object that refits once, on the first
 * read after any of its quotes changes.
 *
 * @remarks
 * Observes the forward quote and every bid and ask vol quote (through their handles). A tick
 * marks the section dirty and notifies its observers once; the fit ({@link fitSviSmile}, with the
 * no-butterfly condition g ≥ 0 enforced) reruns at the next read — inside a `transaction()` a
 * burst of ticks costs one refit. A failed fit (an invalid quote, `throwOnArbitrage`) is cached
 * and rethrown by every read until the next tick.
 * Source: J. Gatheral, A. Jacquier (2014), Quant. Finance 14(1), 59–71 (see {@link fitSviSmile});
 * QuantLib's `SviInterpolatedSmileSection` (lazy calibration to quote handles).
 * Checked against: one refit per tick and per transaction, no refit without reads, equal
 * parameters to {@link fitSviSmile} on the same numbers (test/termstructures/volatility/svi.test.ts).
 *
 * @public
 */
export class SviFittedSmileSection extends SviSmileSection {
  private readonly quotes: SmileQuotes;
  private readonly options: SviFitOptions;
  private result: SviFit | undefined;

  /**
   * @param exerciseTime - T > 0 in years.
   * @param forward - F > 0 or a quote handle.
   * @param strikes - strikes K > 0 (price units); length n ≥ 5.
   * @param bidVols - bid vols (decimals > 0) or quote handles; length n.
   * @param askVols - ask vols (≥ bid) or quote handles; length n.
   * @param options - the fit's options ({@link SviFitOptions}).
   * @throws InvalidInputError when lengths disagree, n < 5, or a number is out of range.
   */
  constructor(
    exerciseTime: number,
    forward: number | Handle<Quote>,
    strikes: ArrayLike<number>,
    bidVols: ReadonlyArray<number | Handle<Quote>>,
    askVols: ReadonlyArray<number | Handle<Quote>>,
    options: SviFitOptions = {},
  ) {
    super(exerciseTime, forward);
    this.quotes = new SmileQuotes(strikes, bidVols, askVols, 5, 'five SVI parameters');
    this.quotes.strikes.forEach((k, i) => checkPositive(`strikes[${i}]`, k));
    for (const h of this.quotes.handles()) this.registerWith(h);
    this.options = { ...options };
  }

  protected override performCalculations(): void {
    this.result = undefined;
    this.result = fitSviSmile({ time: this.exerciseTime(), forward: this.forwardValue(), ...this.quotes.values() }, this.options);
  }

  /**
   * The whole fit: parameters, arbitrage diagnostics, fitted vols, RMSE, inside-bid/ask share.
   * @throws whatever the fit throws (InvalidInputError for a quote out of range, ArbitrageError
   *   with `throwOnArbitrage`), QuantflowError for an invalid quote.
   */
  fit(): SviFit {
    this.calculate();
    return this.result as SviFit;
  }

  /** The fitted raw parameters (refits first if a quote changed). @throws as {@link SviFittedSmileSection.fit}. */
  override parameters(): SviRawParameters {
    return this.fit().parameters;
  }
}
