import { fileInputError } from '../../../src/marketdata/_lib/fileInputError.js';
import { checkHeader } from '../../../src/marketdata/_lib/checkHeader.js';
import { parseDecimal } from '../../../src/marketdata/_lib/parseDecimal.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';

/**
 * The data set's own SOFR curve on its quarterly grid.
 * @public
 */
export interface SofrReferenceCurve {
  /** Tenors in years, 0.25 … 10 (the data set's time axis). */
  readonly years: readonly number[];
  /** Par swap rates, decimals, quarterly compounding (as the data set converted them). */
  readonly swapRates: readonly number[];
  /** Zero ("spot") rates, decimals, quarterly compounding. */
  readonly spotRates: readonly number[];
  /** Discount factors. */
  readonly discounts: readonly number[];
}

const COLUMNS = ['tenor', 'swap rates', 'spot rates', 'discounts', 'forwards', 'flat vols', 'fwd vols'];

/**
 * Reads `cap_curves_<date>.csv` of the Hendricks/Bloomberg data set: the curve the course
 * bootstrapped from the SOFR swap quotes (quarterly grid, quarterly compounding).
 *
 * @remarks
 * The data set's README says how it was built: swap quotes converted to quarterly compounding,
 * linearly interpolated to the quarterly grid and bootstrapped on year fractions (no calendar,
 * no settlement lag). Only the tenor, swap, spot and discount columns are read.
 * Source: data set README (`data/usd-sofr-caps-swaptions/README.md`, `cap_curves_<date>`).
 * Checked against: `test/examples/desk/sofrCurve.test.ts` (40 rows; 10Y discount 0.6696).
 *
 * @param path - the CSV file.
 * @returns the curve, see {@link SofrReferenceCurve}.
 * @throws InvalidInputError naming the file, line and column for a bad header or cell.
 * @public
 */
export function readSofrReferenceCurve(path: string | URL): SofrReferenceCurve {
  const { file, records } = readCsvRecords(path);
  const [header, ...rows] = records;
  checkHeader(file, header, COLUMNS);
  const columns: number[][] = [[], [], [], []];
  for (const { cells, line } of rows) {
    for (let j = 0; j < 4; j++) {
      const v = parseDecimal(cells[j]);
      if (v === undefined || !Number.isFinite(v)) throw fileInputError(file, line, j + 1, COLUMNS[j] as string, COLUMNS[j] as string, cells[j], 'a number');
      (columns[j] as number[]).push(v);
    }
  }
  const [years, swapRates, spotRates, discounts] = columns as [number[], number[], number[], number[]];
  return Object.freeze({ years, swapRates, spotRates, discounts });
}
