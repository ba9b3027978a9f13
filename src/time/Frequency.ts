/**
 * Frequency of events per year (coupon payments, compounding), numbered as in QuantLib.
 *
 * @remarks
 * The numeric value is the number of events per year where one exists (Quarterly = 4,
 * Daily = 365); `NoFrequency` = -1, `Once` = 0 and `OtherFrequency` = 999 are markers.
 *
 * Source: QuantLib `ql/time/frequency.hpp`.
 * Checked against: `test/time/Period.test.ts` (round trip with `Period.fromFrequency`).
 *
 * @public
 */
export enum Frequency {
  NoFrequency = -1,
  Once = 0,
  Annual = 1,
  Semiannual = 2,
  EveryFourthMonth = 3,
  Quarterly = 4,
  Bimonthly = 6,
  Monthly = 12,
  EveryFourthWeek = 13,
  Biweekly = 26,
  Weekly = 52,
  Daily = 365,
  OtherFrequency = 999,
}
