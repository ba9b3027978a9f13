// Internal: Gregorian Easter; never re-exported.
import { serialFromYmd } from './civil.js';

/**
 * Easter Sunday of a Gregorian year as [month, day], by the "anonymous Gregorian algorithm"
 * (J. Meeus, Astronomical Algorithms, 2nd ed. 1998, chapter 8; first published in Nature, 1876).
 */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return [Math.floor(n / 31), (n % 31) + 1];
}

const easterMondayCache = new Map<number, number>();

/** Serial number of Easter Monday in `year` (cached per year). */
export function easterMondaySerial(year: number): number {
  let serial = easterMondayCache.get(year);
  if (serial === undefined) {
    const [month, day] = easterSunday(year);
    serial = serialFromYmd(year, month, day) + 1;
    easterMondayCache.set(year, serial);
  }
  return serial;
}
