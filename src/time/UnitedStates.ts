import { InvalidInputError } from '../errors.js';
import { Calendar } from './Calendar.js';
import { Month } from './Month.js';
import { Weekday } from './Weekday.js';
import type { Date } from './Date.js';
import { easterMondaySerial } from './_lib/easter.js';
import {
  isChristmas,
  isColumbusDay,
  isIndependenceDay,
  isJuneteenth,
  isLaborDay,
  isMartinLutherKing,
  isMemorialDay,
  isNewYear,
  isThanksgiving,
  isVeteransDay,
  isWashingtonBirthday,
  type DateParts,
} from './_lib/usHolidays.js';

/**
 * The US markets a {@link UnitedStates} calendar can follow.
 *
 * @public
 */
export enum UnitedStatesMarket {
  /** Generic settlement calendar: the federal holidays. */
  Settlement = 0,
  /** New York Stock Exchange. */
  NYSE = 1,
  /** US government bond market, per SIFMA's recommended full closes. */
  GovernmentBond = 2,
  /** SOFR fixing calendar: GovernmentBond plus every Good Friday. */
  SOFR = 3,
}

/** NYSE full-day closings that no recurring rule gives (QuantLib's list plus 2025-01-09). */
const NYSE_SPECIAL_CLOSINGS = new Set<string>([
  '2025-01-09', // National Day of Mourning, President Carter
  '2018-12-05', // President G. H. W. Bush's funeral
  '2012-10-29', // Hurricane Sandy
  '2012-10-30',
  '2007-01-02', // President Ford's funeral
  '2004-06-11', // President Reagan's funeral
  '2001-09-11', // September 11
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '1994-04-27', // President Nixon's funeral
  '1985-09-27', // Hurricane Gloria
  '1977-07-14', // New York blackout
  '1973-01-25', // President Johnson's funeral
  '1972-12-28', // President Truman's funeral
  '1969-07-21', // lunar exploration day of participation
  '1969-03-31', // President Eisenhower's funeral
  '1969-02-10', // heavy snow
  '1968-07-05', // day after Independence Day
  '1968-04-09', // day of mourning, Martin Luther King Jr.
  '1963-11-25', // President Kennedy's funeral
  '1961-05-29', // day before Decoration Day
  '1958-12-26', // day after Christmas
  '1954-12-24',
  '1956-12-24',
  '1965-12-24',
]);

/** Government bond market (SIFMA) full closings that no recurring rule gives. */
const GOVERNMENT_BOND_SPECIAL_CLOSINGS = new Set<string>([
  '2018-12-05', // President G. H. W. Bush's funeral
  '2012-10-30', // Hurricane Sandy
  '2004-06-11', // President Reagan's funeral
]);

function parts(date: Date): DateParts {
  return { d: date.dayOfMonth(), m: date.month(), y: date.year(), w: date.weekday() };
}

function isGoodFriday(date: Date): boolean {
  return date.serialNumber === easterMondaySerial(date.year()) - 3;
}

function settlementOpen(date: Date, p: DateParts): boolean {
  return !(
    isNewYear(p) ||
    (p.d === 31 && p.m === Month.December && p.w === Weekday.Friday) || // New Year's Day on a Saturday
    isMartinLutherKing(p, 1983) ||
    isWashingtonBirthday(p) ||
    isMemorialDay(p) ||
    isJuneteenth(p, 2021) ||
    isIndependenceDay(p) ||
    isLaborDay(p) ||
    isColumbusDay(p) ||
    isVeteransDay(p, false) ||
    isThanksgiving(p) ||
    isChristmas(p)
  );
}

function nyseOpen(date: Date, p: DateParts): boolean {
  if (
    isNewYear(p) ||
    isMartinLutherKing(p, 1998) ||
    isWashingtonBirthday(p) ||
    isGoodFriday(date) ||
    isMemorialDay(p) ||
    isJuneteenth(p) ||
    isIndependenceDay(p) ||
    isLaborDay(p) ||
    isThanksgiving(p) ||
    isChristmas(p)
  ) {
    return false;
  }
  // Presidential election days (every year to 1968, then every fourth year to 1980).
  if ((p.y <= 1968 || (p.y <= 1980 && p.y % 4 === 0)) && p.m === Month.November && p.d <= 7 && p.w === Weekday.Tuesday) {
    return false;
  }
  // Paperwork crisis: closed on Wednesdays from 12 June to 31 December 1968.
  if (p.y === 1968 && p.w === Weekday.Wednesday && date.dayOfYear() >= 163) return false;
  return !NYSE_SPECIAL_CLOSINGS.has(date.toISOString());
}

