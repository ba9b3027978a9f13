/**
 * Day of the week, numbered as in QuantLib: Sunday = 1 … Saturday = 7.
 *
 * @remarks
 * Source: QuantLib `ql/time/weekday.hpp` (Sunday = 1).
 * Checked against: weekdays of dates known from published calendars in `test/time/Date.test.ts`.
 *
 * @public
 */
export enum Weekday {
  Sunday = 1,
  Monday = 2,
  Tuesday = 3,
  Wednesday = 4,
  Thursday = 5,
  Friday = 6,
  Saturday = 7,
}
