// Builds the live desk's market and book from the real data in data/.
import {
  AnalyticEuropeanEngine,
  BlackVarianceSurface,
  Date,
  EuropeanExercise,
  GeneralizedBlackScholesProcess,
  Handle,
  OptionType,
  PlainVanillaPayoff,
  RelinkableHandle,
  Settings,
  SimpleQuote,
  VanillaOption,
  ZeroCurve,
  impliedBlackVolatilityBatch,
  type BlackVolTermStructure,
  type Quote,
  type YieldTermStructure,
} from '../../src/index.js';
import { LevelScaledVol } from './LevelScaledVol.js';
import type { SkippedRows } from './data/SkippedRows.js';
import { gatheralSlices, type GatheralSlice } from './data/gatheralSlices.js';
import { readGatheralChain, type GatheralChainRow } from './data/readGatheralChain.js';
import { readSofrSwapQuotes } from './data/readSofrSwapQuotes.js';
import { readTreasuryParYields } from './data/readTreasuryParYields.js';
import { sofrOisCurve, type SofrOisCurve } from './sofrOisCurve.js';
import { treasuryZeroRates } from '../../termstructures/yield/treasuryZeroRates.js';

export const dataDir = new URL('../../data/', import.meta.url);
export const quoteDate = '2023-02-15';
/** Quote date of the SOFR swap data (data/usd-sofr-caps-swaptions/). */
export const sofrQuoteDate = '2025-01-31';

export interface DeskOptions {
  /** Number of listed options in the book (≥ 1); default 1,000. */
  readonly bookSize?: number;
  /** Shortest and longest expiry in the book, in years; default 1 week to 2 years. */
  readonly minExpiry?: number;
  readonly maxExpiry?: number;
}

export interface Desk {
  readonly today: Date;
  readonly spot: SimpleQuote;
  /** Multiplier of every implied vol (1 = the 2023-02-15 surface). */
  readonly level: SimpleQuote;
  readonly book: readonly VanillaOption[];
  /** Treasury zero curve of the quote date (the desk's discounting unless relinked). */
  readonly riskFree: ZeroCurve;
  /**
   * The discount curve the engine reads: linked to `riskFree`; relink it to `sofrOnDeskDate`
   * (every option reprices once) and back.
   */
  readonly discountCurve: RelinkableHandle<YieldTermStructure>;
  /** The SOFR OIS curve of 2025-01-31 bootstrapped from the data set's 21 swap quotes, with its live quotes. */
  readonly sofr: SofrOisCurve;
  /**
   * The 2025-01-31 SOFR zero rates (continuous, Act/365F) at the same times from the desk's quote
   * date: a what-if discount curve for the 2023 book, not a 2023 market curve.
   */
  readonly sofrOnDeskDate: ZeroCurve;
  readonly dividends: ZeroCurve;
  readonly surface: BlackVarianceSurface;
  readonly slices: readonly GatheralSlice[];
  /** Rows skipped per source: `chain`, `treasury`, and `mid prices` (quotes whose mid price could not be inverted). */
  readonly skipped: Readonly<Record<string, SkippedRows>>;
  /** Listed options that passed the filters before sampling the book. */
  readonly candidates: number;
}

/** Mid vol of a slice at a strike: linear in strike inside the quotes, flat outside. */
function sliceVol(slice: GatheralSlice, strike: number): number {
  const k = slice.strikes;
  const v = slice.midVols;
  const n = k.length;
  if (strike <= k[0]!) return v[0]!;
  if (strike >= k[n - 1]!) return v[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (k[mid]! <= strike) lo = mid;
    else hi = mid;
  }
  const w = (strike - k[lo]!) / (k[hi]! - k[lo]!);
  return v[lo]! + w * (v[hi]! - v[lo]!);
}

/**
 * The slices with each mid vol implied from the mid *price*: `CallMid` is an undiscounted Black-76
 * call on `Fwd` with time `Texp`; strikes at or above the forward invert the call, strikes below it
 * the out-of-the-money put P = C − (F − K) (put–call parity on the forward), all in one
 * {@link impliedBlackVolatilityBatch} call (Jäckel's "Let's Be Rational"). A quote whose mid price
 * has no time value left in [intrinsic, upper bound) — no `CallMid`, a put below 0 after parity, a
 * call at or above the forward, or exactly intrinsic — is skipped and counted, never dropped
 * silently; a slice keeps its other strikes.
 */
