// Internal: accumulates skipped rows into a SkippedRows report.
import type { SkippedRows } from '../SkippedRows.js';
import { fileInputError } from './fileInputError.js';

/** How many skipped items are quoted in `examples`. */
const MAX_EXAMPLES = 5;

/**
 * Counts skipped items per reason and keeps the first few as examples.
 * @internal
 */
export class SkipTally {
  /**
   * @param strict - when given, {@link SkipTally.skipCell} throws instead of counting: the file's
   *   name and its header (column names, for the message).
   */
  constructor(private readonly strict?: { readonly file: string; readonly header: readonly string[] }) {}

  private count = 0;
  private readonly reasons: Record<string, number> = {};
  private readonly examples: string[] = [];

  /**
   * Records one skipped item.
   * @param reason - short, stable reason, used as the key of `reasons`.
   * @param line - 1-based line number in the file.
   * @param detail - the offending text, quoted in the example.
   */
  skip(reason: string, line: number, detail?: string): void {
    this.count += 1;
    this.reasons[reason] = (this.reasons[reason] ?? 0) + 1;
    if (this.examples.length < MAX_EXAMPLES) {
      this.examples.push(detail === undefined ? `line ${line}: ${reason}` : `line ${line}: ${reason} (${detail})`);
    }
  }

  /**
   * Records one bad row, blaming one cell; in strict mode throws an `InvalidInputError` naming
   * the file, the line, the column (1-based, with its name) and the cell's text instead.
   * @param reason - short, stable reason.
   * @param line - 1-based line number.
   * @param column - 0-based index of the offending cell.
   * @param cells - the row's cells.
   * @param detail - the row's text, quoted in the example.
   */
  skipCell(reason: string, line: number, column: number, cells: readonly string[], detail: string): void {
    if (this.strict !== undefined) {
      const name = this.strict.header[column] || (column < this.strict.header.length ? '(unnamed)' : '(extra)');
      throw fileInputError(this.strict.file, line, column + 1, name, 'cell', cells[column] ?? '', `a valid row (${reason})`);
    }
    this.skip(reason, line, detail);
  }

  /**
   * Records one skipped item known by a label rather than a line (e.g. `"2023-09-14 SPXW K=4500"`).
   * @param reason - short, stable reason.
   * @param label - what was skipped, quoted in the example.
   */
  skipItem(reason: string, label: string): void {
    this.count += 1;
    this.reasons[reason] = (this.reasons[reason] ?? 0) + 1;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(`${label}: ${reason}`);
  }

  /** Adds an earlier report (a parser's) to this tally. */
  add(report: SkippedRows): void {
    this.count += report.count;
    for (const [reason, n] of Object.entries(report.reasons)) this.reasons[reason] = (this.reasons[reason] ?? 0) + n;
    for (const e of report.examples) if (this.examples.length < MAX_EXAMPLES) this.examples.push(e);
  }

  /** A frozen snapshot of what has been skipped so far. */
  report(): SkippedRows {
    return Object.freeze({
      count: this.count,
      reasons: Object.freeze({ ...this.reasons }),
      examples: Object.freeze([...this.examples]),
    });
  }
}
