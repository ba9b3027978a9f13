import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Actual360 } from '../../src/time/Actual360.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { ActualActual, ActualActualConvention as AA } from '../../src/time/ActualActual.js';
import { Date } from '../../src/time/Date.js';
import { Thirty360, Thirty360Convention } from '../../src/time/Thirty360.js';
import { InvalidInputError } from '../../src/errors.js';

const d = (iso: string) => Date.fromISO(iso);
// Published figures carry 12 decimals: agree to 1e-12 (their rounding).
const PUBLISHED = 1e-12;

describe('Actual/Actual: ISDA (1998) "EMU and market conventions", worked examples', () => {
  // Each row: start, end, reference period (ICMA), expected ISDA, ICMA, AFB as printed in the
  // memo, and the day-count fractions they come from (checked too, as a second derivation).
  const rows: Array<{
    name: string;
    start: string;
    end: string;
    refStart: string;
    refEnd: string;
    isda: number;
    isdaFraction: number;
    isma: number;
    afb: number;
  }> = [
    { name: '1 semi-annual', start: '2003-11-01', end: '2004-05-01', refStart: '2003-11-01', refEnd: '2004-05-01', isda: 0.497724380567, isdaFraction: 61 / 365 + 121 / 366, isma: 0.5, afb: 0.497267759563 },
    { name: '2 short first', start: '1999-02-01', end: '1999-07-01', refStart: '1998-07-01', refEnd: '1999-07-01', isda: 0.41095890411, isdaFraction: 150 / 365, isma: 0.41095890411, afb: 0.41095890411 },
    { name: '3 long first', start: '2002-08-15', end: '2003-07-15', refStart: '2003-01-15', refEnd: '2003-07-15', isda: 0.915068493151, isdaFraction: 334 / 365, isma: 0.915760869565, afb: 0.915068493151 },
    { name: '4 short final', start: '1999-07-30', end: '2000-01-30', refStart: '1999-07-30', refEnd: '2000-01-30', isda: 0.503892506924, isdaFraction: 155 / 365 + 29 / 366, isma: 0.5, afb: 0.504109589041 },
    { name: '5 regular', start: '2000-01-30', end: '2000-06-30', refStart: '2000-01-30', refEnd: '2000-07-30', isda: 0.415300546448, isdaFraction: 152 / 366, isma: 0.417582417582, afb: 0.415300546448 },
  ];
  const isda = new ActualActual(AA.ISDA);
  const isma = new ActualActual(AA.ISMA);
  const afb = new ActualActual(AA.AFB);
  it.each(rows)('example $name', (r) => {
    const [s, e] = [d(r.start), d(r.end)];
    expect(Math.abs(isda.yearFraction(s, e) - r.isda)).toBeLessThan(PUBLISHED);
    expect(Math.abs(isda.yearFraction(s, e) - r.isdaFraction)).toBeLessThan(1e-15); // same sums, float rounding only
    expect(Math.abs(isma.yearFraction(s, e, d(r.refStart), d(r.refEnd)) - r.isma)).toBeLessThan(PUBLISHED);
    expect(Math.abs(afb.yearFraction(s, e) - r.afb)).toBeLessThan(PUBLISHED);
  });
  it('example 6 (long final): ISDA 32/365 + 120/366 and AFB 152/366', () => {
    expect(Math.abs(isda.yearFraction(d('1999-11-30'), d('2000-04-30')) - 0.415540085336)).toBeLessThan(PUBLISHED);
    expect(Math.abs(afb.yearFraction(d('1999-11-30'), d('2000-04-30')) - 0.415300546448)).toBeLessThan(PUBLISHED);
  });
  it('AFB counts whole years back from the end date', () => {
    // 1 Jan 2001 → 1 Jan 2004 is exactly 3 years; 29 Feb 2004 → 1 Mar 2005 is 1 year + 1/365
    // (counting back one year from 1 Mar 2005 gives 1 Mar 2004; 29 Feb → 1 Mar 2004 is one day).
    expect(afb.yearFraction(d('2001-01-01'), d('2004-01-01'))).toBe(3);
    expect(Math.abs(afb.yearFraction(d('2004-02-29'), d('2005-03-01')) - (1 + 1 / 366))).toBeLessThan(1e-15);
  });
  it('is signed and zero on equal dates', () => {
    expect(isda.yearFraction(d('2004-05-01'), d('2003-11-01'))).toBe(-isda.yearFraction(d('2003-11-01'), d('2004-05-01')));
    expect(isma.yearFraction(d('2004-05-01'), d('2004-05-01'))).toBe(0);
    expect(() => isma.yearFraction(d('2003-11-01'), d('2004-05-01'), d('2004-05-01'), d('2003-11-01'))).toThrow(InvalidInputError);
  });
  it('ISDA over whole calendar years is the number of years', () => {
    expect(isda.yearFraction(d('2000-01-01'), d('2025-01-01'))).toBe(25);
  });
});