function invertMidPrices(slices: readonly GatheralSlice[], rows: readonly GatheralChainRow[]): { slices: GatheralSlice[]; skipped: SkippedRows } {
  const callMids = new Map<string, number | undefined>();
  for (const r of rows) if (r.bidVol !== undefined && r.askVol !== undefined) callMids.set(`${r.expiry}|${r.strike}`, r.callMid);
  const reasons: Record<string, number> = {};
  const examples: string[] = [];
  const skip = (reason: string, s: GatheralSlice, strike: number, detail: string) => {
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    if (examples.length < 5) examples.push(`expiry ${s.expiry} strike ${strike}: ${reason} (${detail})`);
  };
  const kept: Array<{ slice: number; strike: number }> = [];
  const prices: number[] = [];
  const forwards: number[] = [];
  const strikes: number[] = [];
  const expiries: number[] = [];
  const types: number[] = [];
  slices.forEach((s, j) => {
    s.strikes.forEach((strike) => {
      const callMid = callMids.get(`${s.expiry}|${strike}`);
      if (callMid === undefined) return skip('no CallMid', s, strike, 'blank');
      const call = strike >= s.forward;
      const price = call ? callMid : callMid - (s.forward - strike);
      const upper = call ? s.forward : strike;
      if (!(price > 0)) return skip(call ? 'call mid not above 0' : 'put mid (C − (F − K)) not above 0', s, strike, `CallMid=${callMid}, Fwd=${s.forward}`);
      if (!(price < upper)) return skip('mid at or above the upper bound', s, strike, `CallMid=${callMid}, Fwd=${s.forward}`);
      kept.push({ slice: j, strike });
      prices.push(price);
      forwards.push(s.forward);
      strikes.push(strike);
      expiries.push(s.texp);
      types.push(call ? OptionType.Call : OptionType.Put);
    });
  });
  const vols = impliedBlackVolatilityBatch({
    prices: Float64Array.from(prices),
    forwards: Float64Array.from(forwards),
    strikes: Float64Array.from(strikes),
    expiries: Float64Array.from(expiries),
    optionTypes: Float64Array.from(types),
  });
  const perSlice = slices.map(() => ({ strikes: [] as number[], vols: [] as number[] }));
  kept.forEach(({ slice, strike }, i) => {
    perSlice[slice]!.strikes.push(strike);
    perSlice[slice]!.vols.push(vols[i]!);
  });
  const out: GatheralSlice[] = [];
  slices.forEach((s, j) => {
    const p = perSlice[j]!;
    if (p.strikes.length > 0) {
      out.push(Object.freeze({ expiry: s.expiry, texp: s.texp, forward: s.forward, strikes: Float64Array.from(p.strikes), midVols: Float64Array.from(p.vols) }));
    }
  });
  const count = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { slices: out, skipped: Object.freeze({ count, reasons: Object.freeze(reasons), examples: Object.freeze(examples) }) };
}

