/**
 * Month of the year, January = 1 … December = 12 (QuantLib numbering).
 *
 * @remarks
 * Source: QuantLib `ql/time/date.hpp` (`enum Month`).
 * Checked against: `test/time/Date.test.ts`.
 *
 * @public
 */
export enum Month {
  January = 1,
  February = 2,
  March = 3,
  April = 4,
  May = 5,
  June = 6,
  July = 7,
  August = 8,
  September = 9,
  October = 10,
  November = 11,
  December = 12,
}
