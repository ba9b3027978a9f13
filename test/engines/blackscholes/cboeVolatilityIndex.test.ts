// @test cboeVolatilityIndex
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BlackCalculator } from '../../../engines/blackscholes/BlackCalculator.js';
import { cboeVolatilityIndex, type CboeOptionQuote } from '../../../engines/blackscholes/cboeVolatilityIndex.js';
import { vixTermVariance } from '../../../engines/blackscholes/_lib/vixTermVariance.js';
import { vixThirtyDayIndex } from '../../../engines/blackscholes/_lib/vixThirtyDayIndex.js';
import { readCboeChain } from '../../../examples/desk/data/readCboeChain.js';
import { readTreasuryParYields } from '../../../examples/desk/data/readTreasuryParYields.js';
import { readVixCloses } from '../../../examples/desk/data/readVixCloses.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { InvalidInputError } from '../../../src/errors.js';

const root = new URL('../../..', import.meta.url);
const dataFile = (path: string): string => fileURLToPath(new URL(path, root));

/** A strike quoted at one price per side (bid = ask). */
const at = (strike: number, call: number, put: number) => ({ strike, callBid: call, callAsk: call, putBid: put, putAsk: put });

describe('the Cboe worked example (VIX Methodology, hypothetical 2022-09-27 10:45:15 ET)', () => {
  // Published: N1 = 34,484 and N2 = 44,954 minutes, R1 = 0.031664 %, R2 = 0.028797 %; near-term
  // 1960 call/put mids 24.25/21.30 and 1965 mids 21.05/23.15, next-term 1960 mids 27.30/24.90;
  // F1 = 1962.89996, F2 = 1962.40006, K0 = 1960; (1/T)(F/K0 − 1)² = 0.00003337 and 0.00001753.
  // A far put (1500, call without bid) completes each two-strike board; it cannot be chosen for F.
  const T1 = 34_484 / 525_600;
  const T2 = 44_954 / 525_600;
  it('reproduces F, K0 and the forward-correction terms', () => {
    const near = vixTermVariance([at(1960, 24.25, 21.3), at(1965, 21.05, 23.15), { ...at(1500, 0, 0.5) }], T1, 0.00031664, 'near');
    const next = vixTermVariance([at(1960, 27.3, 24.9), { ...at(1500, 0, 0.5) }], T2, 0.00028797, 'next');
    // Published to 5 decimals (F) and 8 decimals (correction): tolerances are half a unit there.
    expect(near.forwardStrike).toBe(1965); // |C − P| = 2.10 at 1965 < 2.95 at 1960
    expect(Math.abs(near.forward - 1962.89996)).toBeLessThan(5e-6);
    expect(Math.abs(next.forward - 1962.40006)).toBeLessThan(5e-6);
    expect([near.k0, next.k0]).toEqual([1960, 1960]);
    expect(near.prices[near.strikes.indexOf(1960)]).toBeCloseTo(22.775, 12); // "(24.25 + 21.30)/2 = 22.775"
    expect(next.prices[next.strikes.indexOf(1960)]).toBeCloseTo(26.1, 12); // "(27.30 + 24.90)/2 = 26.10"
    const correction = (r: typeof near, T: number): number => (2 / T) * r.sum - r.variance;
    expect(Math.abs(correction(near, T1) - 0.00003337)).toBeLessThan(5e-9);
    expect(Math.abs(correction(next, T2) - 0.00001753)).toBeLessThan(5e-9);
  });

  it('interpolates the published σ1² = 0.019233906, σ2² = 0.019423884 to VIX 13.93', () => {
    const r = vixThirtyDayIndex(0.019233906, 0.019423884, 34_484, 44_954, 43_200);
    // Weights (N2 − N30)/(N2 − N1) = 1754/10470 and (N30 − N1)/(N2 − N1) = 8716/10470 (exact fractions).
    expect(r.nearWeight).toBeCloseTo(1754 / 10_470, 15);
    expect(r.nextWeight).toBeCloseTo(8716 / 10_470, 15);
    // Published to 2 decimals: half a unit.
    expect(Math.abs(r.value - 13.93), `VIX ${r.value}`).toBeLessThan(0.005);
  });
});

/** A Black–Scholes chain on a flat vol, strikes every `step` on [lo, hi], quotes at model prices. */
function bsChain(expiry: string, spot: number, r: number, q: number, vol: number, years: number, lo: number, hi: number, step: number): CboeOptionQuote[] {
  const D = Math.exp(-r * years);
  const F = (spot * Math.exp(-q * years)) / D;
  const rows: CboeOptionQuote[] = [];
  for (let k = lo; k <= hi + 1e-9; k += step) {
    const sd = vol * Math.sqrt(years);
    const c = new BlackCalculator(OptionType.Call, k, F, sd, D).value();
    const p = new BlackCalculator(OptionType.Put, k, F, sd, D).value();
    // Cboe-like tick: anything under 0.05 has no bid.
    rows.push({ expiry, strike: k, callBid: c >= 0.05 ? c : 0, callAsk: Math.max(c, 0.05), putBid: p >= 0.05 ? p : 0, putAsk: Math.max(p, 0.05) });
  }
  return rows;
}

