// @test readVixCloses, dailyChanges
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { dailyChanges } from '../../../examples/desk/data/dailyChanges.js';
import { readVixCloses } from '../../../examples/desk/data/readVixCloses.js';
import { expectInputError } from './_lib/expectInputError.js';

const root = new URL('../../..', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const FILE = fileURLToPath(new URL('data/vix/VIX_History.csv', root));

describe('readVixCloses on fixtures', () => {
  it('reads a CRLF file, MM/DD/YYYY dates, counting every bad row exactly', () => {
    const vix = readVixCloses(fixture('vix-small.csv'));
    expect(vix.dates).toEqual(['1990-01-02', '1990-01-03', '1990-01-04', '1990-01-08']);
    expect(Array.from(vix.closes)).toEqual([17.24, 18.19, 19.22, 20.26]);
    expect(vix.skipped.count).toBe(7);
    expect(vix.skipped.reasons).toEqual({
      'blank CLOSE': 1,
      'invalid DATE': 2,
      'date not after previous row': 1,
      'wrong number of columns': 1,
      'non-positive CLOSE': 1,
      'invalid CLOSE': 1,
    });
    expect(vix.skipped.examples.map((e) => e.split(':')[0])).toEqual(['line 5', 'line 6', 'line 7', 'line 9', 'line 10']);
  });

  it('gives the daily changes in VIX points', () => {
    // 18.19 − 17.24, 19.22 − 18.19, 20.26 − 19.22; 1e-13: decimal inputs are not exact in binary.
    const d = dailyChanges(readVixCloses(fixture('vix-small.csv')).closes);
    [0.95, 1.03, 1.04].forEach((x, i) => expect(Math.abs(d[i]! - x)).toBeLessThan(1e-13));
  });

  it('refuses a wrong header, naming the file, the line and the column', () => {
    const error = expectInputError(() => readVixCloses(fixture('vix-bad-header.csv')), [
      'vix-bad-header.csv',
      'line 1',
      'column 1',
      'DATE',
      '"Date"',
    ]);
    expect(error.details).toMatchObject({ file: fixture('vix-bad-header.csv'), line: 1, column: 1 });
    expectInputError(() => readVixCloses(fixture('missing-vix.csv')), ['missing-vix.csv', 'ENOENT']);
  });
});

describe('readVixCloses on generated files (property)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quantflow-vix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every good row and counts every injected bad row', () => {
    const bad = fc.constantFrom(
      ['13/01/2000,1,1,1,1', 'invalid DATE'],
      ['01/05/2000,1,1,1,', 'blank CLOSE'],
      ['01/05/2000,1,1,1,x', 'invalid CLOSE'],
      ['01/05/2000,1,1,1,-2', 'non-positive CLOSE'],
      ['01/05/2000,1,1', 'wrong number of columns'],
    );
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 9000 }), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), bad), { maxLength: 10 }),
        (closesInCents, injections) => {
          const good = closesInCents.map((c, i) => {
            const day = new Date(Date.UTC(2001, 0, 1 + i));
            const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
            const dd = String(day.getUTCDate()).padStart(2, '0');
            return `${mm}/${dd}/${day.getUTCFullYear()},0,0,0,${(c / 100).toFixed(2)}`;
          });
          const lines = [...good];
          for (const [at, [text]] of injections) lines.splice(at % (lines.length + 1), 0, text);
          const file = join(dir, `vix-${run++}.csv`);
          writeFileSync(file, ['DATE,OPEN,HIGH,LOW,CLOSE', ...lines].join('\n'));
          const vix = readVixCloses(file);
          expect(Array.from(vix.closes)).toEqual(closesInCents.map((c) => Number((c / 100).toFixed(2))));
          expect(vix.skipped.count).toBe(injections.length);
          const expectedReasons: Record<string, number> = {};
          for (const [, [, reason]] of injections) expectedReasons[reason] = (expectedReasons[reason] ?? 0) + 1;
          expect(vix.skipped.reasons).toEqual(expectedReasons);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('dailyChanges', () => {
  it('telescopes: Σ dᵢ = last − first (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 300 }), (levels) => {
        const d = dailyChanges(levels);
        expect(d).toHaveLength(levels.length - 1);
        const sum = d.reduce((a, b) => a + b, 0);
        // n rounding errors of at most 2^-52·2e3 each.
        expect(Math.abs(sum - (levels.at(-1)! - levels[0]!))).toBeLessThanOrEqual(levels.length * 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses non-finite levels', () => {
    expect(dailyChanges([])).toHaveLength(0);
    expect(() => dailyChanges([1, Number.POSITIVE_INFINITY])).toThrow(/levels\[1\] = Infinity/);
    expect(() => dailyChanges([Number.NaN])).toThrow(InvalidInputError);
  });
});

describe('the real VIX file (facts from data/vix/README.md and Cboe)', () => {
  const vix = readVixCloses(FILE);

  it('has 9,152 closes, none skipped, 1990-01-02 … 2026-03-27, starting 17.24, 18.19', () => {
    expect(vix.closes).toHaveLength(9152);
    expect(vix.skipped.count).toBe(0);
    expect(vix.dates[0]).toBe('1990-01-02');
    expect(vix.dates.at(-1)).toBe('2026-03-27');
    expect(vix.closes[0]).toBe(17.24);
    expect(vix.closes[1]).toBe(18.19);
  });

  it('has its record close 82.69 on 2020-03-16, and 80.86 on 2008-11-20', () => {
    // Cboe's published VIX records: highest close 82.69 (2020-03-16); 2008 high close 80.86 (2008-11-20).
    let max = 0;
    let at = -1;
    vix.closes.forEach((c, i) => {
      if (c > max) [max, at] = [c, i];
    });
    expect(max).toBe(82.69);
    expect(vix.dates[at]).toBe('2020-03-16');
    expect(vix.closes[vix.dates.indexOf('2008-11-20')]).toBe(80.86);
  });

  it('has daily changes that telescope to last − first', () => {
    const d = dailyChanges(vix.closes);
    const sum = d.reduce((a, b) => a + b, 0);
    // 9,151 roundings of numbers below 100: 1e-9.
    expect(Math.abs(sum - (vix.closes.at(-1)! - vix.closes[0]!))).toBeLessThan(1e-9);
  });
});
