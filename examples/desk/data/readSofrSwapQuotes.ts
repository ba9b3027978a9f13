import { InvalidInputError } from '../../../src/errors.js';
import { fileInputError } from '../../../src/marketdata/_lib/fileInputError.js';
import { parseDecimal } from '../../../src/marketdata/_lib/parseDecimal.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';

/**
 * SOFR OIS par swap rates of one date.
 * @public
 */
export interface SofrSwapQuotes {
  /** Quote date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Bloomberg tickers kept (`"USOSFR1F Curncy"` …), in increasing tenor. */
  readonly tickers: readonly string[];
  /** Swap tenors in months (3, 6, 9, 12, 15 … 120), strictly increasing; aligned with `tickers`. */
  readonly months: readonly number[];
  /** Par fixed rates as decimals (4.3028 % → 0.043028), annual fixed vs compounded SOFR; aligned. */
  readonly rates: readonly number[];
  /** Tickers dropped because their `maturity` row disagrees with the ticker's tenor (the repeated 10-year columns). */
  readonly dropped: readonly string[];
}

const TICKER = /^USOSFR(\d*)([CFI]?) Curncy$/;
const EXTRA_MONTHS: Readonly<Record<string, number>> = { '': 0, C: 3, F: 6, I: 9 };
/** A ticker's tenor and its `maturity` row (years) must agree this closely, years. */
const MATURITY_TOLERANCE = 0.05;

/**
 * Reads the SOFR OIS swap-rate sheet of the Hendricks/Bloomberg data set
 * (`cap_quotes_<date>.sofr.csv`) and returns the quotes of one date.
 *
 * @remarks
 * Layout: a header row of tickers `USOSFR<years><suffix> Curncy` (suffix C/F/I = +3/+6/+9
 * months; `USOSFRC` = 3 months), a `maturity` row (years) and one row per date (percent). A
 * column is kept only when its `maturity` is within 0.05 years of its ticker's tenor: this drops
 * the `10C`, `10F` and `10I` columns, which the data set's README says repeat the 10-year rate.
 * Blank cells of the date are dropped.
 * Source: data set README (`data/usd-sofr-caps-swaptions/README.md`, sheet `sofr`).
 * Checked against: `test/examples/desk/sofrCurve.test.ts` (2025-01-31: 21 tenors, 3M … 10Y).
 *
 * @param path - the CSV file.
 * @param date - ISO `YYYY-MM-DD`, a date present in the file.
 * @returns the quotes, see {@link SofrSwapQuotes}.
 * @throws InvalidInputError naming the file, line and column for a malformed header, maturity or
 *   rate, or when the date is not in the file.
 * @public
 */
export function readSofrSwapQuotes(path: string | URL, date: string): SofrSwapQuotes {
  const { file, records } = readCsvRecords(path);
  const [header, maturityRow, ...rows] = records;
  if (header === undefined || maturityRow === undefined || maturityRow.cells[0] !== 'maturity') {
    throw fileInputError(file, maturityRow?.line ?? 1, 1, 'date', 'second row', maturityRow?.cells[0], '"maturity" (a ticker row, then a maturity row)');
  }
  const row = rows.find((r) => r.cells[0] === date);
  if (row === undefined) throw InvalidInputError.outOfRange('date', date, `dates present in ${file} (${rows[0]?.cells[0]} … ${rows[rows.length - 1]?.cells[0]})`);
  const kept: { ticker: string; months: number; rate: number }[] = [];
  const dropped: string[] = [];
  header.cells.slice(1).forEach((ticker, k) => {
    const column = k + 2;
    const m = TICKER.exec(ticker);
    if (m === null) throw fileInputError(file, header.line, column, ticker, 'ticker', ticker, '"USOSFR<years><C|F|I> Curncy"');
    const months = 12 * Number(m[1] === '' ? 0 : m[1]) + (EXTRA_MONTHS[m[2] ?? ''] as number);
    const maturity = parseDecimal(maturityRow.cells[k + 1]);
    if (maturity === undefined || !Number.isFinite(maturity)) throw fileInputError(file, maturityRow.line, column, ticker, 'maturity', maturityRow.cells[k + 1], 'a number of years');
    if (Math.abs(maturity - months / 12) > MATURITY_TOLERANCE) {
      dropped.push(ticker);
      return;
    }
    const percent = parseDecimal(row.cells[k + 1]);
    if (percent === undefined) return;
    if (!Number.isFinite(percent)) throw fileInputError(file, row.line, column, ticker, 'rate', row.cells[k + 1], 'a percentage');
    kept.push({ ticker, months, rate: percent / 100 });
  });
  kept.sort((a, b) => a.months - b.months);
  kept.forEach((q, i) => {
    if (i > 0 && q.months === kept[i - 1]?.months) throw InvalidInputError.outOfRange('tenor', `${q.months}M`, `one column per tenor (${q.ticker} repeats ${kept[i - 1]?.ticker})`);
  });
  return Object.freeze({
    date, tickers: kept.map((q) => q.ticker), months: kept.map((q) => q.months), rates: kept.map((q) => q.rate), dropped,
  });
}