describe('cboeVolatilityIndex on a flat-vol Black–Scholes chain', () => {
  it('gives 100σ to within the strike-grid and tick truncation error', () => {
    const chain = [
      ...bsChain('near', 4500, 0.05, 0.015, 0.15, 27 / 365, 1000, 8000, 5),
      ...bsChain('next', 4500, 0.05, 0.015, 0.15, 34 / 365, 1000, 8000, 5),
    ];
    const options = { nearTerm: { expiry: 'near', minutesToExpiry: 27 * 1440 }, nextTerm: { expiry: 'next', minutesToExpiry: 34 * 1440 }, rates: { nearTerm: 0.05, nextTerm: 0.05 } };
    const vix = cboeVolatilityIndex(chain, options);
    console.info(`flat 15 % BS chain: index ${vix.value}, near σ² ${vix.nearTerm.variance}, next σ² ${vix.nextTerm.variance}`);
    // ΔK = 5 at S = 4500 (chord error ~ΔK²/(6T K²) ≈ 1.4e-5 in σ²) and the 0.05 tick cutting the
    // wings beyond ~4 s.d. (both lower σ² by ~1e-4 relative; measured 14.9988): within 0.005 points.
    expect(Math.abs(vix.value - 15)).toBeLessThan(0.005);
    const F = 4500 * Math.exp(0.035 * (27 / 365));
    expect(Math.abs(vix.nearTerm.forward - F)).toBeLessThan(1e-9 * F);
    expect(vix.nearTerm.k0).toBe(Math.floor(F / 5) * 5);
  });
});

describe('strike selection', () => {
  it('skips single zero bids, stops at two consecutive ones, and uses neighbours in the strip for ΔK', () => {
    const rows = [
      at(70, 31, 0.2), // beyond the stop: never used
      at(75, 26, 0), // second zero bid in a row: the put walk stops here
      at(80, 21, 0), // zero bid
      at(85, 16, 0.4),
      at(90, 11, 0), // single zero bid: skipped, the walk goes on
      at(95, 6.5, 1.5),
      at(100, 3, 3.1), // F ≈ 100 − 0.1 → K0 = 95
      at(105, 1, 6),
      at(110, 0, 10), // zero call bid: skipped
      at(115, 0.2, 15),
    ].map((r) => ({ expiry: 'x', ...r }));
    const near = vixTermVariance(rows, 0.1, 0, 'near');
    expect(near.forwardStrike).toBe(100);
    expect(near.k0).toBe(95);
    expect(near.strikes).toEqual([85, 95, 100, 105, 115]);
    expect(near.prices).toEqual([0.4, (6.5 + 1.5) / 2, 3, 1, 0.2]);
    expect(near.deltaK).toEqual([10, 7.5, 5, 7.5, 10]);
    // σ² by hand from the figures above (R = 0, T = 0.1): 1e-15 (arithmetic only).
    const sum = (10 * 0.4) / 85 ** 2 + (7.5 * 4) / 95 ** 2 + (5 * 3) / 100 ** 2 + (7.5 * 1) / 105 ** 2 + (10 * 0.2) / 115 ** 2;
    expect(Math.abs(near.variance - (20 * sum - 10 * ((100 - 0.1) / 95 - 1) ** 2))).toBeLessThan(1e-15);
  });

  it('refuses bad input with the argument, value and range', () => {
    const chain = bsChain('a', 100, 0, 0, 0.2, 0.1, 50, 150, 5).concat(bsChain('b', 100, 0, 0, 0.2, 0.12, 50, 150, 5));
    const ok = { nearTerm: { expiry: 'a', minutesToExpiry: 52_560 }, nextTerm: { expiry: 'b', minutesToExpiry: 63_072 }, rates: { nearTerm: 0, nextTerm: 0 } };
    const cases: [() => unknown, RegExp][] = [
      [() => cboeVolatilityIndex(chain, { ...ok, nextTerm: { expiry: 'b', minutesToExpiry: 100 } }), /nextTerm.minutesToExpiry = 100 is outside the allowed range \(52560, ∞\)/],
      [() => cboeVolatilityIndex(chain, { ...ok, nearTerm: { expiry: 'a', minutesToExpiry: -1 } }), /nearTerm.minutesToExpiry = -1/],
      [() => cboeVolatilityIndex(chain, { ...ok, nearTerm: { expiry: 'zz', minutesToExpiry: 52_560 } }), /nearTerm.expiry = "zz"/],
      [() => cboeVolatilityIndex(chain, { ...ok, rates: { nearTerm: Number.NaN, nextTerm: 0 } }), /rates.nearTerm = NaN/],
      [() => cboeVolatilityIndex([...chain, { expiry: 'a', strike: 200, callBid: -1, callAsk: 0, putBid: 0, putAsk: 0 }], ok), /nearTerm quote \(strike 200\).callBid = -1/],
      [() => cboeVolatilityIndex([...chain, { ...(chain[0] as CboeOptionQuote) }], ok), /nearTerm strikes = 50 .*distinct/],
    ];
    for (const [fn, pattern] of cases) {
      expect(fn).toThrow(InvalidInputError);
      expect(fn).toThrow(pattern);
    }
  });
});

