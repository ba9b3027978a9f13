import type { SkippedRows } from './SkippedRows.js';
import { checkHeader } from './_lib/checkHeader.js';
import { isoDate } from './_lib/isoDate.js';
import { parseDecimal } from './_lib/parseDecimal.js';
import { parseCsvText } from './_lib/parseCsvText.js';
import { SkipTally } from './_lib/SkipTally.js';

/**
 * One quote row of Gatheral's SPX implied-volatility file.
 * @public
 */
export interface GatheralChainRow {
  /** Expiration date, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
  /** Time to expiry in years as written in the file: ACT/365.25 from the quote date; > 0. */
  readonly texp: number;
  /** Strike in index points; > 0. */
  readonly strike: number;
  /** Implied volatility of the bid, annualised decimal; absent when there is no bid. */
  readonly bidVol?: number;
  /** Implied volatility of the ask, annualised decimal; absent when there is no ask. */
  readonly askVol?: number;
  /** Forward price of the expiry in index points (one value per expiry); > 0. */
  readonly forward: number;
  /** Mid call price in forward (undiscounted) terms, index points; absent when blank. */
  readonly callMid?: number;
}

/**
 * The rows of a Gatheral implied-volatility file and what was skipped.
 * @public
 */
export interface GatheralChain {
  /** Rows in file order. */
  readonly rows: readonly GatheralChainRow[];
  /** Rows that could not be used, with reasons. */
  readonly skipped: SkippedRows;
}

/** Header of the file: a pandas row index (unnamed) then the seven data columns. */
const HEADER = ['', 'Expiry', 'Texp', 'Strike', 'Bid', 'Ask', 'Fwd', 'CallMid'] as const;

/**
 * Parses Jim Gatheral's SPX (or VIX) option implied-volatility snapshot
 * (`data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv`).
 *
 * @remarks
 * Format (see the data set's README): header `,Expiry,Texp,Strike,Bid,Ask,Fwd,CallMid`, the
 * first column an unnamed pandas row index (ignored); `Expiry` as `YYYYMMDD`; `Texp` in years,
 * ACT/365.25 from the quote date (kept as written, not re-derived); `Bid`/`Ask` implied vols as
 * annualised decimals, blank when there is no quote; `Fwd` the expiry's forward; `CallMid` the
 * undiscounted Black-76 mid call price.
 *
 * A row is skipped, and counted under one reason, when it has a number of cells other than 8
 * (`"wrong number of columns"`), an expiry that is not a calendar date (`"invalid Expiry"`), or
 * a `Texp`, `Strike` or `Fwd` that is blank, not a number or ≤ 0 (`"invalid Texp"` …), a `Bid`
 * or `Ask` that is present but not a number > 0 (`"invalid Bid"`, `"invalid Ask"`), a `CallMid`
 * present but not a number ≥ 0 (`"invalid CallMid"`), or neither a bid nor an ask vol
 * (`"no bid and no ask"`). Rows with only one side are kept (the ask-only wings).
 *
 * Source: J. Gatheral, `jgatheral/QuadraticRoughHeston` (2025), file
 * `spx_implied_vol_20230215.csv`, companion data to "The SSR under Quadratic Rough Heston".
 *
 * Checked against: the counts in the data README (7,423 rows, 48 expiries, 6,749 two-sided
 * rows, 674 blank bids); `Texp = days/365.25`; `CallMid` equal to Black-76 at the mid vol near
 * the money; exact skip counts on fixtures (`test/examples/desk/readGatheralChain.test.ts`).
 *
 * @param text - the file's content (a string, so browsers can pass what they fetched).
 * @param options - `file`: the name used in error messages and skip reports (default
 *   `"gatheral chain"`); `strict`: throw on the first bad row instead of skipping it (default false).
 * @returns the rows in file order and the `skipped` report.
 * @throws `InvalidInputError` when the text is not well-formed CSV, or its
 *   header differs from the one above (the message names the file, the line and the column).
 * @throws `InvalidInputError` with `strict`, at the first row that would be skipped, naming the
 *   line, the column (number and name) and the cell's text.
 *
 * @example
 * ```ts
 * import { parseGatheralChain } from 'quantflow';
 * import { readFileSync } from 'node:fs';
 * const chain = parseGatheralChain(readFileSync('data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', 'utf8'));
 * chain.rows.length; //=> 7423
 * ```
 * @see gatheralOptionChain
 * @public
 */
export function parseGatheralChain(text: string, options: { readonly file?: string; readonly strict?: boolean } = {}): GatheralChain {
  const table = parseCsvText(text, options.file ?? 'gatheral chain');
  const [header, ...body] = table.records;
  checkHeader(table.file, header, HEADER);

  const tally = new SkipTally(options.strict === true ? { file: table.file, header: HEADER } : undefined);
  const rows: GatheralChainRow[] = [];
  for (const { cells, line } of body) {
    const detail = cells.join(table.delimiter);
    if (cells.length !== HEADER.length) {
      tally.skipCell('wrong number of columns', line, Math.min(cells.length, HEADER.length), cells, `${cells.length} cells: ${detail}`);
      continue;
    }
    const expiryText = (cells[1] ?? '').trim();
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(expiryText);
    const expiry = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (expiry === undefined) {
      tally.skipCell('invalid Expiry', line, 1, cells, detail);
      continue;
    }
    const texp = parseDecimal(cells[2]);
    const strike = parseDecimal(cells[3]);
    const bid = parseDecimal(cells[4]);
    const ask = parseDecimal(cells[5]);
    const forward = parseDecimal(cells[6]);
    const callMid = parseDecimal(cells[7]);
    const reason = !isPositive(texp)
      ? 'invalid Texp'
      : !isPositive(strike)
        ? 'invalid Strike'
        : !isPositive(forward)
          ? 'invalid Fwd'
          : bid !== undefined && !isPositive(bid)
            ? 'invalid Bid'
            : ask !== undefined && !isPositive(ask)
              ? 'invalid Ask'
              : callMid !== undefined && !(Number.isFinite(callMid) && callMid >= 0)
                ? 'invalid CallMid'
                : bid === undefined && ask === undefined
                  ? 'no bid and no ask'
                  : undefined;
    if (reason !== undefined) {
      const column = reason === 'no bid and no ask' ? 4 : HEADER.indexOf(reason.slice('invalid '.length) as (typeof HEADER)[number]);
      tally.skipCell(reason, line, column, cells, detail);
      continue;
    }
    const row: GatheralChainRow = {
      expiry,
      texp: texp as number,
      strike: strike as number,
      forward: forward as number,
      ...(bid === undefined ? {} : { bidVol: bid }),
      ...(ask === undefined ? {} : { askVol: ask }),
      ...(callMid === undefined ? {} : { callMid }),
    };
    rows.push(Object.freeze(row));
  }
  return Object.freeze({ rows: Object.freeze(rows), skipped: tally.report() });
}

function isPositive(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x) && x > 0;
}