function isoOf(yyyymmdd: string): string {
  return yyyymmdd.includes('-') ? yyyymmdd : `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Loads the data and builds spot, curves, surface and book; nothing is priced yet. */
export function buildDesk(options: DeskOptions = {}): Desk {
  const bookSize = options.bookSize ?? 1000;
  const minExpiry = options.minExpiry ?? 7 / 365;
  const maxExpiry = options.maxExpiry ?? 2;
  const today = Date.fromISO(quoteDate);
  Settings.instance.evaluationDate.set(today);
  const ref = { referenceDate: today };

  // Discounting: Treasury par yields of the same day → zero rates → a linear zero curve.
  const par = readTreasuryParYields(new URL('us-treasury-par-yields/yield-curve-rates-1990-2024.csv', dataDir), quoteDate);
  const zeros = treasuryZeroRates(par);
  const riskFree = new ZeroCurve(
    zeros.years.map((y) => today.addDays(Math.round(y * 365))),
    zeros.zeroRates,
    ref,
  );
  riskFree.enableExtrapolation();
  const discountCurve = new RelinkableHandle<YieldTermStructure>(riskFree);

  // SOFR: the OIS curve of 2025-01-31 (its own reference date), and its zero rates carried to the
  // desk's date as a swappable what-if curve (the data sets have no 2023 SOFR quotes).
  const sofr = sofrOisCurve(readSofrSwapQuotes(new URL('usd-sofr-caps-swaptions/cap_quotes_2025-01-31.sofr.csv', dataDir), sofrQuoteDate));
  const sofrDates = sofr.curve.dates().slice(1);
  const sofrOnDeskDate = new ZeroCurve(
    sofrDates.map((d) => today.addDays(sofr.curve.referenceDate().daysTo(d))),
    sofrDates.map((d) => sofr.curve.zeroRate(d) as number),
    ref,
  );
  sofrOnDeskDate.enableExtrapolation();

  // The chain: per-expiry two-sided quotes and forwards; mid vols implied from the mid prices.
  const chain = readGatheralChain(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', dataDir));
  const mids = invertMidPrices(
    gatheralSlices(chain.rows).filter((s) => Date.fromISO(isoOf(s.expiry)).isAfter(today)),
    chain.rows,
  );
  const slices = mids.slices;
  const expiryDates = slices.map((s) => Date.fromISO(isoOf(s.expiry)));
  const times = expiryDates.map((d) => riskFree.timeFromReference(d));

  // Spot from the shortest forward (one day of carry, no dividend assumed over it), then the
  // dividend curve that makes S·D_q/D_r reproduce every given forward.
  const spotValue = slices[0]!.forward * riskFree.discount(times[0]!);
  const dividendZeros = slices.map((s, i) => riskFree.zeroRate(times[i]!) - Math.log(s.forward / spotValue) / times[i]!);
  const dividends = new ZeroCurve(expiryDates, dividendZeros, ref);
  dividends.enableExtrapolation();

  // Surface on a common strike grid; vols rescaled so total variance matches the file's
  // ACT/365.25 times on our ACT/365F times.
  const gridStrikes: number[] = [];
  for (let k = 1500; k <= 7000; k += 25) gridStrikes.push(k);
  const volMatrix = gridStrikes.map((k) => slices.map((s, j) => sliceVol(s, k) * Math.sqrt(s.texp / times[j]!)));
  const surface = new BlackVarianceSurface(expiryDates, gridStrikes, volMatrix, ref);
  surface.enableExtrapolation();

  const spot = new SimpleQuote(spotValue);
  const level = new SimpleQuote(1);
  const volHandle = new Handle<BlackVolTermStructure>(
    new LevelScaledVol(new Handle<BlackVolTermStructure>(surface), new Handle<Quote>(level)),
  );
  const process = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(spot),
    new Handle<YieldTermStructure>(dividends),
    discountCurve,
    volHandle,
  );
  const engine = new AnalyticEuropeanEngine(process);

  // The book: listed out-of-the-money options with two-sided quotes, 1 week to 2 years,
  // sampled evenly across the chain.
  const listed = chain.rows.filter(
    (r: GatheralChainRow) => r.bidVol !== undefined && r.askVol !== undefined && r.texp >= minExpiry && r.texp <= maxExpiry,
  );
  const step = Math.max(1, listed.length / bookSize);
  const book: VanillaOption[] = [];
  for (let x = 0; book.length < bookSize && Math.floor(x) < listed.length; x += step) {
    const r = listed[Math.floor(x)]!;
    const type = r.strike >= r.forward ? OptionType.Call : OptionType.Put;
    const option = new VanillaOption(new PlainVanillaPayoff(type, r.strike), new EuropeanExercise(Date.fromISO(isoOf(r.expiry))));
    option.setPricingEngine(engine);
    book.push(option);
  }

  return {
    today,
    spot,
    level,
    book,
    riskFree,
    discountCurve,
    sofr,
    sofrOnDeskDate,
    dividends,
    surface,
    slices,
    skipped: { chain: chain.skipped, treasury: par.skipped, 'mid prices': mids.skipped },
    candidates: listed.length,
  };
}
