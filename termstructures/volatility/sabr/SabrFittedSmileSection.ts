import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SmileQuotes } from '../_lib/SmileQuotes.js';
import { fitSabrSmile, type SabrFit, type SabrFitOptions } from './fitSabrSmile.js';
import type { SabrParameters } from './SabrParameters.js';
import { SabrSmileSection } from './SabrSmileSection.js';

/**
 * A SABR smile fitted to live bid/ask vol quotes: a lazy object that refits once, on the first
 * read after any of its quotes changes.
 *
 * @remarks
 * Observes the forward quote and every bid and ask vol quote (through their handles). A tick marks
 * the section dirty and notifies its observers once; the fit ({@link fitSabrSmile}: β fixed, α from
 * the ATM vol or free) reruns at the next read — inside a `transaction()` a burst of ticks costs one
 * refit. A failed fit (an invalid quote, a CalibrationError) is cached and rethrown by every read
 * until the next tick. The section's convention, expansion and shift are the fit's.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott (see {@link fitSabrSmile});
 * QuantLib's `SabrInterpolatedSmileSection` (lazy calibration to quote handles).
 * Checked against: one refit per tick and per transaction, no refit without reads, equal
 * parameters to {@link fitSabrSmile} on the same numbers (test/termstructures/volatility/sabrSmile.test.ts).
 *
 * @public
 */
export class SabrFittedSmileSection extends SabrSmileSection {
  private readonly quotes: SmileQuotes;
  private readonly options: SabrFitOptions;
  private result: SabrFit | undefined;

  /**
   * @param exerciseTime - T > 0 in years.
   * @param forward - F (F + shift > 0) or a quote handle.
   * @param strikes - strikes (K + shift > 0); length n ≥ 3.
   * @param bidVols - bid vols (> 0, in the fit's convention) or quote handles; length n.
   * @param askVols - ask vols (≥ bid) or quote handles; length n.
   * @param options - the fit's options ({@link SabrFitOptions}); its convention, expansion and shift are the section's.
   * @throws InvalidInputError when lengths disagree, n < 3, or a number is out of range.
   */
  constructor(
    exerciseTime: number,
    forward: number | Handle<Quote>,
    strikes: ArrayLike<number>,
    bidVols: ReadonlyArray<number | Handle<Quote>>,
    askVols: ReadonlyArray<number | Handle<Quote>>,
    options: SabrFitOptions = {},
  ) {
    super(exerciseTime, forward, undefined, options);
    this.quotes = new SmileQuotes(strikes, bidVols, askVols, 3, 'three SABR parameters');
    for (const h of this.quotes.handles()) this.registerWith(h);
    this.options = { ...options };
  }

  protected override performCalculations(): void {
    this.result = undefined;
    this.result = fitSabrSmile({ time: this.exerciseTime(), forward: this.forwardValue(), ...this.quotes.values() }, this.options);
  }

  /**
   * The whole fit: parameters, fitted vols, residuals, RMSE, inside-bid/ask share.
   * @throws whatever the fit throws (InvalidInputError for a quote out of range, CalibrationError),
   *   QuantflowError for an invalid quote.
   */
  fit(): SabrFit {
    this.calculate();
    return this.result as SabrFit;
  }

  /** The fitted parameters (refits first if a quote changed). @throws as {@link SabrFittedSmileSection.fit}. */
  override parameters(): SabrParameters {
    return this.fit().parameters;
  }
}
