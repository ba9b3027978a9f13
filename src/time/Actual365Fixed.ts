import { DayCounter } from './DayCounter.js';
import type { Date } from './Date.js';

/**
 * Actual/365 (Fixed): actual days divided by 365, whatever the year's length.
 *
 * @remarks
 * `yearFraction(d1, d2) = (d2 - d1) / 365`, with `d2 - d1` in calendar days. It is quantflow's
 * default time measure from the evaluation date to a maturity. The reference-period arguments
 * are ignored. (QuantLib's Canadian and "no leap" variants are not provided.)
 *
 * Source: 2006 ISDA Definitions, Section 4.16(d); QuantLib `ql/time/daycounters/actual365fixed.hpp`.
 * Checked against: hand counts of days (`test/time/DayCounters.test.ts`) and additivity over
 * random date triples (property test).
 *
 * @example
 * ```ts
 * import { Actual365Fixed, Date } from 'quantflow';
 * new Actual365Fixed().yearFraction(Date.fromISO('2024-01-01'), Date.fromISO('2025-01-01'));
 * //=> 1.0027397260273974   (366 / 365)
 * ```
 *
 * @public
 */
export class Actual365Fixed extends DayCounter {
  name(): string {
    return 'Actual/365 (Fixed)';
  }

  /**
   * @param d1 - start date.
   * @param d2 - end date.
   * @returns `(d2 - d1) / 365` years; signed.
   */
  yearFraction(d1: Date, d2: Date, _refPeriodStart?: Date, _refPeriodEnd?: Date): number {
    return (d2.serialNumber - d1.serialNumber) / 365;
  }
}
