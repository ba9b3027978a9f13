import type { SkippedRows } from './SkippedRows.js';
import { checkHeader } from './_lib/checkHeader.js';
import { fileInputError } from './_lib/fileInputError.js';
import { isoDate } from './_lib/isoDate.js';
import { parseDecimal } from './_lib/parseDecimal.js';
import { parseCsvText } from './_lib/parseCsvText.js';
import { SkipTally } from './_lib/SkipTally.js';

/**
 * One (expiry, root, strike) row of a Cboe delayed-quotes option chain: the call and the put.
 * @public
 */
export interface CboeChainRow {
  /** Expiration date, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
  /** OCC root of the series, e.g. `"SPX"` (AM-settled monthlies) or `"SPXW"` (PM-settled). */
  readonly root: string;
  /** Strike in index points; > 0. */
  readonly strike: number;
  /** OCC symbol of the call, e.g. `"SPXW231013C04500000"`. */
  readonly callSymbol: string;
  /** OCC symbol of the put. */
  readonly putSymbol: string;
  /** Call bid and ask, index points; ≥ 0 (0 = no bid). */
  readonly callBid: number;
  readonly callAsk: number;
  /** Put bid and ask, index points; ≥ 0 (0 = no bid). */
  readonly putBid: number;
  readonly putAsk: number;
  /** Cboe's implied vols of the call and put, decimals; 0 where Cboe computed none. */
  readonly callIv: number;
  readonly putIv: number;
}

/**
 * A Cboe chain file: the underlying line, the quote time, the rows and what was skipped.
 * @public
 */
export interface CboeChain {
  /** Underlying name as written, e.g. `"Standard & Poors 500 Index"`. */
  readonly underlying: string;
  /** Underlying `Last` price (index points); > 0. */
  readonly spot: number;
  /** Quote date, ISO `YYYY-MM-DD`. */
  readonly quoteDate: string;
  /** Quote time of day, `HH:MM` 24-hour, in `timeZone`. */
  readonly quoteTime: string;
  /** Time-zone abbreviation as written, e.g. `"EDT"`. */
  readonly timeZone: string;
  /** Rows in file order. */
  readonly rows: readonly CboeChainRow[];
  /** Rows that could not be used, with reasons. */
  readonly skipped: SkippedRows;
}

