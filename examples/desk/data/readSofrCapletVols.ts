import { checkHeader } from '../../../src/marketdata/_lib/checkHeader.js';
import { fileInputError } from '../../../src/marketdata/_lib/fileInputError.js';
import { parseDecimal } from '../../../src/marketdata/_lib/parseDecimal.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';

/**
 * Stripped Black caplet vols of the data set on its quarterly grid.
 * @public
 */
export interface SofrCapletVols {
  /** End of each caplet's quarter, years (the data set's `tenor`), ascending. */
  readonly accrualEnds: readonly number[];
  /** Black vol of the caplet on the quarter ending there, decimal. */
  readonly vols: readonly number[];
}

const COLUMNS = ['tenor', 'swap rates', 'spot rates', 'discounts', 'forwards', 'flat vols', 'fwd vols'];

/**
 * Reads the `fwd vols` column of `cap_curves_<date>.csv` (Hendricks/Bloomberg data set): the
 * Black caplet vol of the 3-month forward ending at `tenor`; rows with a blank vol (the first
 * quarter) are skipped.
 * @remarks
 * The data set's README: ATM cap normal vols converted to Black by σ_B = σ_N/f, cubic-spline
 * interpolated, stripped; vols below 1 year are an ad-hoc extrapolation.
 * Source: data set README (`data/usd-sofr-caps-swaptions/README.md`, `cap_curves_<date>`).
 * Checked against: `test/examples/desk/lmmOnDesk.test.ts` (39 vols, the 1Y quarter's 0.1546).
 * @param path - the CSV file.
 * @throws InvalidInputError naming the file, line and column for a bad header or cell.
 * @public
 */
export function readSofrCapletVols(path: string | URL): SofrCapletVols {
  const { file, records } = readCsvRecords(path);
  const [header, ...rows] = records;
  checkHeader(file, header, COLUMNS);
  const accrualEnds: number[] = [];
  const vols: number[] = [];
  for (const { cells, line } of rows) {
    if ((cells[6] ?? '').trim() === '') continue;
    const t = parseDecimal(cells[0]);
    const v = parseDecimal(cells[6]);
    if (t === undefined || !(t > 0)) throw fileInputError(file, line, 1, 'tenor', 'tenor', cells[0], 'a positive number of years');
    if (v === undefined || !(v > 0)) throw fileInputError(file, line, 7, 'fwd vols', 'fwd vols', cells[6], 'a positive vol');
    accrualEnds.push(t);
    vols.push(v);
  }
  return Object.freeze({ accrualEnds, vols });
}
