// @test putCallParityForward, gatheralOptionChain, cboeOptionChain, parseGatheralChain, parseCboeChain, readOptionChainFile
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../engines/blackscholes/formulas/blackFormula.js';
import { OptionType } from '../../instruments/OptionType.js';
import { ArbitrageError, InvalidInputError } from '../../src/errors.js';
import { cboeOptionChain } from '../../src/marketdata/cboeOptionChain.js';
import { gatheralOptionChain } from '../../src/marketdata/gatheralOptionChain.js';
import { readOptionChainFile } from '../../src/marketdata/node/readOptionChainFile.js';
import { parseCboeChain } from '../../src/marketdata/parseCboeChain.js';
import { parseGatheralChain } from '../../src/marketdata/parseGatheralChain.js';
import { putCallParityForward } from '../../src/marketdata/putCallParityForward.js';

const data = new URL('../../data/', import.meta.url);
const GATHERAL = new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data);
const CBOE = new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data);
const fixture = (name: string) => readFileSync(new URL(`../examples/desk/fixtures/${name}`, import.meta.url), 'utf8');
const gatheralText = readFileSync(GATHERAL, 'utf8');
const cboeText = readFileSync(CBOE, 'utf8');

describe('putCallParityForward', () => {
  it('recovers F and D from Black-76 calls and puts priced at a known forward and discount', () => {
    const F = 4500;
    const D = 0.97;
    const strikes = Array.from({ length: 21 }, (_, i) => 4000 + 50 * i);
    const vol = (K: number) => 0.2 - 0.3 * Math.log(K / F);
    const calls = strikes.map((K) => blackFormula(OptionType.Call, K, F, vol(K) * Math.sqrt(0.5), D));
    const puts = strikes.map((K) => blackFormula(OptionType.Put, K, F, vol(K) * Math.sqrt(0.5), D));
    const r = putCallParityForward(strikes, calls, puts);
    // Exact prices: parity holds to round-off (blackFormula ~1e-13 relative on ~500-point prices).
    expect(Math.abs(r.forward - F)).toBeLessThan(1e-8);
    expect(Math.abs(r.discount - D)).toBeLessThan(1e-12);
    expect(r.pairs).toBe(10);
    // The ten pairs with the smallest |C − P| = D|F − K| are the strikes nearest the forward:
    // 4300 … 4700, and one of the tie 4250 / 4750.
    const used = Array.from(r.strikes);
    for (let K = 4300; K <= 4700; K += 50) expect(used).toContain(K);
    expect(used.every((K) => Math.abs(K - F) <= 250)).toBe(true);
    expect(r.residualRms).toBeLessThan(1e-9);
  });

  it('refuses bad input (argument, value, range) and prices that contradict parity', () => {
    expect(() => putCallParityForward([100], [5], [5])).toThrow(/strikes\.length = 1 .*\[2, ∞\)/);
    expect(() => putCallParityForward([90, 100], [5], [5, 6])).toThrow(/callMids\.length = 1/);
    expect(() => putCallParityForward([90, 100], [5, 6], [5, 6], { pairs: 1 })).toThrow(InvalidInputError);
    expect(() => putCallParityForward([90, -100], [5, 6], [5, 6])).toThrow(/strikes\[1\] = -100/);
    // C − P rising with K means D < 0.
    expect(() => putCallParityForward([90, 100, 110], [1, 2, 3], [1, 1, 1])).toThrow(ArbitrageError);
  });
});

