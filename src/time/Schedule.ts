import { InvalidInputError } from '../errors.js';
import { BusinessDayConvention } from './BusinessDayConvention.js';
import { Calendar } from './Calendar.js';
import { Date } from './Date.js';
import { DateGeneration } from './DateGeneration.js';
import { NullCalendar } from './NullCalendar.js';
import { Period } from './Period.js';
import { TimeUnit } from './TimeUnit.js';
import { Weekday } from './Weekday.js';

/**
 * Arguments of {@link Schedule}.
 *
 * @public
 */
export interface ScheduleOptions {
  /** First date of the schedule (accrual start). */
  readonly effectiveDate: Date;
  /** Last date of the schedule (maturity), after `effectiveDate`. */
  readonly terminationDate: Date;
  /** Regular period between dates, e.g. `Period.parse('6M')`; a zero tenor means rule `Zero`. */
  readonly tenor: Period;
  /** Calendar used to adjust the dates. */
  readonly calendar: Calendar;
  /** Rolling rule for all dates but the last; default `Following`. */
  readonly convention?: BusinessDayConvention;
  /** Rolling rule for the termination date; default: same as `convention`. */
  readonly terminationDateConvention?: BusinessDayConvention;
  /** Generation rule; default `Backward`. */
  readonly rule?: DateGeneration;
  /** End-of-month rule (only for tenors of a month or more); default `false`. */
  readonly endOfMonth?: boolean;
  /** Optional first regular date (makes the first period a stub), in (effective, termination]. */
  readonly firstDate?: Date;
  /** Optional last regular date before termination, in [effective, termination). */
  readonly nextToLastDate?: Date;
}

/**
 * A payment or reset schedule: the dates from effective to termination date, one tenor apart,
 * adjusted to business days.
 *
 * @remarks
 * Unadjusted dates are generated with calendar arithmetic from the termination date backwards
 * (`Backward`, stub at the front) or from the effective date forwards (`Forward` and
 * `ThirdWednesday`, stub at the end), each date being `seed ± k·tenor` from the same seed so that month-end clamping does not
 * drift. `firstDate` / `nextToLastDate` force a stub at the front / back. Dates that would
 * coincide after adjustment are dropped. With the end-of-month rule, when the seed date is the
 * last business day of its month, every intermediate date is moved to the last business day of
 * its month (the first and last dates too, unless the termination convention is `Unadjusted`).
 * Otherwise all dates are adjusted by `convention`, and the termination date by
 * `terminationDateConvention`.
 *
 * `isRegular(i)` refers to the period from `at(i - 1)` to `at(i)` (1-based, as in QuantLib):
 * `true` when it is a full tenor, `false` for a stub.
 *
 * Source: QuantLib `ql/time/schedule.hpp` (generation rules, stubs, end-of-month treatment);
 * 2006 ISDA Definitions, Sections 4.10–4.12.
 * Checked against: hand-built schedules (short and long stubs, end-of-month, Zero,
 * ThirdWednesday) and property tests (strictly increasing dates, business days, bounds) in
 * `test/time/Schedule.test.ts`.
 *
 * @example
 * ```ts
 * import { Schedule, Period, TARGET, Date, BusinessDayConvention } from 'quantflow';
 * new Schedule({
 *   effectiveDate: Date.fromISO('2025-01-15'), terminationDate: Date.fromISO('2026-01-15'),
 *   tenor: Period.parse('6M'), calendar: new TARGET(), convention: BusinessDayConvention.ModifiedFollowing,
 * }).dates().map(String);
 * //=> ['2025-01-15', '2025-07-15', '2026-01-15']
 * ```
 *
 * @public
 */
export class Schedule {
  readonly tenor: Period;
  readonly calendar: Calendar;
  readonly convention: BusinessDayConvention;
  readonly terminationDateConvention: BusinessDayConvention;
  readonly rule: DateGeneration;
  readonly endOfMonth: boolean;
  readonly #dates: readonly Date[];
  readonly #isRegular: readonly boolean[];

