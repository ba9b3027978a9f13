/**
 * Rule by which a {@link Schedule} generates its dates.
 *
 * @remarks
 * - `Backward`: from the termination date back to the effective date (stub at the front).
 * - `Forward`: from the effective date forward to the termination date (stub at the end).
 * - `Zero`: no intermediate dates, only effective and termination dates.
 * - `ThirdWednesday`: as Forward, then every intermediate date is moved to the third Wednesday
 *   of its month (IMM-style schedules).
 *
 * Source: QuantLib `ql/time/dategenerationrule.hpp` (the CDS and Twentieth rules are not provided).
 * Checked against: `test/time/Schedule.test.ts`.
 *
 * @public
 */
export enum DateGeneration {
  Backward = 0,
  Forward = 1,
  Zero = 2,
  ThirdWednesday = 3,
}
