/**
 * How a date falling on a holiday is rolled to a business day.
 *
 * @remarks
 * - `Following`: the first business day after.
 * - `ModifiedFollowing`: the first business day after, unless it is in the next month; then
 *   the first business day before.
 * - `Preceding`: the first business day before.
 * - `ModifiedPreceding`: the first business day before, unless it is in the previous month;
 *   then the first business day after.
 * - `Unadjusted`: no rolling.
 * - `HalfMonthModifiedFollowing`: like ModifiedFollowing, but also rolls back when rolling
 *   forward would cross the 15th of the month.
 * - `Nearest`: the nearest business day; ties (equally near before and after) go forward.
 *
 * Source: 2006 ISDA Definitions, Section 4.12; QuantLib `ql/time/businessdayconvention.hpp`.
 * Checked against: `test/time/Calendar.test.ts`.
 *
 * @public
 */
export enum BusinessDayConvention {
  Following = 0,
  ModifiedFollowing = 1,
  Preceding = 2,
  ModifiedPreceding = 3,
  Unadjusted = 4,
  HalfMonthModifiedFollowing = 5,
  Nearest = 6,
}
