import { checkInteger } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import { LazyObject } from '../src/patterns/LazyObject.js';
import { Settings } from '../src/settings.js';
import { Actual365Fixed } from '../src/time/Actual365Fixed.js';
import type { Calendar } from '../src/time/Calendar.js';
import { Date } from '../src/time/Date.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import { NullCalendar } from '../src/time/NullCalendar.js';
import { TimeUnit } from '../src/time/TimeUnit.js';

/**
 * How a term structure fixes its reference date (time 0) and measures time.
 *
 * Give `referenceDate` for a fixed reference date; omit it for one that moves with the
 * evaluation date (`settlementDays` business days after it on `calendar`).
 * @public
 */
export interface TermStructureOptions {
  /** Fixed reference date; omitted → moves with the evaluation date. */
  readonly referenceDate?: Date;
  /** Business days from the evaluation date to the reference date (moving case); default 0. */
  readonly settlementDays?: number;
  /** Calendar for settlement days; default `NullCalendar`. */
  readonly calendar?: Calendar;
  /** Day counter turning dates into times; default `Actual365Fixed`. */
  readonly dayCounter?: DayCounter;
}

/** A point on a term structure: a date, or a time in years from the reference date. */
export type DateOrTime = Date | number;

/**
 * Base of curves and surfaces: a reference date, a day counter and an extrapolation switch.
 *
 * @remarks
 * A term structure is a {@link LazyObject}: every public read first brings it up to date, so a
 * fit or bootstrap reruns once, on the first read after a change. With a moving reference date
 * it observes the evaluation date.
 * Source: QuantLib `ql/termstructure.hpp`.
 * @public
 */
export abstract class TermStructure extends LazyObject {
  /** Day counter turning dates into times. */
  readonly dayCounter: DayCounter;
  /** Calendar used for settlement days. */
  readonly calendar: Calendar;
  /** Settlement days of a moving reference date. */
  readonly settlementDays: number;
  private readonly fixedReferenceDate: Date | null;
  private extrapolate = false;

  protected constructor(options: TermStructureOptions = {}) {
    super();
    this.dayCounter = options.dayCounter ?? new Actual365Fixed();
    this.calendar = options.calendar ?? new NullCalendar();
    this.settlementDays = options.settlementDays ?? 0;
    checkInteger('settlementDays', this.settlementDays, 0);
    if (options.referenceDate !== undefined && !(options.referenceDate instanceof Date)) {
      throw InvalidInputError.outOfRange('referenceDate', options.referenceDate, 'a quantflow Date');
    }
    this.fixedReferenceDate = options.referenceDate ?? null;
    if (this.fixedReferenceDate === null) this.registerWith(Settings.instance.evaluationDate);
  }

  /** The date at which time is 0. */
  referenceDate(): Date {
    if (this.fixedReferenceDate !== null) return this.fixedReferenceDate;
    const today = Settings.instance.evaluationDate.value();
    return this.settlementDays === 0 ? today : this.calendar.advance(today, this.settlementDays, TimeUnit.Days);
  }

  /** Time in years (by the day counter) from the reference date to `date`. */
  timeFromReference(date: Date): number {
    return this.dayCounter.yearFraction(this.referenceDate(), date);
  }

  /** The latest date for which the structure can return values without extrapolating. */
  maxDate(): Date {
    return Date.maxDate();
  }

  /** The latest time for which the structure can return values without extrapolating. */
  maxTime(): number {
    return this.timeFromReference(this.maxDate());
  }

  /** Allows reads beyond `maxTime()` (and outside the strike range for surfaces). */
  enableExtrapolation(enabled = true): void {
    this.extrapolate = enabled;
  }

  /** Whether extrapolation is allowed. */
  allowsExtrapolation(): boolean {
    return this.extrapolate;
  }

  /** Nothing to compute by default; fitted and bootstrapped structures override. */
  protected performCalculations(): void {}

  /**
   * Brings the structure up to date and turns a date or time into a checked time.
   * @throws InvalidInputError when the time is negative, not finite, or beyond `maxTime()`
   * without extrapolation.
   */
  protected checkedTime(x: DateOrTime, extrapolate: boolean): number {
    this.calculate();
    const t = x instanceof Date ? this.timeFromReference(x) : x;
    if (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t)) {
      throw InvalidInputError.outOfRange(x instanceof Date ? 'date' : 't', x instanceof Date ? x.toISOString() : x, '[reference date, ∞)');
    }
    if (!(extrapolate || this.extrapolate) && t > this.maxTime()) {
      throw InvalidInputError.outOfRange('t', t, `[0, ${this.maxTime()}] (extrapolation not enabled)`);
    }
    return t;
  }
}
