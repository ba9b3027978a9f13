import { QuantflowError } from '../errors.js';
import type { OptionChain } from './OptionChain.js';
import { parseCboeChain, type CboeChainRow } from './parseCboeChain.js';
import { putCallParityForward } from './putCallParityForward.js';
import { buildSlices, type SliceInput, type SliceQuote } from './_lib/buildSlices.js';
import { SkipTally } from './_lib/SkipTally.js';

/**
 * Options of {@link cboeOptionChain}.
 * @public
 */
export interface CboeOptionChainOptions {
  /** Name used in error messages and skip reports; default `"cboe chain"`. */
  readonly file?: string;
  /** Throw `InvalidInputError` (line, column, cell) at the first malformed row instead of skipping it; default false. */
  readonly strict?: boolean;
  /** Near-the-money call/put pairs per expiry for the parity regression; ≥ 2; default 10. */
  readonly parityPairs?: number;
  /** Roots settled at the open (09:30 in the file's time zone); others settle at 16:00; default `["SPX"]`. */
  readonly amSettledRoots?: readonly string[];
}

const MINUTES_PER_YEAR = 525_600;

/**
 * Reads a Cboe delayed-quotes chain export (text) into an {@link OptionChain}: per expiry and
 * root, forward and discount factor from put–call parity, and bid, ask and mid implied vols of the
 * out-of-the-money options.
 *
 * @remarks
 * Rows come from {@link parseCboeChain} (malformed rows skipped and counted). Rows are grouped by
 * (expiry, root): AM-settled SPX monthlies and PM-settled SPXW series stay apart. Time to expiry
 * T = minutes from the file's quote time to settlement (09:30 for `amSettledRoots`, else 16:00,
 * both in the file's time zone) / 525,600 (Actual/365 in minutes, as the VIX rules); a series with
 * T ≤ 0 is dropped (`"expired"`). F and D come from {@link putCallParityForward} on the
 * `parityPairs` two-sided call/put pairs with the smallest |C − P|, least squares on
 * C − P = D·(F − K) (a series with fewer than two pairs, or whose regression fails, is dropped:
 * `"no put–call parity"`). At each strike the out-of-the-money option is kept (call for K ≥ F,
 * put below), if two-sided (bid > 0, ask ≥ bid; else `"one-sided quote"`); its bid, ask and
 * mid = (bid + ask)/2 prices are inverted by {@link impliedBlackVolatilityBatch} on (F, T, D).
 * Source: Cboe delayed-quotes export (data/spx-chain-cboe-20230914/README.md); put–call parity
 * (Stoll 1969); Black (1976); Cboe VIX white paper (2019) for the minute count.
 * Checked against: parity forwards against put–call parity on every pair; price → vol → price
 * through blackFormula; the 2023-09-14 SPX chain (53 expiries less the expired one, separated by
 * root), in test/marketdata/optionChain.test.ts.
 *
 * @param text - the CSV file's content.
 * @param options - file name, parity pairs, AM-settled roots.
 * @returns the chain: underlying, spot, quote date, slices sorted by time then root, skipped rows.
 * @throws InvalidInputError when the text is not well-formed CSV, or its preamble or header
 *   differs (naming the line and the column), or `parityPairs` is not an integer ≥ 2.
 *
 * @example
 * ```ts
 * import { cboeOptionChain } from 'quantflow';
 * import { readFileSync } from 'node:fs';
 * const chain = cboeOptionChain(readFileSync('data/spx-chain-cboe-20230914/spx_quotedata.csv', 'utf8'));
 * chain.slices.map((s) => s.root).slice(0, 2); //=> ['SPX', 'SPXW'] (the AM-settled monthly first)
 * ```
 * @public
 */
export function cboeOptionChain(text: string, options: CboeOptionChainOptions = {}): OptionChain {
  const parsed = parseCboeChain(text, { ...(options.file === undefined ? {} : { file: options.file }), strict: options.strict === true });
  const amRoots = new Set(options.amSettledRoots ?? ['SPX']);
  const pairs = options.parityPairs ?? 10;
  const tally = new SkipTally();
  tally.add(parsed.skipped);
  const groups = new Map<string, CboeChainRow[]>();
  for (const row of parsed.rows) {
    const key = `${row.expiry}|${row.root}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  const [qh, qm] = parsed.quoteTime.split(':').map(Number) as [number, number];
  const quoteMinute = Date.parse(`${parsed.quoteDate}T00:00:00Z`) / 60_000 + qh * 60 + qm;
  const inputs: SliceInput[] = [];
  for (const rows of groups.values()) {
    const { expiry, root } = rows[0] as CboeChainRow;
    const am = amRoots.has(root);
    const settleMinute = Date.parse(`${expiry}T00:00:00Z`) / 60_000 + (am ? 9 * 60 + 30 : 16 * 60);
    const time = (settleMinute - quoteMinute) / MINUTES_PER_YEAR;
    const label = (r: CboeChainRow) => `${r.expiry} ${r.root} K=${r.strike}`;
    if (!(time > 0)) {
      for (const r of rows) tally.skipItem('expired', label(r));
      continue;
    }
    const twoSided = rows.filter((r) => r.callBid > 0 && r.callAsk >= r.callBid && r.putBid > 0 && r.putAsk >= r.putBid);
    let parity;
    try {
      parity = putCallParityForward(
        twoSided.map((r) => r.strike),
        twoSided.map((r) => 0.5 * (r.callBid + r.callAsk)),
        twoSided.map((r) => 0.5 * (r.putBid + r.putAsk)),
        { pairs },
      );
    } catch (err) {
      if (!(err instanceof QuantflowError) || (twoSided.length >= 2 && err.code === 'INVALID_INPUT' && (err.details.argument === 'options.pairs'))) throw err;
      for (const r of rows) tally.skipItem('no put–call parity', label(r));
      continue;
    }
    const quotes: SliceQuote[] = [];
    for (const r of rows) {
      const call = r.strike >= parity.forward;
      const bid = call ? r.callBid : r.putBid;
      const ask = call ? r.callAsk : r.putAsk;
      if (!(bid > 0 && ask >= bid)) {
        tally.skipItem('one-sided quote', label(r));
        continue;
      }
      quotes.push({ strike: r.strike, type: call ? 1 : -1, mid: 0.5 * (bid + ask), bid, ask });
    }
    inputs.push({
      expiry,
      root,
      settlement: am ? 'AM' : 'PM',
      time,
      forward: parity.forward,
      discount: parity.discount,
      parity: { pairs: parity.pairs, residualRms: parity.residualRms },
      quotes,
    });
  }
  const slices = buildSlices(inputs, tally);
  return Object.freeze({
    underlying: parsed.underlying,
    spot: parsed.spot,
    quoteDate: parsed.quoteDate,
    slices: Object.freeze(slices),
    skipped: tally.report(),
  });
}
