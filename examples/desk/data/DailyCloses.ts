import type { SkippedRows } from '../../../src/marketdata/SkippedRows.js';

/**
 * A daily closing-price series read from a file, oldest first.
 *
 * @remarks
 * Dates are ISO `YYYY-MM-DD` strings (calendar dates of the exchange, no time zone), strictly
 * increasing; `closes[i]` is the close on `dates[i]`. Days the file has no usable close for
 * (holidays, gaps, malformed rows) are absent and counted in `skipped`.
 *
 * Source: quantflow desk data layer (no external method).
 *
 * Checked against: first/last dates and row counts documented in the data READMEs.
 *
 * @public
 */
export interface DailyCloses {
  /** ISO dates `YYYY-MM-DD`, strictly increasing; same length as `closes`. */
  readonly dates: readonly string[];
  /** Closing levels in index points, each finite and > 0. */
  readonly closes: Float64Array;
  /** Rows that were skipped, with reasons. */
  readonly skipped: SkippedRows;
}
