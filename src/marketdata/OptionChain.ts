import type { OptionChainSlice } from './OptionChainSlice.js';
import type { SkippedRows } from './SkippedRows.js';

/**
 * An option chain turned into implied vols: one slice per expiry (and root), and what was dropped.
 *
 * @remarks
 * Built by {@link gatheralOptionChain} and {@link cboeOptionChain} from a file's text. Expired
 * rows, one-sided quotes and quotes whose price cannot be inverted are dropped and counted in
 * `skipped` (with the parser's malformed rows), never dropped silently.
 * @public
 */
export interface OptionChain {
  /** Underlying name as written (Cboe), else undefined. */
  readonly underlying?: string;
  /** Spot (Cboe's `Last`), else undefined. */
  readonly spot?: number;
  /** Quote date, ISO `YYYY-MM-DD`, when known. */
  readonly quoteDate?: string;
  /** Slices sorted by time to expiry, then root. */
  readonly slices: readonly OptionChainSlice[];
  /** Rows and quotes dropped, by reason. */
  readonly skipped: SkippedRows;
}
