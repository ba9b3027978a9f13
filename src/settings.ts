import type { Observable as RxObservable } from 'rxjs';
import { InvalidInputError } from './errors.js';
import { Observable } from './patterns/Observable.js';
import { Date } from './time/Date.js';

/**
 * The evaluation date: the "today" of every calculation, itself observable.
 *
 * @remarks
 * Term structures with a moving reference date and instruments that can expire register with
 * it; setting a new date notifies them all in one propagation. Until set, it is the local
 * calendar day at the time of the read.
 * Source: QuantLib `ql/settings.hpp` (`Settings::evaluationDate`).
 * Checked against: `test/settings.test.ts`.
 * @public
 */
export class EvaluationDate extends Observable {
  private date: Date | null = null;

  /** The evaluation date (today's date when never set). */
  value(): Date {
    return this.date ?? Date.todaysDate();
  }

  /**
   * Sets the evaluation date and notifies dependants if it changed.
   * @param date - the new evaluation date.
   * @throws InvalidInputError when `date` is not a quantflow `Date`.
   */
  set(date: Date): void {
    if (!(date instanceof Date)) throw InvalidInputError.outOfRange('date', date, 'a quantflow Date');
    if (this.date !== null && this.date.equals(date)) return;
    this.date = date;
    this.notifyObservers();
  }

  /** Unsets the date (back to "today"), notifying dependants. */
  reset(): void {
    if (this.date === null) return;
    this.date = null;
    this.notifyObservers();
  }

  /** The date now and after every change (phase 2). */
  get value$(): RxObservable<Date> {
    return this.sinkStream(() => this.value(), true);
  }
}

/**
 * Global settings: the evaluation date and event conventions.
 *
 * @remarks
 * Source: QuantLib `ql/settings.hpp`.
 * @example
 * ```ts
 * import { Date, Settings } from 'quantflow';
 * Settings.instance.evaluationDate.set(Date.fromISO('2023-02-15'));
 * Settings.instance.evaluationDate.value().toISOString(); //=> '2023-02-15'
 * ```
 * @public
 */
export class Settings {
  /** The process-wide settings. */
  static readonly instance = new Settings();

  /** The evaluation date (observable). */
  readonly evaluationDate = new EvaluationDate();

  /**
   * Whether an event on the evaluation date counts as having occurred (QuantLib default: false,
   * so an option expiring today is still alive).
   */
  includeReferenceDateEvents = false;

  private constructor() {}
}