const HEADER = [
  'Expiration Date', 'Calls', 'Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma', 'Open Interest',
  'Strike', 'Puts', 'Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma', 'Open Interest',
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OCC = /^([A-Z]+)(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/**
 * Parses a Cboe "delayed quotes" option-chain export (`*_quotedata.csv`), e.g.
 * `data/spx-chain-cboe-20230914/spx_quotedata.csv`.
 *
 * @remarks
 * Format (see the data set's README): an empty line; `<underlying>,Last: <spot>,Change: …`;
 * `"Date: <Month> <d>, <yyyy> at <h>:<mm> AM|PM <TZ>",Bid: …`; the 22-column header
 * `Expiration Date,Calls,Last Sale,…,Strike,Puts,…,Open Interest`; then one row per (expiry,
 * root, strike), calls on the left and puts on the right, `Expiration Date` like
 * `Fri Sep 15 2023`, prices in index points.
 *
 * A row is skipped, and counted under one reason, when it has a number of cells other than 22
 * (`"wrong number of columns"`), an expiry that is not a date of that form
 * (`"invalid Expiration Date"`), a strike that is not a number > 0 (`"invalid Strike"`), a call
 * or put symbol that is not an OCC symbol of that expiry, type and strike, or whose roots differ
 * (`"invalid Calls"`, `"invalid Puts"`), or a bid, ask or IV that is blank, not a number or < 0
 * (`"invalid Bid"`, `"invalid Ask"`, `"invalid IV"`). Rows with zero bids are kept (the zero-bid
 * rule of the VIX needs them).
 *
 * Source: Cboe Global Markets delayed quotes page, export format as in the data README.
 *
 * Checked against: the counts in the data README (9,960 rows, 6,817 SPXW and 3,143 SPX, 53
 * expiries), the spot 4505.1001 and quote time, exact skip counts on a fixture
 * (`test/examples/desk/readCboeChain.test.ts`).
 *
 * @param text - the file's content (a string, so browsers can pass what they fetched).
 * @param options - `file`: the name used in error messages and skip reports (default
 *   `"cboe chain"`); `strict`: throw on the first bad row instead of skipping it (default false).
 * @returns the underlying, spot, quote date and time, rows in file order and the `skipped` report.
 * @throws `InvalidInputError` when the text is not well-formed CSV, its two
 *   preamble lines or its header differ from the above (the message names the file, the line and
 *   the column).
 * @throws `InvalidInputError` with `strict`, at the first row that would be skipped, naming the
 *   line, the column (number and name) and the cell's text.
 *
 * @example
 * ```ts
 * import { parseCboeChain } from 'quantflow';
 * import { readFileSync } from 'node:fs';
 * const chain = parseCboeChain(readFileSync('data/spx-chain-cboe-20230914/spx_quotedata.csv', 'utf8'));
 * chain.rows.length; //=> 9960
 * ```
 * @public
 */
export function parseCboeChain(text: string, options: { readonly file?: string; readonly strict?: boolean } = {}): CboeChain {
  const table = parseCsvText(text, options.file ?? 'cboe chain');
  const [spotLine, dateLine, header, ...body] = table.records;
  const file = table.file;
  if (spotLine === undefined) throw fileInputError(file, 1, 1, '(preamble)', 'underlying line', '', '"<underlying>,Last: <spot>,…" (the file is empty)');
  const underlying = (spotLine.cells[0] ?? '').trim();
  const spotMatch = /^Last:\s*(\S+)$/.exec((spotLine.cells[1] ?? '').trim());
  const spot = parseDecimal(spotMatch?.[1]);
  if (underlying === '' || spot === undefined || !(spot > 0) || !Number.isFinite(spot)) {
    throw fileInputError(file, spotLine.line, 2, '(preamble)', 'Last', spotLine.cells[1] ?? '', '"Last: <price > 0>" after the underlying name');
  }
  const dateText = (dateLine?.cells[0] ?? '').trim();
  const dm = /^Date: ([A-Za-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) (AM|PM) ([A-Z]{2,5})$/.exec(dateText);
  const month = dm ? MONTH_NAMES.indexOf(dm[1] as string) + 1 : 0;
  const quoteDate = dm && month > 0 ? isoDate(Number(dm[3]), month, Number(dm[2])) : undefined;
  const hour12 = dm ? Number(dm[4]) : 0;
  if (dm === null || quoteDate === undefined || hour12 < 1 || hour12 > 12 || Number(dm[5]) > 59) {
    throw fileInputError(file, dateLine?.line ?? spotLine.line + 1, 1, '(preamble)', 'Date', dateText, '"Date: <Month> <d>, <yyyy> at <h>:<mm> AM|PM <TZ>"');
  }
  const hour = (hour12 % 12) + (dm[6] === 'PM' ? 12 : 0);
  const quoteTime = `${String(hour).padStart(2, '0')}:${dm[5]}`;
  checkHeader(file, header, HEADER);

  const tally = new SkipTally(options.strict === true ? { file, header: HEADER } : undefined);
  const rows: CboeChainRow[] = [];
  for (const { cells, line } of body) {
    const detail = cells.join(table.delimiter);
    if (cells.length !== HEADER.length) {
      tally.skipCell('wrong number of columns', line, Math.min(cells.length, HEADER.length), cells, `${cells.length} cells: ${detail}`);
      continue;
    }
    const em = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{4})$/.exec((cells[0] ?? '').trim());
    const expiry = em ? isoDate(Number(em[3]), MONTHS.indexOf(em[1] as string) + 1, Number(em[2])) : undefined;
    if (expiry === undefined) {
      tally.skipCell('invalid Expiration Date', line, 0, cells, detail);
      continue;
    }
    const strike = parseDecimal(cells[11]);
    if (strike === undefined || !Number.isFinite(strike) || !(strike > 0)) {
      tally.skipCell('invalid Strike', line, 11, cells, detail);
      continue;
    }
    const callSymbol = (cells[1] ?? '').trim();
    const putSymbol = (cells[12] ?? '').trim();
    const callRoot = occRoot(callSymbol, expiry, 'C', strike);
    const putRoot = occRoot(putSymbol, expiry, 'P', strike);
    if (callRoot === undefined) {
      tally.skipCell('invalid Calls', line, 1, cells, detail);
      continue;
    }
    if (putRoot === undefined || putRoot !== callRoot) {
      tally.skipCell('invalid Puts', line, 12, cells, detail);
      continue;
    }
    const columns = { callBid: 4, callAsk: 5, callIv: 7, putBid: 15, putAsk: 16, putIv: 18 };
    const numbers = { callBid: cells[4], callAsk: cells[5], callIv: cells[7], putBid: cells[15], putAsk: cells[16], putIv: cells[18] };
    let badColumn = 0;
    const parsed: Record<string, number> = {};
    let reason: string | undefined;
    for (const [key, text] of Object.entries(numbers)) {
      const v = parseDecimal(text);
      if (v === undefined || !Number.isFinite(v) || v < 0) {
        reason = `invalid ${key.endsWith('Bid') ? 'Bid' : key.endsWith('Ask') ? 'Ask' : 'IV'}`;
        badColumn = columns[key as keyof typeof columns];
        break;
      }
      parsed[key] = v;
    }
    if (reason !== undefined) {
      tally.skipCell(reason, line, badColumn, cells, detail);
      continue;
    }
    rows.push(
      Object.freeze({
        expiry,
        root: callRoot,
        strike,
        callSymbol,
        putSymbol,
        callBid: parsed.callBid as number,
        callAsk: parsed.callAsk as number,
        putBid: parsed.putBid as number,
        putAsk: parsed.putAsk as number,
        callIv: parsed.callIv as number,
        putIv: parsed.putIv as number,
      }),
    );
  }
  return Object.freeze({ underlying, spot, quoteDate, quoteTime, timeZone: dm[7] as string, rows: Object.freeze(rows), skipped: tally.report() });
}

/** The root of an OCC symbol that matches the expiry, type and strike, else undefined. */
function occRoot(symbol: string, expiry: string, type: 'C' | 'P', strike: number): string | undefined {
  const m = OCC.exec(symbol);
  if (m === null) return undefined;
  const date = `20${m[2]}-${m[3]}-${m[4]}`;
  if (date !== expiry || m[5] !== type || Number(m[6]) / 1000 !== strike) return undefined;
  return m[1];
}
