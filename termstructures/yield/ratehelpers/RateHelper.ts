import { checkFinite, checkInteger } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import { Observable } from '../../../src/patterns/Observable.js';
import type { Observer } from '../../../src/patterns/Observer.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { Settings } from '../../../src/settings.js';
import { Actual365Fixed } from '../../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../../src/time/BusinessDayConvention.js';
import type { Calendar } from '../../../src/time/Calendar.js';
import { Date } from '../../../src/time/Date.js';
import type { DayCounter } from '../../../src/time/DayCounter.js';
import { NullCalendar } from '../../../src/time/NullCalendar.js';
import { TimeUnit } from '../../../src/time/TimeUnit.js';
import { quoteHandle } from '../../_lib/quoteHandle.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';

/**
 * Date and accrual conventions shared by the rate helpers.
 * @public
 */
export interface RateHelperOptions {
  /**
   * Fixed start (spot) date. Omitted: `settlementDays` business days after the evaluation date,
   * moving with it (a curve built on the helper then observes the evaluation date).
   */
  readonly startDate?: Date;
  /** Business days from the evaluation date to the start date; default 0, integer ≥ 0. */
  readonly settlementDays?: number;
  /** Calendar for settlement and date rolling; default `NullCalendar`. */
  readonly calendar?: Calendar;
  /** Rolling rule of the end (and schedule) dates; default `ModifiedFollowing`. */
  readonly convention?: BusinessDayConvention;
  /** End-of-month rule for month and year tenors; default false. */
  readonly endOfMonth?: boolean;
  /** Day counter of the quoted rate's accruals; default `Actual365Fixed`. */
  readonly dayCounter?: DayCounter;
}

/**
 * A market quote that a bootstrapped curve must reprice: the quote, the date it pins (the
 * pillar) and the rate the instrument implies on a given curve.
 *
 * @remarks
 * Subclasses implement `pillarDate()` and `impliedQuote(curve)`. A helper observes its quote
 * and notifies its observers, so a {@link PiecewiseYieldCurve} built on it re-bootstraps
 * lazily after a tick. Unlike QuantLib's, a helper whose dates move with the evaluation date
 * does not register with it (a discarded helper holds no global registration); the curve
 * built on it does.
 * Source: QuantLib `ql/termstructures/bootstraphelper.hpp` (`BootstrapHelper`), with
 * `quoteError = quote − impliedQuote` as there.
 * @public
 */
export abstract class RateHelper extends Observable implements Observer {
  /** The quote handle (a rate, decimal). */
  readonly quote: Handle<Quote>;
  /** Calendar for settlement and rolling. */
  readonly calendar: Calendar;
  /** Rolling rule. */
  readonly convention: BusinessDayConvention;
  /** End-of-month rule. */
  readonly endOfMonth: boolean;
  /** Day counter of the quoted rate. */
  readonly dayCounter: DayCounter;
  /** Settlement days of a moving start date. */
  readonly settlementDays: number;
  private readonly fixedStart: Date | null;

  /**
   * @param quote - the quoted rate (decimal): a finite number or a quote handle.
   * @param options - date and accrual conventions.
   * @throws InvalidInputError when the rate is not finite, `settlementDays` is not a
   * non-negative integer, or `startDate` is not a Date.
   */
  protected constructor(quote: number | Handle<Quote>, options: RateHelperOptions) {
    super();
    this.quote = quoteHandle('quote', quote, checkFinite);
    this.calendar = options.calendar ?? new NullCalendar();
    this.convention = options.convention ?? BusinessDayConvention.ModifiedFollowing;
    this.endOfMonth = options.endOfMonth ?? false;
    this.dayCounter = options.dayCounter ?? new Actual365Fixed();
    this.settlementDays = options.settlementDays ?? 0;
    checkInteger('options.settlementDays', this.settlementDays, 0);
    if (options.startDate !== undefined && !(options.startDate instanceof Date)) {
      throw InvalidInputError.outOfRange('options.startDate', options.startDate, 'a quantflow Date');
    }
    this.fixedStart = options.startDate ?? null;
    this.quote.registerObserver(this);
  }

  /** True when the start date is not fixed, so the helper's dates move with the evaluation date. */
  movesWithEvaluationDate(): boolean {
    return this.fixedStart === null;
  }

  /**
   * The quoted rate now.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the quote is invalid.
   */
  quoteValue(): number {
    return this.quote.currentLink().value();
  }

  /** The start (spot) date: fixed, or settlement days after the evaluation date. */
  startDate(): Date {
    if (this.fixedStart !== null) return this.fixedStart;
    return this.calendar.advance(Settings.instance.evaluationDate.value(), this.settlementDays, TimeUnit.Days);
  }

  /** The latest date the helper needs a discount factor for: the node it pins in a bootstrap. */
  abstract pillarDate(): Date;

  /**
   * The rate the instrument implies on `curve` (the fair quote), decimal.
   * @param curve - any yield curve covering the helper's dates.
   */
  abstract impliedQuote(curve: YieldTermStructure): number;

  /**
   * quote − impliedQuote(curve): zero on a curve that reprices the helper.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the quote is invalid.
   */
  quoteError(curve: YieldTermStructure): number {
    return this.quoteValue() - this.impliedQuote(curve);
  }

  /** Forwards a change of the quote. */
  update(): void {
    this.notifyObservers();
  }
}
