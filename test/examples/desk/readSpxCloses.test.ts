// @test readSpxCloses, dailyLogReturns
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { dailyLogReturns } from '../../../examples/desk/data/dailyLogReturns.js';
import { readSpxCloses } from '../../../examples/desk/data/readSpxCloses.js';
import { expectInputError } from './_lib/expectInputError.js';

const root = new URL('../../..', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const FILE = fileURLToPath(new URL('data/spx-realized-variance/OxRealizedVol_SPX.csv', root));

describe('readSpxCloses on fixtures', () => {
  it('reads a CR-only file with a 2-row preamble, counting every bad row exactly', () => {
    const spx = readSpxCloses(fixture('spx-small.csv'));
    expect(spx.dates).toEqual(['2000-01-03', '2000-01-04', '2000-01-05', '2000-01-11']);
    expect(Array.from(spx.closes)).toEqual([1454.48, 1399.15, 1402.11, 1438.56]);
    expect(spx.skipped.count).toBe(6);
    expect(spx.skipped.reasons).toEqual({
      'blank SPX2.closeprice': 1,
      'invalid SPX2.closeprice': 1,
      'non-positive SPX2.closeprice': 1,
      'date not after previous row': 1,
      'invalid DateID': 1,
      'wrong number of columns': 1,
    });
    expect(spx.skipped.examples.map((e) => e.split(':')[0])).toEqual(['line 6', 'line 8', 'line 9', 'line 10', 'line 11']);
  });

  it('reads a semicolon-separated file with a byte-order mark', () => {
    const spx = readSpxCloses(fixture('spx-semicolon.csv'));
    expect(spx.dates).toEqual(['2000-01-03', '2000-01-05']);
    expect(spx.skipped).toMatchObject({ count: 1, reasons: { 'blank SPX2.closeprice': 1 } });
  });

  it('refuses a file without the close column or without a DateID header, naming file, line and column', () => {
    const error = expectInputError(() => readSpxCloses(fixture('spx-no-close-column.csv')), [
      'spx-no-close-column.csv',
      'line 2',
      'column 4',
      'SPX2.closeprice',
    ]);
    expect(error.details).toMatchObject({ line: 2, column: 4, columnName: 'SPX2.closeprice' });
    expectInputError(() => readSpxCloses(fixture('spx-no-header.csv')), ['spx-no-header.csv', 'line 1', 'column 1', 'DateID']);
    expectInputError(() => readSpxCloses(fixture('absent.csv')), ['absent.csv', 'ENOENT']);
  });

  it('gives the log returns of the fixture closes', () => {
    // Reference values from Python's math.log on the same ratios; 1e-15 absolute (double rounding).
    const r = dailyLogReturns(readSpxCloses(fixture('spx-small.csv')).closes);
    const expected = [-0.03878353905067085, 0.002113335500210072, 0.025664368375906122];
    expect(r).toHaveLength(3);
    r.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-15));
  });
});

describe('dailyLogReturns', () => {
  it('telescopes: Σ rᵢ = ln(last/first), and exp(Σ) rebuilds every close (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 300 }), (closes) => {
        const r = dailyLogReturns(closes);
        expect(r).toHaveLength(closes.length - 1);
        let cumulative = 0;
        for (let i = 0; i < r.length; i++) {
          cumulative += r[i]!;
          // n·1e-15 relative: one rounding per log and per addition.
          expect(Math.abs(closes[0]! * Math.exp(cumulative) / closes[i + 1]! - 1)).toBeLessThan(1e-15 * (i + 1) * 20);
        }
        expect(Math.abs(cumulative - Math.log(closes.at(-1)! / closes[0]!))).toBeLessThan(1e-15 * closes.length * 20);
      }),
      { numRuns: 100 },
    );
  });

  it('returns an empty array for 0 or 1 close and refuses non-positive or non-finite closes', () => {
    expect(dailyLogReturns([])).toHaveLength(0);
    expect(dailyLogReturns([100])).toHaveLength(0);
    expect(() => dailyLogReturns([100, 0])).toThrow(/closes\[1\] = 0/);
    expect(() => dailyLogReturns([100, Number.NaN])).toThrow(InvalidInputError);
    expect(() => dailyLogReturns(new Float64Array([-1, 100]))).toThrow(/closes\[0\] = -1/);
  });
});

describe('the real Oxford-Man SPX file (facts from data/spx-realized-variance/README.md)', () => {
  const spx = readSpxCloses(FILE);

  it('has 4,380 data rows, 191 blank → 4,189 closes, 2000-01-03 … 2016-10-06', () => {
    expect(spx.closes).toHaveLength(4189);
    expect(spx.skipped.count).toBe(191);
    expect(spx.skipped.reasons).toEqual({ 'blank SPX2.closeprice': 191 });
    expect(spx.dates[0]).toBe('2000-01-03');
    expect(spx.dates.at(-1)).toBe('2016-10-06');
  });

  it('has weekdays only and no close on known US market closures', () => {
    for (const d of spx.dates) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(weekday, d).toBeGreaterThanOrEqual(1);
      expect(weekday, d).toBeLessThanOrEqual(5);
    }
    // NYSE closures: MLK Day 2000, 9/11 (2001-09-11 … 14), Reagan funeral, Ford mourning, Hurricane Sandy.
    const dates = new Set(spx.dates);
    for (const closed of ['2000-01-17', '2001-09-11', '2001-09-14', '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30']) {
      expect(dates.has(closed), closed).toBe(false);
    }
  });

  it('is within 1 % of the official S&P 500 closes on well-known days', () => {
    // Official closes (S&P Dow Jones Indices): 2000-03-24 high 1527.46, 2007-10-09 high 1565.15,
    // 2008-11-20 752.44, 2009-03-09 low 676.53, 2008-10-10 899.22. Tolerance 1 %: SPX2.closeprice is
    // the last intraday price of the Oxford-Man record, not the official closing print (README).
    const official: Record<string, number> = {
      '2000-03-24': 1527.46,
      '2007-10-09': 1565.15,
      '2008-11-20': 752.44,
      '2009-03-09': 676.53,
      '2008-10-10': 899.22,
    };
    for (const [date, close] of Object.entries(official)) {
      const i = spx.dates.indexOf(date);
      expect(i, date).toBeGreaterThanOrEqual(0);
      expect(Math.abs(spx.closes[i]! / close - 1), date).toBeLessThan(0.01);
    }
  });

  it('has daily log returns bounded by the 2008 extremes (|r| < 11 %)', () => {
    // Largest official S&P 500 daily moves in 2000–2016: +11.0 % (2008-10-13), −9.5 % (2008-10-15).
    const r = dailyLogReturns(spx.closes);
    expect(r).toHaveLength(4188);
    expect(Math.max(...r)).toBeLessThan(Math.log(1.12));
    expect(Math.min(...r)).toBeGreaterThan(Math.log(1 - 0.1));
  });
});
