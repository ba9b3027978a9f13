import type { DailyCloses } from './DailyCloses.js';
import { checkHeader } from '../../../src/marketdata/_lib/checkHeader.js';
import { isoDate } from '../../../src/marketdata/_lib/isoDate.js';
import { readCsvRecords } from './_lib/readCsvRecords.js';
import { CloseSeries } from './_lib/CloseSeries.js';

const HEADER = ['DATE', 'OPEN', 'HIGH', 'LOW', 'CLOSE'] as const;

/**
 * Reads daily VIX closes from Cboe's published index history (`data/vix/VIX_History.csv`).
 *
 * @remarks
 * Format (see the data set's README): header `DATE,OPEN,HIGH,LOW,CLOSE`; `DATE` as `MM/DD/YYYY`
 * (one-digit month or day accepted); values in VIX index points; oldest first. Only `CLOSE` is
 * read (for 1990–1991 Cboe publishes only a close, repeated as open, high and low).
 *
 * Rows are skipped and counted when they do not have 5 cells (`"wrong number of columns"`),
 * `DATE` is not a calendar date (`"invalid DATE"`), `CLOSE` is blank, not a number or ≤ 0
 * (`"blank CLOSE"`, `"invalid CLOSE"`, `"non-positive CLOSE"`), or the date is not after the
 * previous kept row's (`"date not after previous row"`).
 *
 * Source: Cboe, VIX index history (cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv),
 * via `bellingxu/timing_spx`.
 *
 * Checked against: the data README (9,152 rows, 1990-01-02 … 2026-03-27, first close 17.24),
 * the record close of 82.69 on 2020-03-16, and fixtures with malformed rows
 * (`test/examples/desk/readVixCloses.test.ts`).
 *
 * @param path - path or `file:` URL of the CSV file.
 * @returns dates (ISO, increasing), closes in VIX points, and the `skipped` report.
 * @throws `InvalidInputError` when the file cannot be read, is not well-formed CSV, or its
 *   header is not `DATE,OPEN,HIGH,LOW,CLOSE` (the message names the file, the line and the column).
 *
 * @example
 * ```ts
 * const vix = readVixCloses('data/vix/VIX_History.csv');
 * vix.closes[0]; //=> 17.24
 * ```
 * @see dailyChanges
 * @public
 */
export function readVixCloses(path: string | URL): DailyCloses {
  const table = readCsvRecords(path);
  const [header, ...body] = table.records;
  checkHeader(table.file, header, HEADER);
  const series = new CloseSeries();
  for (const { cells, line } of body) {
    const detail = cells.join(table.delimiter);
    if (cells.length !== HEADER.length) {
      series.tally.skip('wrong number of columns', line, `${cells.length} cells: ${detail}`);
      continue;
    }
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((cells[0] ?? '').trim());
    const date = m === null ? undefined : isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
    if (date === undefined) {
      series.tally.skip('invalid DATE', line, detail);
      continue;
    }
    series.add(date, cells[4], line, 'CLOSE', detail);
  }
  return series.result();
}