  /**
   * @param options - see {@link ScheduleOptions}.
   * @throws `InvalidInputError` when `terminationDate` is not after `effectiveDate` or both
   * adjust to the same business day, the tenor
   * is negative, `firstDate` / `nextToLastDate` lie outside their ranges, are in the wrong order
   * or are given with rule
   * `Zero`, rule `ThirdWednesday` is given a tenor shorter than a month or the end-of-month
   * rule, or an unknown rule is passed.
   */
  constructor(options: ScheduleOptions) {
    const { effectiveDate, terminationDate, calendar, firstDate, nextToLastDate } = options;
    const convention = options.convention ?? BusinessDayConvention.Following;
    const terminationConvention = options.terminationDateConvention ?? convention;
    let rule = options.rule ?? DateGeneration.Backward;
    const tenor = options.tenor;

    if (!terminationDate.isAfter(effectiveDate)) {
      throw InvalidInputError.outOfRange(
        'terminationDate',
        terminationDate.toISOString(),
        `dates after effectiveDate = ${effectiveDate.toISOString()}`,
      );
    }
    if (tenor.length < 0) throw InvalidInputError.outOfRange('tenor', tenor.toString(), 'non-negative periods');
    if (tenor.length === 0) rule = DateGeneration.Zero;
    if (!(rule in DateGeneration)) {
      throw InvalidInputError.outOfRange('rule', rule, 'DateGeneration.Backward | Forward | Zero | ThirdWednesday');
    }
    if (firstDate !== undefined) {
      if (rule === DateGeneration.Zero) throw InvalidInputError.outOfRange('firstDate', firstDate.toISOString(), 'undefined with rule Zero');
      if (!firstDate.isAfter(effectiveDate) || firstDate.isAfter(terminationDate)) {
        throw InvalidInputError.outOfRange(
          'firstDate',
          firstDate.toISOString(),
          `(${effectiveDate.toISOString()}, ${terminationDate.toISOString()}]`,
        );
      }
    }
    if (nextToLastDate !== undefined) {
      if (rule === DateGeneration.Zero) {
        throw InvalidInputError.outOfRange('nextToLastDate', nextToLastDate.toISOString(), 'undefined with rule Zero');
      }
      if (nextToLastDate.isBefore(effectiveDate) || !nextToLastDate.isBefore(terminationDate)) {
        throw InvalidInputError.outOfRange(
          'nextToLastDate',
          nextToLastDate.toISOString(),
          `[${effectiveDate.toISOString()}, ${terminationDate.toISOString()})`,
        );
      }
    }
    if (firstDate !== undefined && nextToLastDate !== undefined && firstDate.isAfter(nextToLastDate)) {
      throw InvalidInputError.outOfRange(
        'firstDate',
        firstDate.toISOString(),
        `dates on or before nextToLastDate = ${nextToLastDate.toISOString()}`,
      );
    }
    // The end-of-month rule only makes sense for tenors of at least a month.
    const allowsEndOfMonth =
      (tenor.units === TimeUnit.Months || tenor.units === TimeUnit.Years) && tenor.length > 0;
    const endOfMonth = (options.endOfMonth ?? false) && allowsEndOfMonth;
    if (rule === DateGeneration.ThirdWednesday && !allowsEndOfMonth) {
      throw InvalidInputError.outOfRange('tenor', tenor.toString(), 'periods of whole months or years with rule ThirdWednesday');
    }
    if (endOfMonth && rule === DateGeneration.ThirdWednesday) {
      throw InvalidInputError.outOfRange('endOfMonth', true, 'false with rule ThirdWednesday');
    }

    this.tenor = tenor;
    this.calendar = calendar;
    this.convention = convention;
    this.terminationDateConvention = terminationConvention;
    this.rule = rule;
    this.endOfMonth = endOfMonth;

    const nullCalendar = new NullCalendar();
    const adjusted = (d: Date): number => calendar.adjust(d, convention).serialNumber;
    const step = (seed: Date, k: number): Date => nullCalendar.advance(seed, k * tenor.length, tenor.units, convention, endOfMonth);

    let dates: Date[];
    let regular: boolean[];
    let seed: Date;

    if (rule === DateGeneration.Zero) {
      seed = effectiveDate;
      dates = [effectiveDate, terminationDate];
      regular = [true];
    } else if (rule === DateGeneration.Backward) {
      dates = [terminationDate];
      regular = [];
      seed = terminationDate;
      if (nextToLastDate !== undefined) {
        dates.unshift(nextToLastDate);
        regular.unshift(step(seed, -1).equals(nextToLastDate));
        seed = nextToLastDate;
      }
      const exitDate = firstDate ?? effectiveDate;
      for (let k = 1; ; k++) {
        const candidate = step(seed, -k);
        if (candidate.isBefore(exitDate)) {
          if (firstDate !== undefined && adjusted(dates[0]) !== adjusted(firstDate)) {
            dates.unshift(firstDate);
            regular.unshift(false);
          }
          break;
        }
        if (adjusted(dates[0]) !== adjusted(candidate)) {
          dates.unshift(candidate);
          regular.unshift(true);
        }
      }
      if (adjusted(dates[0]) !== adjusted(effectiveDate)) {
        dates.unshift(effectiveDate);
        regular.unshift(false);
      }
    } else {
      dates = [effectiveDate];
      regular = [];
      seed = effectiveDate;
      if (firstDate !== undefined) {
        dates.push(firstDate);
        regular.push(step(seed, 1).equals(firstDate));
        seed = firstDate;
      }
      const exitDate = nextToLastDate ?? terminationDate;
      for (let k = 1; ; k++) {
        const candidate = step(seed, k);
        if (candidate.isAfter(exitDate)) {
          if (nextToLastDate !== undefined && adjusted(dates[dates.length - 1]) !== adjusted(nextToLastDate)) {
            dates.push(nextToLastDate);
            regular.push(false);
          }
          break;
        }
        if (adjusted(dates[dates.length - 1]) !== adjusted(candidate)) {
          dates.push(candidate);
          regular.push(true);
        }
      }
      const last = dates[dates.length - 1];
      if (calendar.adjust(last, terminationConvention).serialNumber !== calendar.adjust(terminationDate, terminationConvention).serialNumber) {
        dates.push(terminationDate);
        regular.push(false);
      }
    }
    if (dates.length < 2) {
      throw InvalidInputError.outOfRange(
        'terminationDate',
        terminationDate.toISOString(),
        `dates that do not adjust to the same business day as effectiveDate = ${effectiveDate.toISOString()}`,
      );
    }

    const n = dates.length;
    if (rule === DateGeneration.ThirdWednesday) {
      for (let i = 1; i < n - 1; i++) {
        dates[i] = Date.nthWeekday(3, Weekday.Wednesday, dates[i].month(), dates[i].year());
      }
    }

    if (endOfMonth && calendar.isEndOfMonth(seed)) {
      for (let i = 1; i < n - 1; i++) {
        dates[i] = convention === BusinessDayConvention.Unadjusted ? Date.endOfMonth(dates[i]) : calendar.endOfMonth(dates[i]);
      }
      let first = dates[0];
      let last = dates[n - 1];
      if (terminationConvention !== BusinessDayConvention.Unadjusted) {
        first = calendar.endOfMonth(first);
        last = calendar.endOfMonth(last);
      } else if (rule === DateGeneration.Backward) {
        // The termination date is the seed when generating backwards, so it is already at month end.
        last = Date.endOfMonth(last);
      } else {
        first = Date.endOfMonth(first);
      }
      if (!first.equals(last)) {
        dates[0] = first;
        dates[n - 1] = last;
      } else {
        // The end-of-month move would collapse the schedule to one date (QuantLib then leaves
        // both ends unadjusted, possibly on a holiday); adjust them the ordinary way instead.
        dates[0] = calendar.adjust(dates[0], convention);
        dates[n - 1] = calendar.adjust(dates[n - 1], terminationConvention);
      }
    } else {
      for (let i = 0; i < n - 1; i++) dates[i] = calendar.adjust(dates[i], convention);
      dates[n - 1] = calendar.adjust(dates[n - 1], terminationConvention);
    }

    // End-of-month moves can push the next-to-last date onto or past the last one, or the
    // second date onto or before the first: drop such dates.
    for (let i = dates.length - 2; i > 0 && !dates[i].isBefore(dates[dates.length - 1]); i--) {
      dates.splice(i, 1);
      regular.splice(i - 1, 1);
    }
    while (dates.length > 2 && !dates[1].isAfter(dates[0])) {
      dates.splice(1, 1);
      regular.splice(0, 1);
    }
    // Any remaining intermediate date not after its predecessor merges two periods into one stub.
    for (let i = 1; i < dates.length - 1; ) {
      if (dates[i].isAfter(dates[i - 1])) {
        i += 1;
      } else {
        dates.splice(i, 1);
        regular.splice(i - 1, 2, false);
      }
    }

    if (!dates[dates.length - 1].isAfter(dates[0])) {
      throw InvalidInputError.outOfRange(
        'terminationDate',
        terminationDate.toISOString(),
        `dates whose adjusted value is after the adjusted effectiveDate = ${dates[0].toISOString()}`,
      );
    }

    this.#dates = Object.freeze(dates);
    this.#isRegular = Object.freeze(regular);
  }