describe('cboeVolatilityIndex on the SPX chain of 2023-09-14 vs the VIX close', () => {
  // Calculation time 16:15 ET (the VIX close); the SPXW series of Fri 2023-10-13 and Mon 2023-10-16
  // (PM-settled, 16:00 ET) bracket 30 days: N1 = 29·1440 − 15 = 41,745, N2 = 32·1440 − 15 = 46,065.
  // The chain file was snapshotted at 16:31 ET, after the SPX options close at 16:15.
  // Rates: Treasury CMT 2023-09-14 (1 Mo 5.52 %, 2 Mo 5.57 %, bond-equivalent), linear in days
  // (1 Mo = 30 d, 2 Mo = 60 d), converted to continuous r = 2 ln(1 + y/2) — Cboe's own rates use
  // a cubic spline of T-bill yields; the whole rate term moves the index by ~0.01 points here.
  const chain = readCboeChain(dataFile('data/spx-chain-cboe-20230914/spx_quotedata.csv'));
  const yields = readTreasuryParYields(dataFile('data/us-treasury-par-yields/yield-curve-rates-1990-2024.csv'), '2023-09-14');
  const y1 = yields.parYields[yields.tenors.indexOf('1 Mo')] as number;
  const y2 = yields.parYields[yields.tenors.indexOf('2 Mo')] as number;
  const rateAt = (days: number): number => {
    const y = y1 + ((y2 - y1) * (days - 30)) / 30;
    return 2 * Math.log(1 + y / 2);
  };
  const vixCloses = readVixCloses(dataFile('data/vix/VIX_History.csv'));
  const close = vixCloses.closes[vixCloses.dates.indexOf('2023-09-14')] as number;
  const spxw = chain.rows.filter((r) => r.root === 'SPXW' && (r.expiry === '2023-10-13' || r.expiry === '2023-10-16'));
  const options = {
    nearTerm: { expiry: '2023-10-13', minutesToExpiry: 41_745 },
    nextTerm: { expiry: '2023-10-16', minutesToExpiry: 46_065 },
    rates: { nearTerm: rateAt(29), nextTerm: rateAt(32) },
  };

  it('lands within the bid–ask band of the index and within 0.25 points of the close', () => {
    expect(close).toBe(12.82);
    const mid = cboeVolatilityIndex(spxw, options);
    // The same selection priced at bids only and at asks only (zero bids still mark "no bid").
    const bids = cboeVolatilityIndex(spxw.map((r) => ({ ...r, callAsk: r.callBid, putAsk: r.putBid })), options);
    const asks = cboeVolatilityIndex(spxw.map((r) => ({ ...r, callBid: r.callBid > 0 ? r.callAsk : 0, putBid: r.putBid > 0 ? r.putAsk : 0 })), options);
    console.info(
      `2023-09-14: index ${mid.value.toFixed(4)} (bid ${bids.value.toFixed(3)}, ask ${asks.value.toFixed(3)}) vs VIX close ${close}; ` +
        `F1 ${mid.nearTerm.forward.toFixed(2)} K0 ${mid.nearTerm.k0} (${mid.nearTerm.strikes.length} strikes), ` +
        `F2 ${mid.nextTerm.forward.toFixed(2)} K0 ${mid.nextTerm.k0} (${mid.nextTerm.strikes.length} strikes), ` +
        `σ1² ${mid.nearTerm.variance.toFixed(6)}, σ2² ${mid.nextTerm.variance.toFixed(6)}, rates ${options.rates.nearTerm.toFixed(5)}/${options.rates.nextTerm.toFixed(5)}`,
    );
    expect(bids.value).toBeLessThan(close);
    expect(asks.value).toBeGreaterThan(close);
    expect(Math.abs(mid.value - close)).toBeLessThan(0.25);
  });
});
