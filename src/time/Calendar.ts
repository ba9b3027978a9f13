import { InvalidInputError } from '../errors.js';
import { BusinessDayConvention } from './BusinessDayConvention.js';
import { Date } from './Date.js';
import { TimeUnit } from './TimeUnit.js';
import { Weekday } from './Weekday.js';
import type { Period } from './Period.js';

/**
 * A holiday calendar: which days are business days, and date arithmetic in business days.
 *
 * @remarks
 * Subclasses implement {@link Calendar.name} and the market's rules in
 * `isBusinessDayImpl` (weekends included); {@link Calendar.isWeekend} defaults to Saturday and
 * Sunday. Holidays added or removed with {@link Calendar.addHoliday} /
 * {@link Calendar.removeHoliday} belong to this instance only (QuantLib shares them between
 * all instances of a market; quantflow does not, so that tests and users cannot interfere).
 *
 * `adjust` rolls a date by a {@link BusinessDayConvention}. `advance` by days counts business
 * days (from a holiday, the first step lands on the first business day after it); by weeks,
 * months or years it moves in calendar time, applies the end-of-month rule if asked (a start on
 * the last business day of its month lands on the last business day of the target month) and
 * then adjusts. `businessDaysBetween` counts business days in [from, to) by default.
 *
 * Source: QuantLib `ql/time/calendar.hpp` / `calendar.cpp` (rolling, advancing and counting
 * rules); ISDA 2006 Definitions, Section 4.12 (conventions).
 * Checked against: published holiday lists of NYSE and TARGET and property tests in
 * `test/time/Calendar.test.ts`.
 *
 * @public
 */
export abstract class Calendar {
  readonly #added = new Set<number>();
  readonly #removed = new Set<number>();

  /** The calendar's name, e.g. `"TARGET"`. */
  abstract name(): string;

  /**
   * The market's own rule: `true` when `d` is a business day, before any holiday added or
   * removed on this instance. Weekends must return `false`.
   */
  protected abstract isBusinessDayImpl(d: Date): boolean;

  /**
   * Whether `weekday` is a weekend day in this market (default: Saturday and Sunday).
   *
   * @param weekday - the {@link Weekday}.
   */
  isWeekend(weekday: Weekday): boolean {
    return weekday === Weekday.Saturday || weekday === Weekday.Sunday;
  }

