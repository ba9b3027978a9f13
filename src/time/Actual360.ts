import { DayCounter } from './DayCounter.js';
import type { Date } from './Date.js';

/**
 * Actual/360: actual days divided by 360 (money-market basis for USD and EUR rates).
 *
 * @remarks
 * `yearFraction(d1, d2) = (d2 - d1) / 360`. Reference-period arguments are ignored.
 *
 * Source: 2006 ISDA Definitions, Section 4.16(e); QuantLib `ql/time/daycounters/actual360.hpp`.
 * Checked against: hand counts of days (`test/time/DayCounters.test.ts`).
 *
 * @public
 */
export class Actual360 extends DayCounter {
  name(): string {
    return 'Actual/360';
  }

  /** @returns `(d2 - d1) / 360` years; signed. */
  yearFraction(d1: Date, d2: Date, _refPeriodStart?: Date, _refPeriodEnd?: Date): number {
    return (d2.serialNumber - d1.serialNumber) / 360;
  }
}
