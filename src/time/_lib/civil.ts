// Internal: proleptic Gregorian calendar arithmetic on day counts; never re-exported.
//
// Conversion between (year, month, day) and a count of days uses the "days from civil" /
// "civil from days" method of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013),
// which works in 400-year eras of 146 097 days with a year starting on 1 March.

/** Serial number of 1970-01-01 in the spreadsheet convention (serial 1 = 1900-01-01). */
const SERIAL_OF_UNIX_EPOCH = 25569;

/** Serial number (spreadsheet convention, valid after 1900-02-28) of a proleptic Gregorian date. */
export function serialFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = month > 2 ? month - 3 : month + 9; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468 + SERIAL_OF_UNIX_EPOCH;
}

/** Inverse of {@link serialFromYmd}: returns [year, month (1-12), day]. */
export function ymdFromSerial(serial: number): [number, number, number] {
  const z = serial - SERIAL_OF_UNIX_EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

/** Gregorian leap-year rule. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days in `month` (1-12) of `year`. */
export function monthLength(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTH[month - 1];
}