  /** Whether `d` is a business day, taking this instance's added and removed holidays into account. */
  isBusinessDay(d: Date): boolean {
    const serial = d.serialNumber;
    if (this.#added.size > 0 && this.#added.has(serial)) return false;
    if (this.#removed.size > 0 && this.#removed.has(serial)) return true;
    return this.isBusinessDayImpl(d);
  }

  /** Whether `d` is a holiday or weekend day (`!isBusinessDay(d)`). */
  isHoliday(d: Date): boolean {
    return !this.isBusinessDay(d);
  }

  /** Whether `d` is on or after the last business day of its month. */
  isEndOfMonth(d: Date): boolean {
    return d.month() !== this.adjust(d.addDays(1), BusinessDayConvention.Following).month();
  }

  /** The last business day of the month of `d`. */
  endOfMonth(d: Date): Date {
    return this.adjust(Date.endOfMonth(d), BusinessDayConvention.Preceding);
  }

  /**
   * Adds a holiday to this instance (weekends are holidays already).
   *
   * @param d - the date to close.
   */
  addHoliday(d: Date): void {
    this.#removed.delete(d.serialNumber);
    if (this.isBusinessDayImpl(d)) this.#added.add(d.serialNumber);
  }

  /**
   * Removes a holiday from this instance, making `d` a business day.
   *
   * @param d - the date to open.
   */
  removeHoliday(d: Date): void {
    this.#added.delete(d.serialNumber);
    if (!this.isBusinessDayImpl(d)) this.#removed.add(d.serialNumber);
  }

  /** Forgets every holiday added or removed on this instance. */
  resetAddedAndRemovedHolidays(): void {
    this.#added.clear();
    this.#removed.clear();
  }

  /**
   * Rolls `d` to a business day by `convention`.
   *
   * @param d - the date.
   * @param convention - the rolling rule; default `Following`.
   * @returns a business day (or `d` itself with `Unadjusted`).
   * @throws `InvalidInputError` for an unknown convention, or when rolling leaves the date range.
   */
  adjust(d: Date, convention: BusinessDayConvention = BusinessDayConvention.Following): Date {
    switch (convention) {
      case BusinessDayConvention.Unadjusted:
        return d;
      case BusinessDayConvention.Following:
        return this.#roll(d, 1);
      case BusinessDayConvention.ModifiedFollowing:
      case BusinessDayConvention.HalfMonthModifiedFollowing: {
        const d1 = this.#roll(d, 1);
        if (d1.month() !== d.month()) return this.#roll(d, -1);
        if (
          convention === BusinessDayConvention.HalfMonthModifiedFollowing &&
          d.dayOfMonth() <= 15 &&
          d1.dayOfMonth() > 15
        ) {
          return this.#roll(d, -1);
        }
        return d1;
      }
      case BusinessDayConvention.Preceding:
        return this.#roll(d, -1);
      case BusinessDayConvention.ModifiedPreceding: {
        const d1 = this.#roll(d, -1);
        return d1.month() !== d.month() ? this.#roll(d, 1) : d1;
      }
      case BusinessDayConvention.Nearest: {
        let forward = d;
        let backward = d;
        while (this.isHoliday(forward) && this.isHoliday(backward)) {
          forward = forward.addDays(1);
          backward = backward.addDays(-1);
        }
        return this.isHoliday(forward) ? backward : forward;
      }
      default:
        throw InvalidInputError.outOfRange('convention', convention, 'a BusinessDayConvention');
    }
  }

  /**
   * Moves `d` by `n` units: business days for `Days`, calendar time then `adjust` otherwise.
   *
   * @param d - start date.
   * @param n - integer count (may be negative; 0 returns `adjust(d, convention)`).
   * @param unit - {@link TimeUnit}.
   * @param convention - rolling rule for weeks/months/years; default `Following`.
   * @param endOfMonth - end-of-month rule for months/years: when `d` is the last business day
   * of its month, return the last business day of the target month; default `false`.
   * @returns the new date.
   * @throws `InvalidInputError` when `n` is not an integer or the result leaves the date range.
   */
  advance(
    d: Date,
    n: number,
    unit: TimeUnit,
    convention: BusinessDayConvention = BusinessDayConvention.Following,
    endOfMonth = false,
  ): Date {
    if (!Number.isInteger(n)) throw InvalidInputError.outOfRange('n', n, 'integers');
    if (n === 0) return this.adjust(d, convention);
    if (unit === TimeUnit.Days) {
      const step = n > 0 ? 1 : -1;
      let remaining = Math.abs(n);
      let d1 = d;
      while (remaining > 0) {
        d1 = d1.addDays(step);
        while (this.isHoliday(d1)) d1 = d1.addDays(step);
        remaining -= 1;
      }
      return d1;
    }
    if (unit === TimeUnit.Weeks) return this.adjust(d.add(n, unit), convention);
    const d1 = d.add(n, unit);
    if (endOfMonth) {
      if (convention === BusinessDayConvention.Unadjusted) {
        if (Date.isEndOfMonth(d)) return Date.endOfMonth(d1);
      } else if (this.isEndOfMonth(d)) {
        return this.endOfMonth(d1);
      }
    }
    return this.adjust(d1, convention);
  }

  /** {@link Calendar.advance} by a {@link Period}. */
  advancePeriod(
    d: Date,
    period: Period,
    convention: BusinessDayConvention = BusinessDayConvention.Following,
    endOfMonth = false,
  ): Date {
    return this.advance(d, period.length, period.units, convention, endOfMonth);
  }

  /**
   * Number of business days between two dates; negative when `to` is before `from`.
   *
   * @param from - first date.
   * @param to - second date.
   * @param includeFirst - count `from` if it is a business day; default `true`.
   * @param includeLast - count `to` if it is a business day; default `false`.
   * @returns a signed integer count.
   */
  businessDaysBetween(from: Date, to: Date, includeFirst = true, includeLast = false): number {
    if (from.equals(to)) return includeFirst && includeLast && this.isBusinessDay(from) ? 1 : 0;
    const [lo, hi] = from.isBefore(to) ? [from, to] : [to, from];
    let count = 0;
    for (let s = lo.serialNumber; s <= hi.serialNumber; s++) {
      if (this.isBusinessDay(Date.fromSerial(s))) count += 1;
    }
    if (!includeFirst && this.isBusinessDay(from)) count -= 1;
    if (!includeLast && this.isBusinessDay(to)) count -= 1;
    return from.isBefore(to) ? count : -count;
  }

  /**
   * Holidays in the closed interval [from, to], in order.
   *
   * @param from - first date.
   * @param to - last date, on or after `from`.
   * @param includeWeekends - also list weekend days; default `false`.
   * @throws `InvalidInputError` when `to` is before `from`.
   */
  holidayList(from: Date, to: Date, includeWeekends = false): Date[] {
    if (to.isBefore(from)) throw InvalidInputError.outOfRange('to', to.toISOString(), `dates on or after ${from.toISOString()}`);
    const result: Date[] = [];
    for (let s = from.serialNumber; s <= to.serialNumber; s++) {
      const d = Date.fromSerial(s);
      if (this.isHoliday(d) && (includeWeekends || !this.isWeekend(d.weekday()))) result.push(d);
    }
    return result;
  }

  /**
   * Business days in the closed interval [from, to], in order.
   *
   * @throws `InvalidInputError` when `to` is before `from`.
   */
  businessDayList(from: Date, to: Date): Date[] {
    if (to.isBefore(from)) throw InvalidInputError.outOfRange('to', to.toISOString(), `dates on or after ${from.toISOString()}`);
    const result: Date[] = [];
    for (let s = from.serialNumber; s <= to.serialNumber; s++) {
      const d = Date.fromSerial(s);
      if (this.isBusinessDay(d)) result.push(d);
    }
    return result;
  }

  /** Same name, same calendar (added/removed holidays are not compared). */
  equals(other: Calendar): boolean {
    return this.name() === other.name();
  }

  /** The name. */
  toString(): string {
    return this.name();
  }

  #roll(d: Date, step: 1 | -1): Date {
    let d1 = d;
    while (this.isHoliday(d1)) d1 = d1.addDays(step);
    return d1;
  }
}
