// Internal: builds an ISO calendar date string, or undefined when the date does not exist.

/**
 * `YYYY-MM-DD` for a proleptic Gregorian calendar date, or `undefined` if there is no such
 * date (month 13, 30 February, …) or the year is outside 1000–9999.
 * @internal
 */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