  /** The schedule's dates, in increasing order (a copy). */
  dates(): Date[] {
    return [...this.#dates];
  }

  /** Number of dates. */
  size(): number {
    return this.#dates.length;
  }

  /**
   * The i-th date (0-based).
   *
   * @throws `InvalidInputError` when `i` is not an integer in [0, size − 1].
   */
  at(i: number): Date {
    if (!Number.isInteger(i) || i < 0 || i >= this.#dates.length) {
      throw InvalidInputError.outOfRange('i', i, `integers in [0, ${this.#dates.length - 1}]`);
    }
    return this.#dates[i];
  }

  /** First date. */
  startDate(): Date {
    return this.#dates[0];
  }

  /** Last date. */
  endDate(): Date {
    return this.#dates[this.#dates.length - 1];
  }

  /**
   * Whether the period ending at date `i` (from `at(i - 1)` to `at(i)`) is a full tenor.
   *
   * @param i - 1-based period index, integer in [1, size − 1].
   * @throws `InvalidInputError` when `i` is out of range.
   */
  isRegular(i: number): boolean {
    if (!Number.isInteger(i) || i < 1 || i > this.#isRegular.length) {
      throw InvalidInputError.outOfRange('i', i, `integers in [1, ${this.#isRegular.length}]`);
    }
    return this.#isRegular[i - 1];
  }

  /** The first schedule date on or after `d`, or undefined when `d` is after the end date. */
  nextDate(d: Date): Date | undefined {
    return this.#dates.find((x) => !x.isBefore(d));
  }

  /** The last schedule date strictly before `d`, or undefined. */
  previousDate(d: Date): Date | undefined {
    let result: Date | undefined;
    for (const x of this.#dates) {
      if (x.isBefore(d)) result = x;
      else break;
    }
    return result;
  }
}
