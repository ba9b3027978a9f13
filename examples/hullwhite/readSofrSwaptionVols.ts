import { InvalidInputError } from '../../src/errors.js';
import { fileInputError } from '../../src/marketdata/_lib/fileInputError.js';
import { parseDecimal } from '../../src/marketdata/_lib/parseDecimal.js';
import { readCsvRecords } from '../desk/data/_lib/readCsvRecords.js';

/**
 * An ATM normal swaption vol matrix of one date.
 * @public
 */
export interface SofrSwaptionVols {
  /** Quote date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Option expiries, years (1 … 5), ascending. */
  readonly expiries: readonly number[];
  /** Swap tenors, years (1 … 5), ascending. */
  readonly tenors: readonly number[];
  /** vols[e][t]: ATM normal vol, absolute decimal (105 bp → 0.0105). */
  readonly vols: readonly (readonly number[])[];
}

const TICKER = /^USSNA(\d)(\d) SMKO Curncy$/;

/**
 * Reads `swaption_ivols_<date>.normal_vol_ATM.csv` of the Hendricks/Bloomberg data set: tickers
 * `USSNA<e><t> SMKO Curncy` (e = expiry, t = tenor, years), two header rows, then one row per date
 * of vols in basis points.
 * @remarks
 * The ticker's first digit is the expiry and the second the tenor: the companion `.info.csv`
 * gives `security_tenor_one` (expiry) and `security_tenor_two` = `mty_years` (tenor), and the
 * swap maturity date = quote date + expiry + tenor (e.g. USSNA51 matures 2031-02-13).
 * Source: data set README (`data/usd-sofr-caps-swaptions/README.md`).
 * Checked against: `test/examples/hullwhite/sofrSwaptionCalibration.test.ts` (1y1y 105.0 bp and
 * 5y5y 98.8 bp on 2025-01-31, as the README says).
 * @param path - the CSV file.
 * @param date - ISO date present in the file.
 * @throws InvalidInputError for a malformed ticker or value, or a date not in the file.
 * @public
 */
export function readSofrSwaptionVols(path: string | URL, date: string): SofrSwaptionVols {
  const { file, records } = readCsvRecords(path);
  const [header, , , ...rows] = records;
  if (header === undefined) throw InvalidInputError.outOfRange('path', file, 'a CSV file with a ticker header');
  const row = rows.find((r) => r.cells[0] === date);
  if (row === undefined) throw InvalidInputError.outOfRange('date', date, `dates present in ${file}`);
  const cells: { e: number; t: number; vol: number }[] = [];
  header.cells.slice(1).forEach((ticker, k) => {
    const m = TICKER.exec(ticker);
    if (m === null) throw fileInputError(file, header.line, k + 2, ticker, 'ticker', ticker, '"USSNA<e><t> SMKO Curncy"');
    const bp = parseDecimal(row.cells[k + 1]);
    if (bp === undefined || !(bp > 0)) throw fileInputError(file, row.line, k + 2, ticker, 'vol', row.cells[k + 1], 'a positive number of bp');
    cells.push({ e: Number(m[1]), t: Number(m[2]), vol: bp / 1e4 });
  });
  const expiries = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  const tenors = [...new Set(cells.map((c) => c.t))].sort((a, b) => a - b);
  const vols = expiries.map((e) => tenors.map((t) => cells.find((c) => c.e === e && c.t === t)?.vol ?? Number.NaN));
  return Object.freeze({ date, expiries, tenors, vols });
}
