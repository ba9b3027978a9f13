/**
 * Units of a {@link Period}: days, weeks, months or years.
 *
 * @remarks
 * Same members and meaning as QuantLib's `TimeUnit` (the intraday units are not provided).
 * Weeks are exactly 7 days; months and years are calendar months and years, so adding them to
 * a date clamps to the end of the month (31 January + 1M = 28/29 February).
 *
 * Source: QuantLib `ql/time/timeunit.hpp`.
 * Checked against: `test/time/Period.test.ts`, `test/time/Date.test.ts`.
 *
 * @public
 */
export enum TimeUnit {
  Days = 0,
  Weeks = 1,
  Months = 2,
  Years = 3,
}
