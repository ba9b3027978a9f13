// @test readGatheralChain (per-expiry grouping: gatheralOptionChain, test/marketdata/optionChain.test.ts)
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gatheralOptionChain } from '../../../src/marketdata/gatheralOptionChain.js';
import { readGatheralChain } from '../../../examples/desk/data/readGatheralChain.js';
import { expectInputError } from './_lib/expectInputError.js';

const root = new URL('../../..', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SPX_FILE = fileURLToPath(new URL('data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', root));
const VIX_FILE = fileURLToPath(new URL('data/spx-implied-vols-gatheral-20230215/vix_implied_vol_20230215.csv', root));

/** Days between two ISO dates (UTC calendar arithmetic, independent of the reader). */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Standard normal CDF, N(d) = erfc(−d/√2)/2, written for this test (relative error ~1e-15):
 * erf by its all-positive series erf(y) = 2y/√π·e^(−y²)·Σ (2y²)ⁿ/(1·3·…·(2n+1)) (Abramowitz &
 * Stegun 7.1.6), and for y ≥ 2 erfc by its continued fraction (A&S 7.1.14), evaluated by Lentz's method.
 */
function normalCdf(d: number): number {
  const y = Math.abs(d) / Math.SQRT2;
  let erfcY: number;
  if (y < 2) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * y * y) / (2 * n + 1);
      sum += term;
    }
    erfcY = 1 - ((2 * y) / Math.sqrt(Math.PI)) * Math.exp(-y * y) * sum;
  } else {
    // erfc(y) = e^(−y²)/√π · 1/(y + (1/2)/(y + 1/(y + (3/2)/(y + 2/(y + …))))).
    const tiny = 1e-300;
    let f = y;
    let c = y;
    let dd = 0;
    for (let k = 1; k < 500; k++) {
      const a = k / 2;
      dd = y + a * dd;
      dd = dd === 0 ? tiny : dd;
      c = y + a / c;
      c = c === 0 ? tiny : c;
      dd = 1 / dd;
      const delta = c * dd;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    erfcY = Math.exp(-y * y) / Math.sqrt(Math.PI) / f;
  }
  return d >= 0 ? 1 - 0.5 * erfcY : 0.5 * erfcY;
}

/** Undiscounted Black-76 call (Black 1976, eq. 14 without the discount factor). */
function black76Call(forward: number, strike: number, texp: number, vol: number): number {
  const sd = vol * Math.sqrt(texp);
  const d1 = Math.log(forward / strike) / sd + 0.5 * sd;
  return forward * normalCdf(d1) - strike * normalCdf(d1 - sd);
}

