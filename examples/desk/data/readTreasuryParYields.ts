import { InvalidInputError } from '../../../src/errors.js';
import type { SkippedRows } from '../../../src/marketdata/SkippedRows.js';
import { fileInputError } from '../../../src/marketdata/_lib/fileInputError.js';
import { isoDate } from '../../../src/marketdata/_lib/isoDate.js';
import { parseDecimal } from '../../../src/marketdata/_lib/parseDecimal.js';
import type { CsvRecord } from './_lib/readCsvRecords.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';
import { SkipTally } from '../../../src/marketdata/_lib/SkipTally.js';

/**
 * The US Treasury par yield curve of one date.
 * @public
 */
export interface TreasuryParYields {
  /** Quote date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Tenor labels as in the file's header (`"1 Mo"`, …, `"30 Yr"`), only those with a value. */
  readonly tenors: readonly string[];
  /** Constant maturities in years (`n Mo` → n/12, `n Yr` → n), strictly increasing; aligned with `tenors`. */
  readonly years: readonly number[];
  /** Par yields as decimals (4.64 % → 0.0464), bond-equivalent basis; aligned with `tenors`. */
  readonly parYields: readonly number[];
  /** Blank or malformed cells of this date, and unreadable rows met while scanning the file. */
  readonly skipped: SkippedRows;
}

const TENOR = /^(\d+(?:\.\d+)?) (Mo|Yr)$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads one date's par yields from the US Treasury "Daily Treasury Par Yield Curve Rates" CSV
 * (`data/us-treasury-par-yields/yield-curve-rates-1990-2024.csv`).
 *
 * @remarks
 * Header: `Date` followed by tenor columns named `"<n> Mo"` or `"<n> Yr"` in increasing
 * maturity. Values are percent; the result holds decimals. Dates are `M/D/YY`, `M/D/YYYY` or
 * ISO `YYYY-MM-DD`. **Two-digit years pivot at 90**: `90`–`99` → 1990–1999 and `00`–`89` →
 * 2000–2089, which is unambiguous for the Treasury series (it starts on 1990-01-02).
 *
 * Blank cells are tenors the Treasury did not publish that day (1 Mo before 2001-07-31, 2 Mo
 * before 2018-10-16, 4 Mo before 2022-10-19, 20 Yr before 1993-10-01, 30 Yr in 2002–2006):
 * they are left out of the result and counted in `skipped` as `"blank cell"`; a cell that is not
 * a number in (−100, 100) % is counted as `"invalid cell"`. While looking for the date the whole
 * file is scanned, and rows that cannot be read at all (`"row: wrong number of columns"`,
 * `"row: invalid Date"`) are counted too, since one of them could have been the requested date.
 * Exact duplicate rows of the date are counted as `"row: duplicate date"`.
 *
 * Source: U.S. Department of the Treasury, Daily Treasury Par Yield Curve Rates (CSV archive,
 * home.treasury.gov/interest-rates-data-csv-archive), via `ren-jamie11/nelson_siegel`.
 *
 * Checked against: the 2023-02-15 row quoted in the data README (1 Mo 4.64 %, 1 Yr 4.96 %,
 * 10 Yr 3.81 %), the blank-tenor dates it lists, and fixtures with malformed rows
 * (`test/examples/desk/readTreasuryParYields.test.ts`).
 *
 * @param path - path or `file:` URL of the CSV file.
 * @param date - the quote date, ISO `YYYY-MM-DD`; must be a row of the file.
 * @returns the date's tenors, maturities in years and par yields (decimals), and `skipped`.
 * @throws `InvalidInputError` when `date` is not an ISO calendar date; when the file cannot be
 *   read or its header is wrong (naming file, line and column); when the date is not in the
 *   file (the message gives the nearest dates before and after); when two rows of the date
 *   disagree; or when the date has no published yield at all (e.g. 2010-10-11).
 *
 * @example
 * ```ts
 * const par = readTreasuryParYields('data/us-treasury-par-yields/yield-curve-rates-1990-2024.csv', '2023-02-15');
 * par.parYields[par.tenors.indexOf('10 Yr')]; //=> 0.0381
 * ```
 * @see treasuryZeroRates
 * @public
 */