describe('30/360 (ISDA 2006 §4.16(f) Bond Basis and §4.16(g) 30E/360), hand-worked from the definitions', () => {
  const bb = new Thirty360(Thirty360Convention.BondBasis);
  const eu = new Thirty360(Thirty360Convention.European);
  it.each([
    // start, end, Bond Basis days, 30E/360 days
    ['2006-08-31', '2007-02-28', 178, 178], // D1 31→30 in both
    ['2007-01-15', '2007-03-31', 76, 75], // D2 = 31 kept in Bond Basis since D1 < 30
    ['2007-01-31', '2007-03-31', 60, 60], // D1 → 30, then D2 → 30 in both
    ['2007-02-28', '2007-03-31', 33, 32],
    ['2008-02-29', '2008-08-31', 182, 181],
    ['2007-01-30', '2007-03-31', 60, 60], // D1 = 30 so D2 31 → 30 in Bond Basis too
  ])('%s → %s: %i / %i days', (s, e, bbDays, euDays) => {
    expect(bb.dayCount(d(s), d(e))).toBe(bbDays);
    expect(eu.dayCount(d(s), d(e))).toBe(euDays);
    expect(bb.yearFraction(d(s), d(e))).toBe(bbDays / 360);
    expect(eu.yearFraction(d(s), d(e))).toBe(euDays / 360);
  });
});

describe('Actual/365 (Fixed) and Actual/360', () => {
  const a365 = new Actual365Fixed();
  const a360 = new Actual360();
  it('divide actual days by 365 and 360', () => {
    // 2024 is a leap year: 366 actual days.
    expect(a365.yearFraction(d('2024-01-01'), d('2025-01-01'))).toBe(366 / 365);
    expect(a360.yearFraction(d('2024-01-01'), d('2025-01-01'))).toBe(366 / 360);
    expect(a365.dayCount(d('2025-01-02'), d('2025-04-02'))).toBe(90);
  });
  it('names', () => {
    expect([a365.name(), a360.name(), new ActualActual().name(), new Thirty360().name()]).toEqual([
      'Actual/365 (Fixed)', 'Actual/360', 'Actual/Actual (ISDA)', '30/360 (Bond Basis)',
    ]);
    expect(a365.equals(new Actual365Fixed())).toBe(true);
  });
  it('Act/365F and Act/Act ISDA are additive: yf(a,b) + yf(b,c) = yf(a,c)', () => {
    // Tolerance: three rounded divisions, sums of order ≤ 300 years → a few ulps of 300.
    const isda = new ActualActual(AA.ISDA);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 367, max: 109574 }), { minLength: 3, maxLength: 3 }), (serials) => {
        const [a, b, c] = serials.map((s) => Date.fromSerial(s));
        for (const dc of [a365, isda]) {
          expect(Math.abs(dc.yearFraction(a, b) + dc.yearFraction(b, c) - dc.yearFraction(a, c))).toBeLessThan(1e-12);
        }
      }),
    );
  });
  it('refuses unknown conventions', () => {
    expect(() => new Thirty360(7 as Thirty360Convention)).toThrow(InvalidInputError);
    expect(() => new ActualActual(7 as AA)).toThrow(InvalidInputError);
  });
});
