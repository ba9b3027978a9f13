import { InvalidInputError } from '../errors.js';
import type { OptionChain } from './OptionChain.js';
import { parseGatheralChain, type GatheralChainRow } from './parseGatheralChain.js';
import { buildSlices, type SliceInput } from './_lib/buildSlices.js';
import { SkipTally } from './_lib/SkipTally.js';

/**
 * Options of {@link gatheralOptionChain}.
 * @public
 */
export interface GatheralOptionChainOptions {
  /** Name used in error messages and skip reports; default `"gatheral chain"`. */
  readonly file?: string;
  /** Throw `InvalidInputError` (line, column, cell) at the first malformed row instead of skipping it; default false. */
  readonly strict?: boolean;
  /** Quote date, ISO `YYYY-MM-DD`: rows expiring on or before it are dropped as expired; default none. */
  readonly quoteDate?: string;
}

/**
 * Reads Jim Gatheral's implied-vol CSV (text) into an {@link OptionChain}: per expiry, the file's
 * forward, its bid and ask vols, and the implied vol of the mid price.
 *
 * @remarks
 * Rows come from {@link parseGatheralChain} (malformed rows skipped and counted). Then: rows
 * expiring on or before `quoteDate` are dropped (`"expired"`), rows without both a bid and an ask
 * vol are dropped (`"one-sided quote"`), rows without `CallMid` too (`"no CallMid"`). At each strike
 * the out-of-the-money option is kept: the call for K ≥ F, else the put, whose mid price is
 * CallMid − (F − K) by put–call parity on the forward (CallMid is undiscounted, so D = 1). The mid
 * prices are inverted in one {@link impliedBlackVolatilityBatch} call on (F = Fwd, T = Texp,
 * D = 1); the bid and ask vols are the file's. The file gives no roots, so SPX and SPXW are not
 * separated (one slice per expiry).
 * Source: the data set's README (`data/spx-implied-vols-gatheral-20230215/`); Black (1976).
 * Checked against: 48 slices and 6,749 quotes on the 2023-02-15 file; Black-76 at each mid vol
 * reproduces the mid price to 1e-12 relative; bid ≤ mid ≤ ask vol (test/marketdata/optionChain.test.ts).
 *
 * @param text - the CSV file's content.
 * @param options - file name for messages, quote date.
 * @returns the chain: slices sorted by time, and the skipped-row report.
 * @throws InvalidInputError when the text is not well-formed CSV or its header differs (naming the
 *   line and the column), `quoteDate` is not an ISO date, or one expiry's rows disagree on Texp or Fwd.
 *
 * @example
 * ```ts
 * import { gatheralOptionChain } from 'quantflow';
 * import { readFileSync } from 'node:fs';
 * const chain = gatheralOptionChain(readFileSync('data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', 'utf8'));
 * chain.slices.length; //=> 48
 * ```
 * @public
 */
export function gatheralOptionChain(text: string, options: GatheralOptionChainOptions = {}): OptionChain {
  const quoteDate = options.quoteDate;
  if (quoteDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(quoteDate)) {
    throw InvalidInputError.outOfRange('options.quoteDate', quoteDate, 'an ISO date YYYY-MM-DD');
  }
  const parsed = parseGatheralChain(text, { ...(options.file === undefined ? {} : { file: options.file }), strict: options.strict === true });
  const tally = new SkipTally();
  tally.add(parsed.skipped);
  const byExpiry = new Map<string, GatheralChainRow[]>();
  for (const row of parsed.rows) {
    const label = `${row.expiry} K=${row.strike}`;
    if (quoteDate !== undefined && row.expiry <= quoteDate) tally.skipItem('expired', label);
    else if (row.bidVol === undefined || row.askVol === undefined) tally.skipItem('one-sided quote', label);
    else if (row.callMid === undefined) tally.skipItem('no CallMid', label);
    else {
      const group = byExpiry.get(row.expiry);
      if (group === undefined) byExpiry.set(row.expiry, [row]);
      else group.push(row);
    }
  }
  const inputs: SliceInput[] = [];
  for (const [expiry, rows] of byExpiry) {
    const first = rows[0] as GatheralChainRow;
    for (const r of rows) {
      for (const field of ['texp', 'forward'] as const) {
        if (r[field] !== first[field]) {
          throw InvalidInputError.outOfRange(`rows[expiry=${expiry}].${field}`, r[field], `{${first[field]}} (one ${field} per expiry)`);
        }
      }
    }
    inputs.push({
      expiry,
      time: first.texp,
      forward: first.forward,
      discount: 1,
      quotes: rows.map((r) => {
        const call = r.strike >= r.forward;
        return {
          strike: r.strike,
          type: call ? 1 : -1,
          mid: call ? (r.callMid as number) : (r.callMid as number) - (r.forward - r.strike),
          bidVol: r.bidVol as number,
          askVol: r.askVol as number,
        };
      }),
    });
  }
  const slices = buildSlices(inputs, tally);
  return Object.freeze({ ...(quoteDate === undefined ? {} : { quoteDate }), slices: Object.freeze(slices), skipped: tally.report() });
}