export function readTreasuryParYields(path: string | URL, date: string): TreasuryParYields {
  const wanted = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (wanted === null || isoDate(Number(wanted[1]), Number(wanted[2]), Number(wanted[3])) !== date) {
    throw InvalidInputError.outOfRange('date', date, 'ISO calendar dates YYYY-MM-DD');
  }
  const table = readCsvRecords(path);
  const { file } = table;
  const [header, ...body] = table.records;
  const labels = checkTreasuryHeader(file, header);
  const years = labels.map(tenorYears);
  const tally = new SkipTally();

  let match: CsvRecord | undefined;
  let before: string | undefined;
  let after: string | undefined;
  for (const record of body) {
    const { cells, line } = record;
    if (cells.length !== labels.length + 1) {
      tally.skip('row: wrong number of columns', line, `${cells.length} cells: ${cells.join(',')}`);
      continue;
    }
    const rowDate = parseRowDate(cells[0] ?? '');
    if (rowDate === undefined) {
      tally.skip('row: invalid Date', line, cells.join(','));
      continue;
    }
    if (rowDate === date) {
      if (match === undefined) {
        match = record;
      } else if (match.cells.join(',') === cells.join(',')) {
        tally.skip('row: duplicate date', line, cells.join(','));
      } else {
        throw fileInputError(file, line, 1, 'Date', 'date', date, `one row per date (line ${match.line} has other values)`);
      }
    } else if (rowDate < date) {
      if (before === undefined || rowDate > before) before = rowDate;
    } else if (after === undefined || rowDate < after) {
      after = rowDate;
    }
  }
  if (match === undefined) {
    throw new InvalidInputError(
      `date = ${JSON.stringify(date)} is outside the allowed range: dates present in ${file} ` +
        `(nearest before: ${before ?? 'none'}, nearest after: ${after ?? 'none'})`,
      { argument: 'date', value: date, allowed: 'dates present in the file', file, before, after },
    );
  }

  const tenors: string[] = [];
  const tenorYearsOut: number[] = [];
  const parYields: number[] = [];
  for (let j = 0; j < labels.length; j++) {
    const label = labels[j] as string;
    const value = parseDecimal(match.cells[j + 1]);
    if (value === undefined) {
      tally.skip('blank cell', match.line, `${date} ${label}`);
    } else if (!(Number.isFinite(value) && value > -100 && value < 100)) {
      tally.skip('invalid cell', match.line, `${date} ${label} = ${JSON.stringify(match.cells[j + 1])}`);
    } else {
      tenors.push(label);
      tenorYearsOut.push(years[j] as number);
      parYields.push(percentToDecimal(match.cells[j + 1] as string, value));
    }
  }
  if (tenors.length === 0) {
    throw fileInputError(file, match.line, 2, labels[0] as string, 'date', date, 'dates with at least one published par yield');
  }
  return Object.freeze({
    date,
    tenors: Object.freeze(tenors),
    years: Object.freeze(tenorYearsOut),
    parYields: Object.freeze(parYields),
    skipped: tally.report(),
  });
}

/** Checks `Date, <tenor>, …` and returns the tenor labels. */
function checkTreasuryHeader(file: string, header: CsvRecord | undefined): string[] {
  if (header === undefined) {
    throw fileInputError(file, 1, 1, 'Date', 'header', '', '"Date,1 Mo,…" (the file is empty)');
  }
  const cells = header.cells.map((c) => c.trim());
  if (cells[0] !== 'Date') {
    throw fileInputError(file, header.line, 1, 'Date', 'header', cells[0] ?? '', '"Date"');
  }
  if (cells.length < 2) {
    throw fileInputError(file, header.line, 2, '', 'header', '', 'at least one tenor column ("<n> Mo" or "<n> Yr")');
  }
  let previous = 0;
  for (let j = 1; j < cells.length; j++) {
    const label = cells[j] as string;
    const years = TENOR.test(label) ? tenorYears(label) : Number.NaN;
    if (!(years > previous)) {
      throw fileInputError(
        file,
        header.line,
        j + 1,
        label,
        'header',
        label,
        `a tenor "<n> Mo" or "<n> Yr" longer than the previous column's (${previous} years)`,
      );
    }
    previous = years;
  }
  return cells.slice(1);
}

/**
 * The decimal of a percent cell, correctly rounded: `"4.94"` → 0.0494 (the double nearest to
 * 4.94/100 as a decimal number), where `4.94 / 100` would give 0.049400000000000006.
 */
function percentToDecimal(text: string, value: number): number {
  const t = text.trim();
  return /[eE]/.test(t) ? value / 100 : Number(`${t}e-2`);
}

/** `"3 Mo"` → 0.25, `"10 Yr"` → 10 (nominal constant maturity in years). */
function tenorYears(label: string): number {
  const m = TENOR.exec(label);
  if (m === null) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'Mo' ? n / 12 : n;
}

/** `M/D/YY` (pivot 90), `M/D/YYYY` or `YYYY-MM-DD` → ISO, else undefined. */
function parseRowDate(text: string): string | undefined {
  const t = text.trim();
  const us = US_DATE.exec(t);
  if (us !== null) {
    const yearText = us[3] as string;
    let year = Number(yearText);
    if (yearText.length === 2) year += year >= 90 ? 1900 : 2000;
    return isoDate(year, Number(us[1]), Number(us[2]));
  }
  const iso = ISO_DATE.exec(t);
  return iso === null ? undefined : isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}
