// @test readTreasuryParYields
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTreasuryParYields } from '../../../examples/desk/data/readTreasuryParYields.js';
import { expectInputError } from './_lib/expectInputError.js';

const root = new URL('../../..', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const FILE = fileURLToPath(new URL('data/us-treasury-par-yields/yield-curve-rates-1990-2024.csv', root));

describe('readTreasuryParYields on fixtures', () => {
  const small = fixture('treasury-small.csv');

  it('reads one date, percent → decimals, counting unreadable rows and duplicates', () => {
    const par = readTreasuryParYields(small, '2023-02-15');
    expect(par.date).toBe('2023-02-15');
    expect(par.tenors).toEqual(['1 Mo', '2 Mo', '3 Mo', '6 Mo', '1 Yr', '2 Yr', '10 Yr', '30 Yr']);
    expect(par.years).toEqual([1 / 12, 2 / 12, 3 / 12, 6 / 12, 1, 2, 10, 30]);
    // Exact: each decimal is the double nearest to the percent figure / 100.
    expect(par.parYields).toEqual([0.0464, 0.0479, 0.0479, 0.0497, 0.0496, 0.0462, 0.0381, 0.0385]);
    expect(par.skipped.count).toBe(3);
    expect(par.skipped.reasons).toEqual({
      'row: invalid Date': 1,
      'row: wrong number of columns': 1,
      'row: duplicate date': 1,
    });
    expect(par.skipped.examples.map((e) => e.split(':')[0])).toEqual(['line 5', 'line 6', 'line 9']);
  });

  it('skips blank and malformed cells of the date and counts them', () => {
    const par = readTreasuryParYields(small, '2023-02-14');
    expect(par.tenors).toEqual(['1 Mo', '3 Mo', '1 Yr', '2 Yr', '10 Yr', '30 Yr']);
    expect(par.parYields).toEqual([0.046, 0.048, 0.049, 0.046, 0.037, 0.038]);
    expect(par.skipped.count).toBe(4);
    expect(par.skipped.reasons).toEqual({
      'blank cell': 1,
      'invalid cell': 1,
      'row: invalid Date': 1,
      'row: wrong number of columns': 1,
    });
    expect(par.skipped.examples).toContain('line 4: blank cell (2023-02-14 2 Mo)');
  });

  it('pivots two-digit years at 90: 90 → 1990, 00 → 2000, 24 → 2024', () => {
    const y1990 = readTreasuryParYields(small, '1990-01-02');
    expect(y1990.tenors[0]).toBe('3 Mo');
    expect(y1990.parYields[0]).toBe(0.0783);
    expect(y1990.skipped.reasons['blank cell']).toBe(2);
    expect(readTreasuryParYields(small, '2000-01-03').parYields[0]).toBe(0.0548);
    expect(readTreasuryParYields(small, '2024-12-31').parYields[0]).toBe(0.044);
  });

  it('refuses a date that is not in the file, naming the nearest dates', () => {
    expectInputError(() => readTreasuryParYields(small, '2023-02-16'), ['2023-02-16', 'treasury-small.csv', '2023-02-15', '2024-12-31']);
  });

  it('refuses a date with no published yield (the all-blank 2010-10-11 row)', () => {
    expectInputError(() => readTreasuryParYields(small, '2010-10-11'), ['treasury-small.csv', 'line 7', '2010-10-11']);
  });

  it('refuses a malformed date argument', () => {
    expectInputError(() => readTreasuryParYields(small, '2023-02-30'), ['date', '"2023-02-30"', 'YYYY-MM-DD']);
    expectInputError(() => readTreasuryParYields(small, '2/15/23'), ['date', '"2/15/23"']);
  });

  it('refuses two rows of one date with different values', () => {
    expectInputError(() => readTreasuryParYields(fixture('treasury-conflict.csv'), '2023-02-15'), [
      'treasury-conflict.csv',
      'line 3',
      'column 1',
      'line 2',
    ]);
  });

  it('refuses a wrong header, naming the file, the line and the column', () => {
    const error = expectInputError(() => readTreasuryParYields(fixture('treasury-bad-header.csv'), '2023-02-15'), [
      'treasury-bad-header.csv',
      'line 1',
      'column 4',
      '"Three Mo"',
    ]);
    expect(error.details).toMatchObject({ line: 1, column: 4 });
    expectInputError(() => readTreasuryParYields(fixture('treasury-unordered-header.csv'), '2023-02-15'), [
      'treasury-unordered-header.csv',
      'line 1',
      'column 4',
      '6 Mo',
    ]);
    expectInputError(() => readTreasuryParYields(fixture('empty.csv'), '2023-02-15'), ['empty.csv', 'line 1', 'column 1']);
    expectInputError(() => readTreasuryParYields(fixture('missing.csv'), '2023-02-15'), ['missing.csv', 'ENOENT']);
  });
});

describe('the real Treasury file (facts from data/us-treasury-par-yields/README.md)', () => {
  it('2023-02-15: all 13 tenors, 1 Mo 4.64 %, 1 Yr 4.96 %, 10 Yr 3.81 %', () => {
    const par = readTreasuryParYields(FILE, '2023-02-15');
    expect(par.skipped).toEqual({ count: 0, reasons: {}, examples: [] });
    expect(par.tenors).toEqual(['1 Mo', '2 Mo', '3 Mo', '4 Mo', '6 Mo', '1 Yr', '2 Yr', '3 Yr', '5 Yr', '7 Yr', '10 Yr', '20 Yr', '30 Yr']);
    // README row: 2/15/23,4.64,4.79,4.79,4.94,4.97,4.96,4.62,4.35,4.04,3.94,3.81,3.97,3.85 (exact decimals).
    expect(par.parYields).toEqual([0.0464, 0.0479, 0.0479, 0.0494, 0.0497, 0.0496, 0.0462, 0.0435, 0.0404, 0.0394, 0.0381, 0.0397, 0.0385]);
  });

  it('2023-09-14 and 2023-02-07 match the README rows', () => {
    expect(readTreasuryParYields(FILE, '2023-09-14').parYields).toEqual([
      0.0552, 0.0557, 0.0555, 0.0559, 0.055, 0.0542, 0.05, 0.0468, 0.0442, 0.0438, 0.0429, 0.0457, 0.0439,
    ]);
    expect(readTreasuryParYields(FILE, '2023-02-07').parYields).toEqual([
      0.0462, 0.0468, 0.0471, 0.048, 0.0489, 0.0488, 0.0447, 0.0411, 0.0385, 0.0378, 0.0367, 0.0387, 0.0372,
    ]);
  });

  it('leaves out the tenors the README says were not published', () => {
    // 1990-01-02: no 1 Mo (before 2001-07-31), 2 Mo (before 2018-10-16), 4 Mo (before 2022-10-19), 20 Yr (before 1993-10-01).
    const y1990 = readTreasuryParYields(FILE, '1990-01-02');
    expect(y1990.tenors).toEqual(['3 Mo', '6 Mo', '1 Yr', '2 Yr', '3 Yr', '5 Yr', '7 Yr', '10 Yr', '30 Yr']);
    expect(y1990.skipped).toMatchObject({ count: 4, reasons: { 'blank cell': 4 } });
    // 2004-06-01: 30 Yr not issued 2002-02-19 … 2006-02-08; 1 Mo and 20 Yr published.
    const y2004 = readTreasuryParYields(FILE, '2004-06-01');
    expect(y2004.tenors).not.toContain('30 Yr');
    expect(y2004.tenors).toContain('1 Mo');
    expect(y2004.tenors).toContain('20 Yr');
    // 2008-12-24: a genuine zero 1 Mo yield, blank 2 Mo (not yet), 3 Mo (README) and 4 Mo.
    const y2008 = readTreasuryParYields(FILE, '2008-12-24');
    expect(y2008.parYields[0]).toBe(0);
    expect(y2008.tenors.slice(0, 2)).toEqual(['1 Mo', '6 Mo']);
    expect(y2008.skipped.count).toBe(3);
    // 2010-10-11 (Columbus Day) is an all-blank row.
    expectInputError(() => readTreasuryParYields(FILE, '2010-10-11'), ['yield-curve-rates-1990-2024.csv', '2010-10-11']);
  });

  it('covers 1990-01-02 … 2024-12-31 and nothing outside', () => {
    expect(readTreasuryParYields(FILE, '2024-12-31').parYields[0]).toBe(0.044);
    expectInputError(() => readTreasuryParYields(FILE, '1989-12-29'), ['nearest before: none', 'nearest after: 1990-01-02']);
    expectInputError(() => readTreasuryParYields(FILE, '2025-01-02'), ['nearest before: 2024-12-31', 'nearest after: none']);
  });
});