function governmentBondOpen(date: Date, p: DateParts): boolean {
  // Good Friday: SIFMA recommends a full close, except an early close when Good Friday is the
  // first Friday of the month and the employment report (NFP) is released that day.
  const goodFridayClosed = isGoodFriday(date) && p.d > 7;
  return !(
    isNewYear(p) ||
    isMartinLutherKing(p, 1983) ||
    isWashingtonBirthday(p) ||
    goodFridayClosed ||
    isMemorialDay(p) ||
    isJuneteenth(p) ||
    isIndependenceDay(p) ||
    isLaborDay(p) ||
    isColumbusDay(p) ||
    isVeteransDay(p, true) ||
    isThanksgiving(p) ||
    isChristmas(p) ||
    GOVERNMENT_BOND_SPECIAL_CLOSINGS.has(date.toISOString())
  );
}

const NAMES: Record<UnitedStatesMarket, string> = {
  [UnitedStatesMarket.Settlement]: 'US settlement',
  [UnitedStatesMarket.NYSE]: 'New York stock exchange',
  [UnitedStatesMarket.GovernmentBond]: 'US government bond market',
  [UnitedStatesMarket.SOFR]: 'SOFR fixing calendar',
};

/**
 * United States calendars: federal settlement, NYSE, government bond market (SIFMA) and SOFR.
 *
 * @remarks
 * All markets close on Saturdays, Sundays and (observed Monday if on a Sunday, Friday if on a
 * Saturday unless noted): New Year's Day (never moved to the Friday before, except in
 * `Settlement`), Martin Luther King Jr. Day (third Monday of January; NYSE from 1998, others
 * from 1983), Washington's Birthday (third Monday of February), Memorial Day (last Monday of
 * May), Juneteenth (19 June, from 2022; `Settlement` from 2021), Independence Day (4 July),
 * Labor Day (first Monday of September), Thanksgiving (fourth Thursday of November) and
 * Christmas (25 December). In addition:
 *
 * - `NYSE`: Good Friday; presidential election days to 1980; special closings (national days of
 *   mourning such as 2025-01-09 for President Carter, 2018-12-05, Hurricane Sandy 2012-10-29/30,
 *   11–14 September 2001, and earlier ones). No Columbus or Veterans Day.
 * - `GovernmentBond` (SIFMA's recommended full closes): Columbus Day (second Monday of
 *   October), Veterans Day (11 November, Monday if on a Sunday, not moved from a Saturday), Good
 *   Friday — except when Good Friday is the first Friday of its month (day ≤ 7), the US
 *   employment report's release day, for which SIFMA recommends only an early close (2015,
 *   2021, 2023, 2026); special closings 2004-06-11, 2012-10-30, 2018-12-05. The national day of
 *   mourning 2025-01-09 was an early close only.
 * - `SOFR`: the GovernmentBond calendar plus every Good Friday (the New York Fed has not
 *   published SOFR on any Good Friday, including the early-close ones).
 * - `Settlement`: Columbus Day and Veterans Day (Saturday moved to Friday); New Year's Day on a
 *   Saturday observed on Friday 31 December.
 *
 * Source: NYSE holiday schedule (https://www.nyse.com/markets/hours-calendars); SIFMA holiday
 * recommendations (https://www.sifma.org/resources/general/holiday-schedule/); 5 U.S.C. 6103;
 * QuantLib `ql/time/calendars/unitedstates.cpp` for historical closings and the SOFR rule
 * (QuantLib issues #1635, #1886 and pull requests #1721, #2004).
 * Checked against: NYSE's published holidays 2023–2026, SIFMA's recommended full closes
 * 2023–2026 and SOFR non-publication days (`test/time/UnitedStates.test.ts`).
 *
 * @example
 * ```ts
 * import { UnitedStates, UnitedStatesMarket, Date } from 'quantflow';
 * new UnitedStates(UnitedStatesMarket.NYSE).isBusinessDay(Date.fromISO('2025-01-09'));
 * //=> false
 * ```
 *
 * @public
 */
export class UnitedStates extends Calendar {
  /** The market whose rules this calendar applies. */
  readonly market: UnitedStatesMarket;

  /**
   * @param market - which US market; default `UnitedStatesMarket.Settlement`.
   * @throws `InvalidInputError` for an unknown market.
   */
  constructor(market: UnitedStatesMarket = UnitedStatesMarket.Settlement) {
    super();
    if (!(market in NAMES)) {
      throw InvalidInputError.outOfRange('market', market, 'UnitedStatesMarket.Settlement | NYSE | GovernmentBond | SOFR');
    }
    this.market = market;
  }

  name(): string {
    return NAMES[this.market];
  }

  protected isBusinessDayImpl(date: Date): boolean {
    if (this.isWeekend(date.weekday())) return false;
    const p = parts(date);
    switch (this.market) {
      case UnitedStatesMarket.Settlement:
        return settlementOpen(date, p);
      case UnitedStatesMarket.NYSE:
        return nyseOpen(date, p);
      case UnitedStatesMarket.GovernmentBond:
        return governmentBondOpen(date, p);
      case UnitedStatesMarket.SOFR:
        return !isGoodFriday(date) && governmentBondOpen(date, p);
    }
  }
}
