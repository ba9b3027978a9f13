import type { DailyCloses } from './DailyCloses.js';
import { fileInputError } from '../../../src/marketdata/_lib/fileInputError.js';
import { isoDate } from '../../../src/marketdata/_lib/isoDate.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';
import { CloseSeries } from './_lib/CloseSeries.js';

/** The header row is looked for among this many first records. */
const MAX_PREAMBLE = 10;
const DATE_COLUMN = 'DateID';
const CLOSE_COLUMN = 'SPX2.closeprice';

/**
 * Reads S&P 500 daily closes from the Oxford-Man Realized Library extract
 * (`data/spx-realized-variance/OxRealizedVol_SPX.csv`).
 *
 * @remarks
 * Format (see the data set's README): CR-only line endings (LF and CRLF are accepted too),
 * comma-separated (a file whose first line has `;` and no `,` is read as `;`-separated), up to
 * 10 preamble rows, then the header row whose first cell is `DateID`, then one row per weekday
 * with `DateID` as `YYYYMMDD`. The close is the `SPX2.closeprice` column, wherever it stands.
 *
 * Rows are skipped and counted when the number of cells differs from the header's
 * (`"wrong number of columns"`), `DateID` is not a calendar date (`"invalid DateID"`), the close
 * is blank (US holidays and data gaps: `"blank SPX2.closeprice"`), not a number
 * (`"invalid SPX2.closeprice"`) or ≤ 0 (`"non-positive SPX2.closeprice"`), or the date is not
 * after the previous kept row's (`"date not after previous row"`).
 *
 * Caveat: `SPX2.closeprice` is the last price of the Oxford-Man intraday record, not the
 * official S&P closing print; on volatile days they differ (2008-10-10: 904.45 here against the
 * official 899.22).
 *
 * Source: Heber, Lunde, Shephard and Sheppard (2009), "Oxford-Man Institute's realized
 * library", Oxford-Man Institute, University of Oxford; via `ericwbzhang/Vol_prediction`.
 *
 * Checked against: the data README (4,380 data rows, 191 blank → 4,189 closes,
 * 2000-01-03 … 2016-10-06), and fixtures with malformed rows
 * (`test/examples/desk/readSpxCloses.test.ts`).
 *
 * @param path - path or `file:` URL of the CSV file.
 * @returns dates (ISO, increasing), closes in index points, and the `skipped` report.
 * @throws `InvalidInputError` when the file cannot be read, is not well-formed CSV, has no
 *   `DateID` header row in its first 10 rows, or no `SPX2.closeprice` column (the message names
 *   the file, the line and the column).
 *
 * @example
 * ```ts
 * const spx = readSpxCloses('data/spx-realized-variance/OxRealizedVol_SPX.csv');
 * spx.closes.length; //=> 4189
 * ```
 * @see dailyLogReturns
 * @public
 */
export function readSpxCloses(path: string | URL): DailyCloses {
  const table = readCsvRecords(path);
  const { file, records, delimiter } = table;
  const headerIndex = records.slice(0, MAX_PREAMBLE).findIndex((r) => (r.cells[0] ?? '').trim() === DATE_COLUMN);
  if (headerIndex < 0) {
    const first = records[0];
    throw fileInputError(
      file,
      first?.line ?? 1,
      1,
      DATE_COLUMN,
      'header',
      (first?.cells[0] ?? '').trim(),
      `"${DATE_COLUMN}" as the first cell of one of the first ${MAX_PREAMBLE} rows`,
    );
  }
  const header = records[headerIndex]!;
  const names = header.cells.map((c) => c.trim());
  const closeIndex = names.indexOf(CLOSE_COLUMN);
  if (closeIndex < 0) {
    throw fileInputError(
      file,
      header.line,
      names.length + 1,
      CLOSE_COLUMN,
      'header',
      names.join(delimiter),
      `a column named "${CLOSE_COLUMN}"`,
    );
  }

  const series = new CloseSeries();
  for (const { cells, line } of records.slice(headerIndex + 1)) {
    const detail = cells.join(delimiter);
    if (cells.length !== names.length) {
      series.tally.skip('wrong number of columns', line, `${cells.length} cells: ${detail}`);
      continue;
    }
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec((cells[0] ?? '').trim());
    const date = m === null ? undefined : isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date === undefined) {
      series.tally.skip(`invalid ${DATE_COLUMN}`, line, detail);
      continue;
    }
    series.add(date, cells[closeIndex], line, CLOSE_COLUMN, detail);
  }
  return series.result();
}
