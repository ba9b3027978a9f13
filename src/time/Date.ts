import { InvalidInputError } from '../errors.js';
import { Month } from './Month.js';
import { TimeUnit } from './TimeUnit.js';
import { Weekday } from './Weekday.js';
import type { Period } from './Period.js';
import { isLeapYear, monthLength, serialFromYmd, ymdFromSerial } from './_lib/civil.js';

const MIN_SERIAL = 367; // 1901-01-01
const MAX_SERIAL = 109574; // 2199-12-31
const MIN_YEAR = 1901;
const MAX_YEAR = 2199;
const ALLOWED_SERIALS = `integers in [${MIN_SERIAL}, ${MAX_SERIAL}] (1901-01-01 … 2199-12-31)`;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkSerial(argument: string, serial: number): void {
  if (!Number.isInteger(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) {
    throw InvalidInputError.outOfRange(argument, serial, ALLOWED_SERIALS);
  }
}

function checkIntegerArg(argument: string, value: number): void {
  if (!Number.isInteger(value)) throw InvalidInputError.outOfRange(argument, value, 'integers');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A calendar date, stored as a QuantLib/spreadsheet serial day number; immutable.
 *
 * @remarks
 * Serial numbers follow QuantLib and the spreadsheet convention: serial 367 is 1901-01-01,
 * 45659 is 2025-01-02, and one serial step is one day. The valid range is 1901-01-01 …
 * 2199-12-31 (serials 367 … 109574), as in QuantLib; anything outside is refused. A date carries
 * no time of day and no time zone, so everything except {@link Date.todaysDate} is independent
 * of the process's `TZ`. Adding months or years keeps the day of month and clamps it to the end
 * of the target month (31 January + 1M = 28 February; 29 February 2024 + 1Y = 28 February 2025),
 * as QuantLib does. Weekdays are numbered Sunday = 1 … Saturday = 7.
 *
 * The class is called `Date` after QuantLib's class; inside a module that imports it, it
 * shadows the global JavaScript `Date` (use `globalThis.Date` there if needed).
 *
 * Source: QuantLib `ql/time/date.hpp`; day-number conversion after H. Hinnant (2013),
 * "chrono-Compatible Low-Level Date Algorithms".
 * Checked against: known serials (2025-01-02 = 45659), weekdays of known dates, a day-by-day
 * walk over the whole range, end-of-month arithmetic (`test/time/Date.test.ts`), also under
 * non-UTC time zones.
 *
 * @example
 * ```ts
 * import { Date, Period } from 'quantflow';
 * Date.fromISO('2025-01-31').addPeriod(Period.parse('1M')).toISOString();
 * //=> '2025-02-28'
 * ```
 *
 * @public
 */
export class Date {
  /** Serial day number (367 = 1901-01-01). */
  readonly serialNumber: number;
  readonly #year: number;
  readonly #month: number;
  readonly #day: number;

  private constructor(serial: number, year: number, month: number, day: number) {
    this.serialNumber = serial;
    this.#year = year;
    this.#month = month;
    this.#day = day;
  }

  // ---------------------------------------------------------------- construction

  /**
   * The date with the given serial number.
   *
   * @param serial - integer serial day number in [367, 109574] (1901-01-01 … 2199-12-31).
   * @returns the date.
   * @throws `InvalidInputError` when `serial` is not an integer in the range.
   */
  static fromSerial(serial: number): Date {
    checkSerial('serial', serial);
    const [y, m, d] = ymdFromSerial(serial);
    return new Date(serial, y, m, d);
  }

  /**
   * The date year-month-day.
   *
   * @param year - integer in [1901, 2199].
   * @param month - {@link Month} or integer in [1, 12].
   * @param day - integer in [1, days in that month].
   * @returns the date.
   * @throws `InvalidInputError` when any part is out of range (e.g. 30 February).
   */
  static fromYMD(year: number, month: Month | number, day: number): Date {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw InvalidInputError.outOfRange('year', year, `integers in [${MIN_YEAR}, ${MAX_YEAR}]`);
    }
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw InvalidInputError.outOfRange('month', month, 'integers in [1, 12]');
    }
    const len = monthLength(year, month);
    if (!Number.isInteger(day) || day < 1 || day > len) {
      throw InvalidInputError.outOfRange('day', day, `integers in [1, ${len}] for ${year}-${pad(month, 2)}`);
    }
    return new Date(serialFromYmd(year, month, day), year, month, day);
  }

  /**
   * Parses an ISO 8601 calendar date `YYYY-MM-DD` (no time, no zone).
   *
   * @param iso - string such as `'2023-02-15'`.
   * @returns the date.
   * @throws `InvalidInputError` when the string is not of that form or the date is invalid or
   * outside 1901-01-01 … 2199-12-31.
   */
  static fromISO(iso: string): Date {
    const match = typeof iso === 'string' ? ISO_PATTERN.exec(iso) : null;
    if (match === null) throw InvalidInputError.outOfRange('iso', iso, "strings 'YYYY-MM-DD'");
    return Date.fromYMD(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /**
   * Today's date in the process's local time zone (the only member that reads the clock).
   *
   * @returns the local calendar day.
   */
  static todaysDate(): Date {
    const now = new globalThis.Date();
    return Date.fromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  /** The earliest representable date, 1901-01-01 (serial 367). */
  static minDate(): Date {
    return Date.fromSerial(MIN_SERIAL);
  }

  /** The latest representable date, 2199-12-31 (serial 109574). */
  static maxDate(): Date {
    return Date.fromSerial(MAX_SERIAL);
  }

  // ---------------------------------------------------------------- static helpers

  /**
   * Whether `year` is a Gregorian leap year.
   *
   * @param year - integer year.
   * @throws `InvalidInputError` when `year` is not an integer.
   */
  static isLeap(year: number): boolean {
    checkIntegerArg('year', year);
    return isLeapYear(year);
  }

  /**
   * Number of days in a month.
   *
   * @param month - {@link Month} or integer in [1, 12].
   * @param year - integer year (decides February).
   * @throws `InvalidInputError` when `month` is not in [1, 12] or `year` is not an integer.
   */
  static monthLength(month: Month | number, year: number): number {
    checkIntegerArg('year', year);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw InvalidInputError.outOfRange('month', month, 'integers in [1, 12]');
    }
    return monthLength(year, month);
  }

  /** The last calendar day of the month of `d`. */
  static endOfMonth(d: Date): Date {
    return Date.fromYMD(d.#year, d.#month, monthLength(d.#year, d.#month));
  }

  /** Whether `d` is the last calendar day of its month. */
  static isEndOfMonth(d: Date): boolean {
    return d.#day === monthLength(d.#year, d.#month);
  }

  /**
   * The n-th given weekday of a month, e.g. the third Wednesday (IMM dates).
   *
   * @param n - integer in [1, 5].
   * @param weekday - the {@link Weekday}.
   * @param month - {@link Month} or integer in [1, 12].
   * @param year - integer in [1901, 2199].
   * @returns the date.
   * @throws `InvalidInputError` when `n` is out of range or the month has no n-th such weekday.
   */
  static nthWeekday(n: number, weekday: Weekday, month: Month | number, year: number): Date {
    if (!Number.isInteger(n) || n < 1 || n > 5) throw InvalidInputError.outOfRange('n', n, 'integers in [1, 5]');
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw InvalidInputError.outOfRange('weekday', weekday, 'integers in [1, 7] (Sunday = 1)');
    }
    const first = Date.fromYMD(year, month, 1);
    const firstWeekday = first.weekday();
    const offset = (weekday - firstWeekday + 7) % 7;
    const day = 1 + offset + (n - 1) * 7;
    const len = monthLength(year, month);
    if (day > len) {
      throw InvalidInputError.outOfRange('n', n, `[1, ${Math.floor((len - 1 - offset) / 7) + 1}] for ${Weekday[weekday]} in ${year}-${pad(month, 2)}`);
    }
    return first.addDays(day - 1);
  }

  /**
   * The first date on or after `d` falling on `weekday`.
   *
   * @param d - start date.
   * @param weekday - the {@link Weekday} wanted.
   * @throws `InvalidInputError` when the result would pass 2199-12-31.
   */
  static nextWeekday(d: Date, weekday: Weekday): Date {
    const wd = d.weekday();
    return d.addDays((weekday - wd + 7) % 7);
  }

  /** Signed number of days from `a` to `b` (`b - a`). */
  static daysBetween(a: Date, b: Date): number {
    return b.serialNumber - a.serialNumber;
  }

  /** Negative, zero or positive as `a` is before, equal to or after `b` (for `Array.sort`). */
  static compare(a: Date, b: Date): number {
    return a.serialNumber - b.serialNumber;
  }

  /** The earlier of two dates. */
  static min(a: Date, b: Date): Date {
    return a.serialNumber <= b.serialNumber ? a : b;
  }

  /** The later of two dates. */
  static max(a: Date, b: Date): Date {
    return a.serialNumber >= b.serialNumber ? a : b;
  }

  // ---------------------------------------------------------------- inspectors

  /** Calendar year, in [1901, 2199]. */
  year(): number {
    return this.#year;
  }

  /** Month, January = 1 … December = 12. */
  month(): Month {
    return this.#month as Month;
  }

  /** Day of the month, in [1, 31]. */
  dayOfMonth(): number {
    return this.#day;
  }

  /** Day of the year, 1 January = 1. */
  dayOfYear(): number {
    return this.serialNumber - serialFromYmd(this.#year, 1, 1) + 1;
  }

  /** Weekday, Sunday = 1 … Saturday = 7. */
  weekday(): Weekday {
    const w = this.serialNumber % 7;
    return (w === 0 ? 7 : w) as Weekday;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * This date moved by `n` calendar days.
   *
   * @param n - integer number of days (may be negative).
   * @throws `InvalidInputError` when `n` is not an integer or the result leaves the valid range.
   */
  addDays(n: number): Date {
    checkIntegerArg('n', n);
    const serial = this.serialNumber + n;
    checkSerial('result serial', serial);
    return Date.fromSerial(serial);
  }

  /**
   * This date moved by `n` time units; months and years clamp to the end of the month.
   *
   * @param n - integer count (may be negative).
   * @param unit - {@link TimeUnit}.
   * @throws `InvalidInputError` when `n` is not an integer, `unit` is unknown or the result leaves
   * the valid range.
   */
  add(n: number, unit: TimeUnit): Date {
    checkIntegerArg('n', n);
    switch (unit) {
      case TimeUnit.Days:
        return this.addDays(n);
      case TimeUnit.Weeks:
        return this.addDays(7 * n);
      case TimeUnit.Months:
      case TimeUnit.Years: {
        const months = unit === TimeUnit.Years ? 12 * n : n;
        const total = this.#year * 12 + (this.#month - 1) + months;
        const y = Math.floor(total / 12);
        const m = total - 12 * y + 1;
        if (y < MIN_YEAR || y > MAX_YEAR) {
          throw InvalidInputError.outOfRange('result year', y, `[${MIN_YEAR}, ${MAX_YEAR}]`);
        }
        return Date.fromYMD(y, m, Math.min(this.#day, monthLength(y, m)));
      }
      default:
        throw InvalidInputError.outOfRange('unit', unit, 'TimeUnit.Days | Weeks | Months | Years');
    }
  }

  /** This date moved by a {@link Period} (`add(period.length, period.units)`). */
  addPeriod(period: Period): Date {
    return this.add(period.length, period.units);
  }

  /** This date moved back by `n` calendar days. */
  subtractDays(n: number): Date {
    checkIntegerArg('n', n);
    return this.addDays(-n);
  }

  /** This date moved back by a {@link Period}. */
  subtractPeriod(period: Period): Date {
    return this.add(-period.length, period.units);
  }

  /** Signed number of days from this date to `other` (`other - this`). */
  daysTo(other: Date): number {
    return other.serialNumber - this.serialNumber;
  }

  // ---------------------------------------------------------------- comparison

  /** Negative, zero or positive as this date is before, equal to or after `other`. */
  compare(other: Date): number {
    return this.serialNumber - other.serialNumber;
  }

  /** Whether both dates are the same day. */
  equals(other: Date): boolean {
    return this.serialNumber === other.serialNumber;
  }

  /** Strictly before `other`. */
  isBefore(other: Date): boolean {
    return this.serialNumber < other.serialNumber;
  }

  /** Strictly after `other`. */
  isAfter(other: Date): boolean {
    return this.serialNumber > other.serialNumber;
  }

  /** Before or on `other`. */
  isOnOrBefore(other: Date): boolean {
    return this.serialNumber <= other.serialNumber;
  }

  /** After or on `other`. */
  isOnOrAfter(other: Date): boolean {
    return this.serialNumber >= other.serialNumber;
  }

  // ---------------------------------------------------------------- output

  /** ISO 8601 calendar date, `YYYY-MM-DD`. */
  toISOString(): string {
    return `${pad(this.#year, 4)}-${pad(this.#month, 2)}-${pad(this.#day, 2)}`;
  }

  /** Same as {@link Date.toISOString}. */
  toString(): string {
    return this.toISOString();
  }

  /** ISO string, so that `JSON.stringify` writes dates readably. */
  toJSON(): string {
    return this.toISOString();
  }

  /** The serial number, so that `<`, `>` compare dates chronologically. */
  valueOf(): number {
    return this.serialNumber;
  }
}
