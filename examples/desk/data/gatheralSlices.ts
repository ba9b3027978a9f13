import { InvalidInputError } from '../../../src/errors.js';
import type { GatheralChainRow } from './readGatheralChain.js';

/**
 * One expiry's smile: strikes and mid implied vols, sorted by strike.
 * @public
 */
export interface GatheralSlice {
  /** Expiration date, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
  /** Time to expiry in years (ACT/365.25, as in the file). */
  readonly texp: number;
  /** Forward price of the expiry, index points. */
  readonly forward: number;
  /** Strikes in index points, strictly increasing; length n ≥ 1. */
  readonly strikes: Float64Array;
  /** Mid implied vols (bid + ask)/2, annualised decimals; length n, aligned with `strikes`. */
  readonly midVols: Float64Array;
}

/**
 * Groups Gatheral chain rows into per-expiry smiles of two-sided mid implied vols.
 *
 * @remarks
 * Only rows with both a bid and an ask vol are used; the mid vol is `(bidVol + askVol)/2`
 * (the mid in vol, not the vol of the mid price: they differ in the far wings, where the data
 * README measures up to ~0.7 % between `CallMid` and Black-76 at the mid vol). Slices come out
 * sorted by `texp` (then expiry), strikes sorted ascending. Expiries without a two-sided row are
 * left out.
 *
 * Source: the data set's README (`data/spx-implied-vols-gatheral-20230215/README.md`), which
 * recommends filtering to two-sided rows before fitting.
 *
 * Checked against: 48 slices and 6,749 points in total on the real file (README counts);
 * ordering and grouping invariants under shuffled input (fast-check), in
 * `test/examples/desk/readGatheralChain.test.ts`.
 *
 * @param rows - rows as returned by `readGatheralChain`, in any order.
 * @returns one slice per expiry that has at least one two-sided row.
 * @throws `InvalidInputError` when two used rows of one expiry disagree on `texp` or `forward`,
 *   or repeat a strike (the message names the expiry and both values).
 *
 * @example
 * ```ts
 * const slices = gatheralSlices(readGatheralChain(file).rows);
 * slices.length; //=> 48
 * ```
 * @see readGatheralChain
 * @public
 */
export function gatheralSlices(rows: readonly GatheralChainRow[]): GatheralSlice[] {
  const byExpiry = new Map<string, GatheralChainRow[]>();
  for (const row of rows) {
    if (row.bidVol === undefined || row.askVol === undefined) continue;
    const group = byExpiry.get(row.expiry);
    if (group === undefined) byExpiry.set(row.expiry, [row]);
    else group.push(row);
  }
  const slices: GatheralSlice[] = [];
  for (const [expiry, group] of byExpiry) {
    const first = group[0] as GatheralChainRow;
    for (const row of group) {
      if (row.texp !== first.texp) throw disagreement(expiry, 'texp', first.texp, row.texp);
      if (row.forward !== first.forward) throw disagreement(expiry, 'forward', first.forward, row.forward);
    }
    group.sort((a, b) => a.strike - b.strike);
    const n = group.length;
    const strikes = new Float64Array(n);
    const midVols = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = group[i] as GatheralChainRow;
      if (i > 0 && row.strike === strikes[i - 1]) {
        throw new InvalidInputError(
          `rows[expiry=${expiry}].strike = ${row.strike} is outside the allowed range: strikes distinct within an expiry (repeated)`,
          { argument: 'rows', expiry, value: row.strike, allowed: 'distinct strikes per expiry' },
        );
      }
      strikes[i] = row.strike;
      midVols[i] = 0.5 * ((row.bidVol as number) + (row.askVol as number));
    }
    slices.push(Object.freeze({ expiry, texp: first.texp, forward: first.forward, strikes, midVols }));
  }
  slices.sort((a, b) => a.texp - b.texp || (a.expiry < b.expiry ? -1 : a.expiry > b.expiry ? 1 : 0));
  return slices;
}

function disagreement(expiry: string, field: string, expected: number, got: number): InvalidInputError {
  return new InvalidInputError(
    `rows[expiry=${expiry}].${field} = ${got} is outside the allowed range: one ${field} per expiry (${expected} seen first)`,
    { argument: 'rows', expiry, field, value: got, allowed: expected },
  );
}
