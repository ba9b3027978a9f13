/**
 * What a data reader skipped, and why: bad rows are counted, never dropped silently.
 *
 * @remarks
 * `count` is the total number of skipped items (rows, or for the Treasury reader also blank
 * tenor cells of the requested date); `reasons` splits it by reason, so the values of
 * `reasons` sum to `count`; `examples` holds the first few skipped items as
 * `"line <n>: <reason> (<detail>)"`, lines numbered from 1 as in a text editor.
 *
 * Source: quantflow market-data readers (no external method).
 *
 * Checked against: exact counts on fixtures with known bad rows, and the row counts the data
 * READMEs document (`test/examples/desk/`).
 *
 * @public
 */
export interface SkippedRows {
  /** Total number of skipped items; equals the sum of `reasons`' values. */
  readonly count: number;
  /** Number of skipped items per reason, e.g. `{ "blank close": 191 }`. */
  readonly reasons: Readonly<Record<string, number>>;
  /** The first few skipped items (at most 5), e.g. `"line 17: blank close (20000117)"`. */
  readonly examples: readonly string[];
}
