import { checkInteger } from '../_lib/checks.js';
import { InvalidInputError, MissingFixingError } from '../errors.js';
import { Currency } from '../money/Currency.js';
import { Settings } from '../settings.js';
import { Calendar } from '../time/Calendar.js';
import type { Date } from '../time/Date.js';
import { DayCounter } from '../time/DayCounter.js';
import { Period } from '../time/Period.js';
import { TimeUnit } from '../time/TimeUnit.js';
import type { FixingsStore } from './FixingsStore.js';
import { Index } from './Index.js';

/**
 * Fields shared by every {@link InterestRateIndex}.
 * @public
 */
export interface InterestRateIndexOptions {
  /** Family name, e.g. `"Euribor"`, `"SOFR"`. */
  readonly familyName: string;
  /** Tenor of the rate, e.g. `Period.parse('6M')`; positive. */
  readonly tenor: Period;
  /** Business days from fixing date to value date; integer ≥ 0. */
  readonly fixingDays: number;
  /** Currency of the rate. */
  readonly currency: Currency;
  /** Calendar of fixing and value dates. */
  readonly fixingCalendar: Calendar;
  /** Day counter of the rate. */
  readonly dayCounter: DayCounter;
  /** Store of past fixings; default `FixingsStore.instance`. */
  readonly fixingsStore?: FixingsStore;
}

/**
 * An interest-rate index: a rate of a given tenor that fixes on business days, with past
 * fixings from a store and forecasts for future dates.
 *
 * @remarks
 * fixingDate(valueDate) moves back `fixingDays` business days on the fixing calendar and
 * valueDate(fixingDate) forward; subclasses give the maturity date and the forecast.
 * `fixing(d)`: a date after the evaluation date (or on it, when `forecastTodaysFixing`) is
 * forecast; a date before it must be stored (else `MissingFixingError`); on the evaluation date
 * the stored value is used when there is one and the forecast otherwise. The name is the family
 * name, the tenor (`ON` for a one-day rate fixing on its value date, `SN` with two fixing days)
 * and the day counter: `"Euribor6M Actual/360"`, `"SOFRON Actual/360"`.
 * Observes: its fixings (through the store) and the evaluation date.
 * Source: QuantLib `ql/indexes/interestrateindex.hpp` / `.cpp` (`name`, `fixing`, `fixingDate`,
 * `valueDate`).
 * Checked against: `test/indexes/IborIndex.test.ts`.
 * @public
 */
export abstract class InterestRateIndex extends Index {
  readonly familyName: string;
  readonly tenor: Period;
  readonly fixingDays: number;
  readonly currency: Currency;
  readonly dayCounter: DayCounter;
  readonly #fixingCalendar: Calendar;
  readonly #name: string;

  /**
   * @param options - see {@link InterestRateIndexOptions}.
   * @throws InvalidInputError when the family name is empty, the tenor is not positive, the
   * fixing days are not an integer ≥ 0, or a currency, calendar or day counter is missing.
   */
  protected constructor(options: InterestRateIndexOptions) {
    super(options.fixingsStore);
    const { familyName, tenor, fixingDays, currency, fixingCalendar, dayCounter } = options;
    if (typeof familyName !== 'string' || familyName.trim() === '') throw InvalidInputError.outOfRange('familyName', familyName, 'a non-empty string');
    if (!(tenor instanceof Period) || !(tenor.length > 0)) throw InvalidInputError.outOfRange('tenor', tenor instanceof Period ? tenor.toString() : tenor, 'positive Periods');
    checkInteger('fixingDays', fixingDays, 0);
    if (!(currency instanceof Currency)) throw InvalidInputError.outOfRange('currency', currency, 'a Currency');
    if (!(fixingCalendar instanceof Calendar)) throw InvalidInputError.outOfRange('fixingCalendar', fixingCalendar, 'a Calendar');
    if (!(dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('dayCounter', dayCounter, 'a DayCounter');
    this.familyName = familyName;
    this.tenor = tenor;
    this.fixingDays = fixingDays;
    this.currency = currency;
    this.dayCounter = dayCounter;
    this.#fixingCalendar = fixingCalendar;
    const oneDay = tenor.units === TimeUnit.Days && tenor.length === 1;
    const tenorName = oneDay && fixingDays === 0 ? 'ON' : oneDay && fixingDays === 2 ? 'SN' : tenor.normalized().toString();
    this.#name = `${familyName}${tenorName} ${dayCounter.name()}`;
    this.observeFixings();
    Settings.instance.evaluationDate.registerObserver(this);
  }

  name(): string {
    return this.#name;
  }

  fixingCalendar(): Calendar {
    return this.#fixingCalendar;
  }

  /**
   * The fixing date of a rate starting on `valueDate`: `fixingDays` business days earlier.
   * @param valueDate - the start of the rate's period.
   */
  fixingDate(valueDate: Date): Date {
    return this.#fixingCalendar.advance(valueDate, -this.fixingDays, TimeUnit.Days);
  }

  /**
   * The start of the period of the rate fixed on `fixingDate`: `fixingDays` business days later.
   * @throws InvalidInputError when `fixingDate` is not a valid fixing date.
   */
  valueDate(fixingDate: Date): Date {
    this.checkFixingDate(fixingDate);
    return this.#fixingCalendar.advance(fixingDate, this.fixingDays, TimeUnit.Days);
  }

  /** The end of the period of a rate starting on `valueDate`. */
  abstract maturityDate(valueDate: Date): Date;

  /**
   * The forecast of the rate fixed on `fixingDate` (a decimal), off the index's curve.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when the index has no forecasting curve.
   */
  abstract forecastFixing(fixingDate: Date): number;

  /**
   * The fixing on `fixingDate` as a decimal: stored or forecast (see the class remarks).
   * @param fixingDate - a business day of the fixing calendar.
   * @param forecastTodaysFixing - forecast on the evaluation date even when a value is stored.
   * @throws InvalidInputError when `fixingDate` is not a valid fixing date.
   * @throws MissingFixingError when the date is before the evaluation date and no fixing is
   * stored.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when a forecast is needed and there is no curve.
   */
  fixing(fixingDate: Date, forecastTodaysFixing = false): number {
    this.checkFixingDate(fixingDate);
    const today = Settings.instance.evaluationDate.value();
    if (fixingDate.isAfter(today) || (fixingDate.equals(today) && forecastTodaysFixing)) return this.forecastFixing(fixingDate);
    const stored = this.fixingsStore.fixing(this.name(), fixingDate);
    if (stored !== undefined) return stored;
    if (fixingDate.isBefore(today)) throw new MissingFixingError(this.name(), fixingDate.toISOString());
    return this.forecastFixing(fixingDate);
  }
}
