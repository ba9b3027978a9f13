import { InvalidInputError } from '../errors.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import type { Calendar } from '../time/Calendar.js';
import { Date } from '../time/Date.js';
import { FixingsStore, type FixingHistory } from './FixingsStore.js';

/**
 * A market index with a fixing history: an interest-rate index, later an equity or inflation
 * index.
 *
 * @remarks
 * The history lives in a {@link FixingsStore} under {@link Index.name}; adding a fixing
 * through the index or the store notifies the index's observers. Fixing dates must be business
 * days of {@link Index.fixingCalendar}. Subclasses register with the store's notifier for their
 * name once their name is known (`observeFixings()`).
 * Source: QuantLib `ql/index.hpp` (`name`, `fixingCalendar`, `isValidFixingDate`, `fixing`,
 * `pastFixing`, `addFixing(s)`, `clearFixings`).
 * Checked against: `test/indexes/IborIndex.test.ts`.
 * @public
 */
export abstract class Index extends Observable implements Observer {
  /** The store holding this index's fixings. */
  readonly fixingsStore: FixingsStore;

  /**
   * @param fixingsStore - where the fixings live; default `FixingsStore.instance`.
   * @throws InvalidInputError when `fixingsStore` is not a FixingsStore.
   */
  protected constructor(fixingsStore: FixingsStore = FixingsStore.instance) {
    super();
    if (!(fixingsStore instanceof FixingsStore)) throw InvalidInputError.outOfRange('fixingsStore', fixingsStore, 'a FixingsStore');
    this.fixingsStore = fixingsStore;
  }

  /** The index name, the key of its history in the store (e.g. `"Euribor6M Actual/360"`). */
  abstract name(): string;

  /** The calendar whose business days are the valid fixing dates. */
  abstract fixingCalendar(): Calendar;

  /**
   * The fixing for a date: a stored past value, or a forecast for a future date.
   * @param fixingDate - a valid fixing date.
   * @param forecastTodaysFixing - forecast today's fixing even when it is stored; default false.
   */
  abstract fixing(fixingDate: Date, forecastTodaysFixing?: boolean): number;

  /** Whether `d` is a business day of the fixing calendar. */
  isValidFixingDate(d: Date): boolean {
    if (!(d instanceof Date)) throw InvalidInputError.outOfRange('fixingDate', d, 'a quantflow Date');
    return this.fixingCalendar().isBusinessDay(d);
  }

  /**
   * The stored fixing for `fixingDate`, or `undefined` when none is stored.
   * @throws InvalidInputError when `fixingDate` is not a valid fixing date.
   */
  pastFixing(fixingDate: Date): number | undefined {
    this.checkFixingDate(fixingDate);
    return this.fixingsStore.fixing(this.name(), fixingDate);
  }

  /** Whether a fixing is stored for `fixingDate`. */
  hasHistoricalFixing(fixingDate: Date): boolean {
    return this.fixingsStore.hasFixing(this.name(), fixingDate);
  }

  /** The stored history (frozen record ISO date → value). */
  timeSeries(): FixingHistory {
    return this.fixingsStore.history(this.name());
  }

  /**
   * Stores a fixing (decimal rate) for a valid fixing date; notifies observers.
   * @throws InvalidInputError when the date is not a business day of the fixing calendar, the
   * value is not finite, or another value is stored and `forceOverwrite` is false.
   */
  addFixing(fixingDate: Date, value: number, forceOverwrite = false): void {
    this.addFixings([fixingDate], [value], forceOverwrite);
  }

  /**
   * Stores fixings (decimal rates) for valid fixing dates in one update; notifies observers once.
   * @throws InvalidInputError as {@link Index.addFixing}, or when the lengths differ.
   */
  addFixings(fixingDates: readonly Date[], values: readonly number[], forceOverwrite = false): void {
    if (!Array.isArray(fixingDates)) throw InvalidInputError.outOfRange('fixingDates', fixingDates, 'an array of Dates');
    fixingDates.forEach((d, i) => this.checkFixingDate(d, `fixingDates[${i}]`));
    this.fixingsStore.addFixings(this.name(), fixingDates, values, forceOverwrite);
  }

  /** Forgets this index's stored fixings; notifies observers. */
  clearFixings(): void {
    this.fixingsStore.clearHistory(this.name());
  }

  /** Forwards a change (new fixings, a curve, the evaluation date) to dependants. */
  update(): void {
    this.notifyObservers();
  }

  /** Registers with the store's notifier for this index's name; call once the name is known. */
  protected observeFixings(): void {
    this.fixingsStore.notifier(this.name()).registerObserver(this);
  }

  /** @throws InvalidInputError unless `d` is a business day of the fixing calendar. */
  protected checkFixingDate(d: Date, argument = 'fixingDate'): void {
    if (!(d instanceof Date)) throw InvalidInputError.outOfRange(argument, d, 'a quantflow Date');
    if (!this.fixingCalendar().isBusinessDay(d)) {
      throw InvalidInputError.outOfRange(argument, d.toISOString(), `business days of ${this.fixingCalendar().name()} (valid ${this.name()} fixing dates)`);
    }
  }
}