describe('cboeOptionChain on the 2023-09-14 SPX chain (facts from data/spx-chain-cboe-20230914/README.md)', () => {
  const raw = parseCboeChain(cboeText);
  const chain = cboeOptionChain(cboeText);

  it('drops the same-day expiry, keeps AM-settled SPX apart from PM-settled SPXW, drops one-sided quotes', () => {
    expect(chain.spot).toBe(4505.1001);
    expect(chain.quoteDate).toBe('2023-09-14');
    // README: 53 expiries, the first (2023-09-14) already expired; both roots on monthly dates.
    expect(chain.skipped.reasons['expired']).toBe(raw.rows.filter((r) => r.expiry === '2023-09-14').length);
    expect(chain.slices.some((s) => s.expiry === '2023-09-14')).toBe(false);
    expect(new Set(chain.slices.map((s) => s.expiry)).size).toBe(52);
    const oct20 = chain.slices.filter((s) => s.expiry === '2023-10-20');
    expect(oct20.map((s) => [s.root, s.settlement])).toEqual([['SPX', 'AM'], ['SPXW', 'PM']]);
    // AM settlement at 09:30, PM at 16:00: 6.5 hours apart, in years of 525,600 minutes.
    expect((oct20[1]!.time - oct20[0]!.time) * 525_600).toBeCloseTo(390, 6);
    expect(chain.skipped.reasons['one-sided quote']).toBeGreaterThan(0);
    for (const s of chain.slices) for (let i = 0; i < s.strikes.length; i++) expect(s.askVols[i]!).toBeGreaterThanOrEqual(s.bidVols[i]!);
    expect(chain.skipped.count).toBe(Object.values(chain.skipped.reasons).reduce((a, b) => a + b, 0));
  });

  it("has parity forwards that satisfy put–call parity on every near-the-money pair, within the pair's half-spreads", () => {
    // Every strike within 2 % of F with two-sided call and put (1,408 pairs): |C − P − D(F − K)| is
    // at most the sum of the two half-spreads (the largest ratio measured is 0.90).
    let pairs = 0;
    for (const s of chain.slices) {
      for (const r of raw.rows) {
        if (r.expiry !== s.expiry || r.root !== s.root || !(r.callBid > 0 && r.putBid > 0) || Math.abs(r.strike / s.forward - 1) > 0.02) continue;
        const gap = 0.5 * (r.callBid + r.callAsk) - 0.5 * (r.putBid + r.putAsk) - s.discount * (s.forward - r.strike);
        expect(Math.abs(gap), `${s.expiry} ${s.root} K=${r.strike}`).toBeLessThanOrEqual(0.5 * (r.callAsk - r.callBid + r.putAsk - r.putBid));
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    // README: implied financing rates ≈ 5–6 %, noisy per expiry: all in [3 %, 8.5 %] beyond 0.1 y.
    for (const s of chain.slices.filter((x) => x.time > 0.1)) {
      const r = -Math.log(s.discount) / s.time;
      expect(r, `${s.expiry} ${s.root}`).toBeGreaterThan(0.03);
      expect(r, `${s.expiry} ${s.root}`).toBeLessThan(0.085);
    }
    // README: forwards rise from 4510 (1 day) to 4913 (2.27 y).
    expect(Math.abs(chain.slices[1]!.forward - 4510)).toBeLessThan(1);
    expect(Math.abs(chain.slices.at(-1)!.forward - 4913)).toBeLessThan(1);
  });

  it('round-trips price → vol → price through blackFormula (mid, bid and ask)', () => {
    const quotes = new Map(raw.rows.map((r) => [`${r.expiry}|${r.root}|${r.strike}`, r]));
    let checked = 0;
    for (const s of chain.slices) {
      s.strikes.forEach((K, i) => {
        const type = s.optionTypes[i] === 1 ? OptionType.Call : OptionType.Put;
        const r = quotes.get(`${s.expiry}|${s.root}|${K}`)!;
        const bid = type === OptionType.Call ? r.callBid : r.putBid;
        const ask = type === OptionType.Call ? r.callAsk : r.putAsk;
        const sd = Math.sqrt(s.time);
        for (const [vol, price] of [[s.midVols[i]!, s.midPrices[i]!], [s.bidVols[i]!, bid], [s.askVols[i]!, ask]] as const) {
          // Jäckel's round trip: 1e-13 relative where the time value is not negligible; 1e-9 here
          // covers the deep wings' 0.05 bids (time value ~1e-5 of F).
          expect(Math.abs(blackFormula(type, K, s.forward, vol * sd, s.discount) / price - 1), `${s.expiry} ${s.root} K=${K}`).toBeLessThan(1e-9);
        }
        expect(s.midPrices[i]).toBe(0.5 * (bid + ask));
        checked++;
      });
    }
    expect(checked).toBe(chain.slices.reduce((n, s) => n + s.strikes.length, 0));
  });
});

describe('gatheralOptionChain on the 2023-02-15 file', () => {
  const raw = parseGatheralChain(gatheralText);
  const chain = gatheralOptionChain(gatheralText, { quoteDate: '2023-02-15' });

  it('keeps the 6,749 two-sided quotes on 48 expiries, with the file’s bid and ask vols, D = 1', () => {
    expect(chain.slices).toHaveLength(48);
    expect(chain.slices.reduce((n, s) => n + s.strikes.length, 0)).toBe(6749);
    expect(chain.skipped.reasons).toEqual({ 'one-sided quote': 674 });
    const rows = new Map(raw.rows.map((r) => [`${r.expiry}|${r.strike}`, r]));
    for (const s of chain.slices) {
      expect(s.discount).toBe(1);
      s.strikes.forEach((K, i) => {
        const r = rows.get(`${s.expiry}|${K}`)!;
        expect(s.bidVols[i]).toBe(r.bidVol);
        expect(s.askVols[i]).toBe(r.askVol);
        // The mid price is the file's CallMid (calls) or CallMid − (F − K) (puts, by parity).
        const type = s.optionTypes[i] === 1 ? OptionType.Call : OptionType.Put;
        expect(type === OptionType.Call ? K >= s.forward : K < s.forward).toBe(true);
        const callFromVol = blackFormula(OptionType.Call, K, s.forward, s.midVols[i]! * Math.sqrt(s.time));
        expect(Math.abs(callFromVol / r.callMid! - 1), `${s.expiry} K=${K}`).toBeLessThan(1e-11);
        // Bid ≤ mid ≤ ask in vol (CallMid is the mean of the bid and ask prices).
        expect(s.midVols[i]!).toBeGreaterThanOrEqual(s.bidVols[i]! - 1e-12);
        expect(s.midVols[i]!).toBeLessThanOrEqual(s.askVols[i]! + 1e-12);
      });
    }
  });

  it('drops expired rows against the quote date', () => {
    const later = gatheralOptionChain(gatheralText, { quoteDate: '2023-02-17' });
    expect(later.slices).toHaveLength(46);
    expect(later.skipped.reasons['expired']).toBe(raw.rows.filter((r) => r.expiry <= '2023-02-17').length);
    expect(() => gatheralOptionChain(gatheralText, { quoteDate: '15/02/2023' })).toThrow(/options\.quoteDate = "15\/02\/2023"/);
  });
});

describe('malformed files: InvalidInputError naming the line and the column', () => {
  it('from text, as in a browser', () => {
    expect(() => gatheralOptionChain(fixture('gatheral-bad-header.csv'), { file: 'g.csv' })).toThrow(/g\.csv, line 1, column 4 \(Strike\)/);
    expect(() => gatheralOptionChain(fixture('gatheral-unclosed-quote.csv'))).toThrow(/gatheral chain, line 3, .*CSV_QUOTE_NOT_CLOSED/);
    expect(() => cboeOptionChain(fixture('cboe-bad-header.csv'))).toThrow(/cboe chain, line 4, column 12 \(Strike\)/);
    expect(() => cboeOptionChain(fixture('cboe-bad-date.csv'))).toThrow(/line 3, column 1 \(\(preamble\)\): Date/);
    const e = (() => {
      try {
        cboeOptionChain(fixture('cboe-bad-header.csv'));
      } catch (err) {
        return err as InvalidInputError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e!.details).toMatchObject({ line: 4, column: 12 });
  });

  it('through the Node helper, naming the path', () => {
    const fromFile = readOptionChainFile(CBOE, 'cboe');
    expect(fromFile.slices).toHaveLength(58);
    expect(fromFile.spot).toBe(4505.1001); // the docstring's example
    expect(readOptionChainFile(GATHERAL, 'gatheral').slices).toHaveLength(48);
    expect(() => readOptionChainFile('no/such/file.csv', 'cboe')).toThrow(/no\/such\/file\.csv.*ENOENT/);
    expect(() => readOptionChainFile(CBOE, 'xlsx' as 'cboe')).toThrow(/format = "xlsx"/);
  });
});

describe('strict parsing: the first bad row throws, naming the line, the column and the cell', () => {
  it('Gatheral: a non-numeric strike', () => {
    // Lenient: the row is skipped and counted (line 8, 'abc'); strict: it throws.
    expect(parseGatheralChain(fixture('gatheral-small.csv')).skipped.examples[0]).toMatch(/^line 8: invalid Strike/);
    expect(() => parseGatheralChain(fixture('gatheral-small.csv'), { file: 'g.csv', strict: true })).toThrow(/g\.csv, line 8, column 4 \(Strike\): cell = "abc" .*invalid Strike/);
    expect(() => gatheralOptionChain(fixture('gatheral-small.csv'), { strict: true })).toThrow(InvalidInputError);
  });

  it('Cboe: a row with the wrong number of cells', () => {
    expect(() => cboeOptionChain(fixture('cboe-small.csv'), { strict: true })).toThrow(/cboe chain, line 6, column \d+ .*wrong number of columns/);
    expect(cboeOptionChain(fixture('cboe-small.csv')).skipped.reasons['wrong number of columns']).toBe(1);
  });
});
