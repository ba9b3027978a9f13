// Internal: collects a daily close series row by row, skipping bad rows with a reason.
import type { DailyCloses } from '../DailyCloses.js';
import { parseDecimal } from '../../../../src/marketdata/_lib/parseDecimal.js';
import { SkipTally } from '../../../../src/marketdata/_lib/SkipTally.js';

/**
 * Accumulates `(date, close)` rows in file order; rows with a blank, malformed or
 * non-positive close, or a date not after the last accepted one, are skipped and counted.
 * @internal
 */
export class CloseSeries {
  readonly tally = new SkipTally();
  private readonly dates: string[] = [];
  private readonly closes: number[] = [];

  /**
   * Offers one row.
   * @param date - ISO date of the row (already validated).
   * @param closeText - the close cell as written.
   * @param line - 1-based line number, for the report.
   * @param column - the close column's name, used in reasons (`"blank CLOSE"`).
   * @param detail - the row's text, quoted in examples.
   */
  add(date: string, closeText: string | undefined, line: number, column: string, detail: string): void {
    const close = parseDecimal(closeText);
    if (close === undefined) {
      this.tally.skip(`blank ${column}`, line, detail);
    } else if (!Number.isFinite(close)) {
      this.tally.skip(`invalid ${column}`, line, detail);
    } else if (!(close > 0)) {
      this.tally.skip(`non-positive ${column}`, line, detail);
    } else if (this.dates.length > 0 && !(date > (this.dates[this.dates.length - 1] as string))) {
      this.tally.skip('date not after previous row', line, detail);
    } else {
      this.dates.push(date);
      this.closes.push(close);
    }
  }

  /** The series read so far. */
  result(): DailyCloses {
    return Object.freeze({
      dates: Object.freeze([...this.dates]),
      closes: Float64Array.from(this.closes),
      skipped: this.tally.report(),
    });
  }
}
