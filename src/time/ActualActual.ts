import { InvalidInputError } from '../errors.js';
import { Date } from './Date.js';
import { DayCounter } from './DayCounter.js';
import { TimeUnit } from './TimeUnit.js';

/**
 * Variants of the Actual/Actual day count.
 *
 * @public
 */
export enum ActualActualConvention {
  /** Actual/Actual (ISDA): days in each calendar year over that year's length. */
  ISDA = 0,
  /** Actual/Actual (ICMA, formerly ISMA): days over (frequency × days in the coupon period). */
  ISMA = 1,
  /** Actual/Actual (AFB / Euro): whole years counted back from the end, the rest over 365 or 366. */
  AFB = 2,
}

function daysInYear(year: number): number {
  return Date.isLeap(year) ? 366 : 365;
}

/**
 * Actual/Actual day counts (ISDA, ICMA/ISMA, AFB).
 *
 * @remarks
 * - ISDA: `Σ_years (days in that calendar year within [d1, d2)) / (365 or 366)`.
 * - ISMA (ICMA Rule 251): the period is cut into notional coupon periods of the reference
 *   period's length (in whole months, `round(12·days/365)`, stepping from the reference
 *   period's ends); each contributes `(days in it) / (days of the notional period) · months/12`.
 *   This handles short and long first and last coupons. Without a reference period, `[d1, d2]`
 *   is used; a reference period shorter than half a month is replaced by one year from `d1`.
 * - AFB: whole years are counted back from `d2`; the remaining stub counts `days / 366` if it
 *   contains a 29 February, else `days / 365`.
 *
 * All three are signed: swapping the dates changes the sign.
 *
 * Source: ISDA (1998), "EMU and Market Conventions: Recent Developments", Section 4
 * (definitions and worked examples); 2006 ISDA Definitions, Section 4.16(b)–(c).
 * Checked against: every worked example of the 1998 ISDA memo for the three conventions
 * (`test/time/DayCounters.test.ts`), e.g. 2003-11-01 → 2004-05-01: ISDA 0.497724380567,
 * ISMA 0.5, AFB 0.497267759563.
 *
 * @example
 * ```ts
 * import { ActualActual, ActualActualConvention, Date } from 'quantflow';
 * new ActualActual(ActualActualConvention.ISDA).yearFraction(Date.fromISO('2003-11-01'), Date.fromISO('2004-05-01'));
 * //=> 0.49772438056740775   (61/365 + 121/366)
 * ```
 *
 * @public
 */
export class ActualActual extends DayCounter {
  /** The variant. */
  readonly convention: ActualActualConvention;

  /**
   * @param convention - the variant; default `ISDA`.
   * @throws `InvalidInputError` for an unknown convention.
   */
  constructor(convention: ActualActualConvention = ActualActualConvention.ISDA) {
    super();
    if (
      convention !== ActualActualConvention.ISDA &&
      convention !== ActualActualConvention.ISMA &&
      convention !== ActualActualConvention.AFB
    ) {
      throw InvalidInputError.outOfRange('convention', convention, 'ActualActualConvention.ISDA | ISMA | AFB');
    }
    this.convention = convention;
  }

  name(): string {
    switch (this.convention) {
      case ActualActualConvention.ISDA:
        return 'Actual/Actual (ISDA)';
      case ActualActualConvention.ISMA:
        return 'Actual/Actual (ISMA)';
      default:
        return 'Actual/Actual (AFB)';
    }
  }

  /**
   * @param d1 - start date.
   * @param d2 - end date.
   * @param refPeriodStart - ISMA only: start of the regular coupon period (default `d1`).
   * @param refPeriodEnd - ISMA only: end of the regular coupon period (default `d2`).
   * @returns the year fraction; signed.
   * @throws `InvalidInputError` (ISMA) when the reference period is empty or reversed.
   */
  yearFraction(d1: Date, d2: Date, refPeriodStart?: Date, refPeriodEnd?: Date): number {
    if (d1.equals(d2)) return 0;
    if (d1.isAfter(d2)) return -this.yearFraction(d2, d1, refPeriodStart, refPeriodEnd);
    switch (this.convention) {
      case ActualActualConvention.ISDA:
        return isda(d1, d2);
      case ActualActualConvention.ISMA:
        return isma(d1, d2, refPeriodStart ?? d1, refPeriodEnd ?? d2);
      default:
        return afb(d1, d2);
    }
  }
}

function isda(d1: Date, d2: Date): number {
  const y1 = d1.year();
  const y2 = d2.year();
  if (y1 === y2) return d1.daysTo(d2) / daysInYear(y1);
  const endOfFirst = Date.fromYMD(y1 + 1, 1, 1);
  const startOfLast = Date.fromYMD(y2, 1, 1);
  return d1.daysTo(endOfFirst) / daysInYear(y1) + (y2 - y1 - 1) + startOfLast.daysTo(d2) / daysInYear(y2);
}

function isma(d1: Date, d2: Date, refStart: Date, refEnd: Date): number {
  if (!refEnd.isAfter(refStart)) {
    throw InvalidInputError.outOfRange('refPeriodEnd', refEnd.toISOString(), `dates after refPeriodStart = ${refStart.toISOString()}`);
  }
  let start = refStart;
  let end = refEnd;
  let months = Math.round((12 * start.daysTo(end)) / 365);
  if (months === 0) {
    start = d1;
    end = d1.add(1, TimeUnit.Years);
    months = 12;
  }
  // Notional period boundaries: b(0) = start, b(1) = end, b(-j) = start - j·months,
  // b(1 + j) = end + j·months.
  const boundary = (k: number): Date =>
    k <= 0 ? start.add(k * months, TimeUnit.Months) : end.add((k - 1) * months, TimeUnit.Months);
  let k = 0;
  while (boundary(k).isAfter(d1)) k -= 1;
  while (!boundary(k + 1).isAfter(d1)) k += 1;
  let sum = 0;
  for (; boundary(k).isBefore(d2); k += 1) {
    const b0 = boundary(k);
    const b1 = boundary(k + 1);
    const lo = Date.max(b0, d1);
    const hi = Date.min(b1, d2);
    sum += (lo.daysTo(hi) / b0.daysTo(b1)) * (months / 12);
  }
  return sum;
}

function afb(d1: Date, d2: Date): number {
  let years = 0;
  let stubEnd = d2;
  for (;;) {
    let previous = stubEnd.add(-1, TimeUnit.Years);
    // One year before 29 February is 28 February; counting back from 28 February of the year
    // after a leap year lands on the 28th, which AFB treats as the 29th.
    if (previous.month() === 2 && previous.dayOfMonth() === 28 && Date.isLeap(previous.year())) {
      previous = previous.addDays(1);
    }
    if (previous.isBefore(d1)) break;
    years += 1;
    stubEnd = previous;
  }
  let denominator = 365;
  for (let y = d1.year(); y <= stubEnd.year(); y++) {
    if (!Date.isLeap(y)) continue;
    const feb29 = Date.fromYMD(y, 2, 29);
    if (!feb29.isBefore(d1) && feb29.isBefore(stubEnd)) denominator = 366;
  }
  return years + d1.daysTo(stubEnd) / denominator;
}