describe("the test's own normal CDF", () => {
  it('matches Abramowitz & Stegun Table 26.1 values', () => {
    // N(1), N(−3), N(−6) to 15 significant digits; tolerance 1e-14 relative.
    expect(Math.abs(normalCdf(1) / 0.841344746068543 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-3) / 0.00134989803163009 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(normalCdf(-6) / 9.86587645037698e-10 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(normalCdf(-2.5) + normalCdf(2.5) - 1)).toBeLessThan(1e-15);
  });
});

describe('readGatheralChain on fixtures', () => {
  it('keeps the good rows and counts every bad row exactly, with its line', () => {
    const chain = readGatheralChain(fixture('gatheral-small.csv'));
    expect(chain.rows.map((r) => r.strike)).toEqual([4000, 4100, 3000, 4200, 4100]);
    expect(chain.rows[0]).toEqual({
      expiry: '2023-02-17',
      texp: 0.005475701574264202,
      strike: 4000,
      bidVol: 0.2,
      askVol: 0.22,
      forward: 4150,
      callMid: 155.5,
    });
    // An ask-only row keeps its ask and has neither bid nor CallMid.
    expect(chain.rows[2]).toEqual({ expiry: '2023-02-17', texp: 0.005475701574264202, strike: 3000, askVol: 0.9, forward: 4150 });
    expect(chain.skipped.count).toBe(9);
    expect(chain.skipped.reasons).toEqual({
      'invalid Strike': 1,
      'invalid Expiry': 1,
      'invalid Texp': 1,
      'no bid and no ask': 1,
      'wrong number of columns': 1,
      'invalid Ask': 1,
      'invalid Bid': 1,
      'invalid Fwd': 1,
      'invalid CallMid': 1,
    });
    // Line numbers count the blank line 4, as an editor does.
    expect(chain.skipped.examples.map((e) => e.split(':')[0])).toEqual(['line 8', 'line 9', 'line 10', 'line 11', 'line 12']);
    expect(chain.skipped.examples[0]).toContain('abc');
  });

  it('accepts a file: URL as well as a path', () => {
    const chain = readGatheralChain(new URL('./fixtures/gatheral-small.csv', import.meta.url));
    expect(chain.rows).toHaveLength(5);
  });

  it('refuses a wrong header, naming the file, the line and the column', () => {
    const error = expectInputError(() => readGatheralChain(fixture('gatheral-bad-header.csv')), [
      'gatheral-bad-header.csv',
      'line 1',
      'column 4',
      'Strike',
      '"Strik"',
    ]);
    expect(error.details).toMatchObject({ line: 1, column: 4, columnName: 'Strike', value: 'Strik' });
  });

  it('refuses a missing file, an empty file and broken CSV quoting', () => {
    expectInputError(() => readGatheralChain(fixture('no-such-file.csv')), ['no-such-file.csv', 'ENOENT']);
    expectInputError(() => readGatheralChain(fixture('empty.csv')), ['empty.csv', 'line 1', 'column 1', 'empty']);
    expectInputError(() => readGatheralChain(fixture('gatheral-unclosed-quote.csv')), [
      'gatheral-unclosed-quote.csv',
      'line 3',
      'CSV_QUOTE_NOT_CLOSED',
    ]);
  });
});

describe('the real Gatheral files (facts from data/spx-implied-vols-gatheral-20230215/README.md)', () => {
  const chain = readGatheralChain(SPX_FILE);
  const rows = chain.rows;

  it('has 7,423 rows, none skipped, 48 expiries 2023-02-16 … 2027-12-17, strikes 100 … 12,000', () => {
    expect(rows).toHaveLength(7423);
    expect(chain.skipped).toEqual({ count: 0, reasons: {}, examples: [] });
    const expiries = [...new Set(rows.map((r) => r.expiry))].sort();
    expect(expiries).toHaveLength(48);
    expect(expiries[0]).toBe('2023-02-16');
    expect(expiries.at(-1)).toBe('2027-12-17');
    expect(Math.min(...rows.map((r) => r.strike))).toBe(100);
    expect(Math.max(...rows.map((r) => r.strike))).toBe(12000);
  });

  it('has 6,749 two-sided rows and 674 rows with a blank bid', () => {
    expect(rows.filter((r) => r.bidVol !== undefined && r.askVol !== undefined)).toHaveLength(6749);
    expect(rows.filter((r) => r.bidVol === undefined)).toHaveLength(674);
  });

  it('has Texp = (expiry − 2023-02-15) in days / 365.25 on every row', () => {
    // 1e-12 years: the file's Texp are doubles computed from whole days (README: 1 day = 0.0027379).
    for (const r of rows) expect(Math.abs(r.texp - daysBetween('2023-02-15', r.expiry) / 365.25)).toBeLessThan(1e-12);
  });

  it('has forwards from 4146.7 (1 day) to 4753.7 (4.83 y)', () => {
    const slices = gatheralOptionChain(readFileSync(SPX_FILE, 'utf8')).slices;
    expect(slices).toHaveLength(48);
    expect(slices.reduce((n, s) => n + s.strikes.length, 0)).toBe(6749);
    // 0.05: the README quotes the forwards to one decimal.
    expect(Math.abs(slices[0]!.forward - 4146.7)).toBeLessThan(0.05);
    expect(Math.abs(slices.at(-1)!.forward - 4753.7)).toBeLessThan(0.05);
    // 0.01: the README rounds 1,766 days/365.25 = 4.835 y to 4.83.
    expect(Math.abs(slices.at(-1)!.time - 4.83)).toBeLessThan(0.01);
  });

  it('has CallMid equal to undiscounted Black-76 at the mid vol near the money', () => {
    // README: "~1e-6 relative near the money". Measured here on |ln(K/F)| < 0.02, Texp > 0.02 y
    // (902 rows): median 1.4e-7, max 6.8e-5 (the mid vol is not the vol of the mid price; the gap
    // grows with the bid-ask spread). Tolerances: median 1e-6 (README), max 1e-4.
    const errors: number[] = [];
    for (const r of rows) {
      if (r.bidVol === undefined || r.askVol === undefined || r.callMid === undefined) continue;
      if (Math.abs(Math.log(r.strike / r.forward)) >= 0.02 || r.texp <= 0.02) continue;
      const black = black76Call(r.forward, r.strike, r.texp, 0.5 * (r.bidVol + r.askVol));
      errors.push(Math.abs(black / r.callMid - 1));
    }
    errors.sort((a, b) => a - b);
    expect(errors).toHaveLength(902);
    expect(errors[451]!).toBeLessThan(1e-6);
    expect(errors.at(-1)!).toBeLessThan(1e-4);
  });

  it('has CallMid equal to the mean of the Black-76 prices at the bid and the ask vol, on every two-sided row', () => {
    // Found while writing this test (not in the README): CallMid is the mid *price*. Tolerance
    // 1e-7 of the bid-ask price gap + 1e-7 index points (normal CDF ~1e-15 relative, forwards ~5e3).
    for (const r of rows) {
      if (r.bidVol === undefined || r.askVol === undefined) continue;
      expect(r.callMid).toBeDefined();
      const bid = black76Call(r.forward, r.strike, r.texp, r.bidVol);
      const ask = black76Call(r.forward, r.strike, r.texp, r.askVol);
      const mid = 0.5 * (bid + ask);
      expect(Math.abs(r.callMid! - mid), `K=${r.strike} T=${r.texp}`).toBeLessThanOrEqual(1e-7 * Math.abs(ask - bid) + 1e-7);
    }
  });

  it('reads the VIX option file: 637 rows, 12 expiries, 515 two-sided, forwards 20.20 (first) … 23.09 (last)', () => {
    const vix = readGatheralChain(VIX_FILE);
    expect(vix.rows).toHaveLength(637);
    expect(vix.skipped.count).toBe(0);
    const slices = gatheralOptionChain(readFileSync(VIX_FILE, 'utf8')).slices;
    expect(slices).toHaveLength(12);
    expect(slices.reduce((n, s) => n + s.strikes.length, 0)).toBe(515);
    // 0.005: the README quotes two decimals (first and last expiry, not min and max).
    expect(Math.abs(slices[0]!.forward - 20.2)).toBeLessThan(0.005);
    expect(Math.abs(slices.at(-1)!.forward - 23.09)).toBeLessThan(0.005);
  });
});
