// Internal: US holiday rules shared by the UnitedStates markets; never re-exported.
// Rules follow the federal holiday statutes (5 U.S.C. 6103), the NYSE and SIFMA schedules,
// and QuantLib's `ql/time/calendars/unitedstates.cpp` for history before 2000.
import { Month } from '../Month.js';
import { Weekday } from '../Weekday.js';

/** Day, month, year, weekday and day of year of one date. */
export interface DateParts {
  readonly d: number;
  readonly m: number;
  readonly y: number;
  readonly w: Weekday;
}

/** A fixed-date holiday observed Monday if on Sunday, Friday if on Saturday. */
function observed(p: DateParts, month: number, day: number, moveSaturdayToFriday = true): boolean {
  if (p.m !== month) return false;
  return (
    p.d === day ||
    (p.d === day + 1 && p.w === Weekday.Monday) ||
    (moveSaturdayToFriday && p.d === day - 1 && p.w === Weekday.Friday)
  );
}

/** New Year's Day, 1 January, or Monday 2 January when the 1st is a Sunday (never moved to Friday). */
export function isNewYear(p: DateParts): boolean {
  return p.m === Month.January && (p.d === 1 || (p.d === 2 && p.w === Weekday.Monday));
}

/** Martin Luther King Jr. Day: third Monday of January, from `since`. */
export function isMartinLutherKing(p: DateParts, since: number): boolean {
  return p.y >= since && p.m === Month.January && p.w === Weekday.Monday && p.d >= 15 && p.d <= 21;
}

/** Washington's Birthday: third Monday of February from 1971, 22 February (observed) before. */
export function isWashingtonBirthday(p: DateParts): boolean {
  if (p.y >= 1971) return p.m === Month.February && p.w === Weekday.Monday && p.d >= 15 && p.d <= 21;
  return observed(p, Month.February, 22);
}

/** Memorial Day: last Monday of May from 1971, 30 May (observed) before. */
export function isMemorialDay(p: DateParts): boolean {
  if (p.y >= 1971) return p.m === Month.May && p.w === Weekday.Monday && p.d >= 25;
  return observed(p, Month.May, 30);
}

/** Juneteenth, 19 June (observed), from `since` (2022 in the financial markets). */
export function isJuneteenth(p: DateParts, since = 2022): boolean {
  return p.y >= since && observed(p, Month.June, 19);
}

/** Independence Day, 4 July (observed). */
export function isIndependenceDay(p: DateParts): boolean {
  return observed(p, Month.July, 4);
}

/** Labor Day: first Monday of September. */
export function isLaborDay(p: DateParts): boolean {
  return p.m === Month.September && p.w === Weekday.Monday && p.d <= 7;
}

/** Columbus Day: second Monday of October, from 1971. */
export function isColumbusDay(p: DateParts): boolean {
  return p.y >= 1971 && p.m === Month.October && p.w === Weekday.Monday && p.d >= 8 && p.d <= 14;
}

/**
 * Veterans Day: 11 November (observed; Saturday moves to Friday unless `noSaturday`), except
 * 1971–1977 when it was the fourth Monday of October.
 */
export function isVeteransDay(p: DateParts, noSaturday: boolean): boolean {
  if (p.y <= 1970 || p.y >= 1978) return observed(p, Month.November, 11, !noSaturday);
  return p.m === Month.October && p.w === Weekday.Monday && p.d >= 22 && p.d <= 28;
}

/** Thanksgiving: fourth Thursday of November. */
export function isThanksgiving(p: DateParts): boolean {
  return p.m === Month.November && p.w === Weekday.Thursday && p.d >= 22 && p.d <= 28;
}

/** Christmas, 25 December (observed). */
export function isChristmas(p: DateParts): boolean {
  return observed(p, Month.December, 25);
}
