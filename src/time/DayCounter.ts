import type { Date } from './Date.js';

/**
 * A day-count convention: how many days, and what fraction of a year, lie between two dates.
 *
 * @remarks
 * Subclasses implement {@link DayCounter.name} and {@link DayCounter.yearFraction}; the default
 * {@link DayCounter.dayCount} is the actual number of calendar days `d2 - d1`. Both are signed:
 * swapping the dates changes the sign. Two day counters are equal when their names are equal.
 *
 * Source: QuantLib `ql/time/daycounter.hpp`; conventions as defined in the 2006 ISDA
 * Definitions, Section 4.16.
 * Checked against: each subclass's test in `test/time/DayCounters.test.ts`.
 *
 * @public
 */
export abstract class DayCounter {
  /** The convention's market name, e.g. `"Actual/365 (Fixed)"`. */
  abstract name(): string;

  /**
   * Number of days between two dates under this convention; signed.
   *
   * @param d1 - start date.
   * @param d2 - end date.
   * @returns an integer number of days, negative when `d2` is before `d1`.
   */
  dayCount(d1: Date, d2: Date): number {
    return d2.serialNumber - d1.serialNumber;
  }

  /**
   * Year fraction between two dates; signed.
   *
   * @param d1 - start date.
   * @param d2 - end date.
   * @param refPeriodStart - start of the reference (coupon) period, used only by conventions
   * that need one (Actual/Actual ISMA).
   * @param refPeriodEnd - end of the reference period, likewise.
   * @returns the year fraction (years), negative when `d2` is before `d1`.
   */
  abstract yearFraction(d1: Date, d2: Date, refPeriodStart?: Date, refPeriodEnd?: Date): number;

  /** Same name, same convention. */
  equals(other: DayCounter): boolean {
    return this.name() === other.name();
  }

  /** The name. */
  toString(): string {
    return this.name();
  }
}
