// Internal: accumulates skipped rows into a SkippedRows report.
import type { SkippedRows } from '../SkippedRows.js';

/** How many skipped items are quoted in `examples`. */
const MAX_EXAMPLES = 5;

/**
 * Counts skipped items per reason and keeps the first few as examples.
 * @internal
 */
export class SkipTally {
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
