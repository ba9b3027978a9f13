import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../src/time/_lib/easter.js';

describe('Easter', () => {
  // Western (Gregorian) Easter Sunday as published in standard tables (e.g. the US Naval
  // Observatory's list); 1943 and 2038 are the latest possible date, 2008 one of the earliest.
  const published: Array<[number, string]> = [
    [1913, '03-23'], [1943, '04-25'], [1961, '04-02'], [1990, '04-15'], [2000, '04-23'],
    [2001, '04-15'], [2002, '03-31'], [2003, '04-20'], [2004, '04-11'], [2005, '03-27'],
    [2006, '04-16'], [2007, '04-08'], [2008, '03-23'], [2009, '04-12'], [2010, '04-04'],
    [2011, '04-24'], [2012, '04-08'], [2013, '03-31'], [2014, '04-20'], [2015, '04-05'],
    [2016, '03-27'], [2017, '04-16'], [2018, '04-01'], [2019, '04-21'], [2020, '04-12'],
    [2021, '04-04'], [2022, '04-17'], [2023, '04-09'], [2024, '03-31'], [2025, '04-20'],
    [2026, '04-05'], [2027, '03-28'], [2028, '04-16'], [2029, '04-01'], [2030, '04-21'],
    [2038, '04-25'],
  ];
  it.each(published)('%i: %s', (year, mmdd) => {
    const [m, d] = easterSunday(year);
    expect(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).toBe(mmdd);
  });

  it("agrees with Gauss's algorithm (a second method) for every year 1901–2199", () => {
    // C. F. Gauss (1800/1816), Gregorian form with both exceptions.
    const gauss = (y: number): [number, number] => {
      const a = y % 19, b = y % 4, c = y % 7, k = Math.floor(y / 100);
      const p = Math.floor((13 + 8 * k) / 25), q = Math.floor(k / 4);
      const M = (15 - p + k - q) % 30, N = (4 + k - q) % 7;
      const d = (19 * a + M) % 30, e = (2 * b + 4 * c + 6 * d + N) % 7;
      if (d === 29 && e === 6) return [4, 19];
      if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) return [4, 18];
      return 22 + d + e <= 31 ? [3, 22 + d + e] : [4, d + e - 9];
    };
    for (let y = 1901; y <= 2199; y++) expect(easterSunday(y), String(y)).toEqual(gauss(y));
  });
});
