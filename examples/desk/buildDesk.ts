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
  type BlackVolTermStructure,
  type Quote,
  type YieldTermStructure,
} from '../../src/index.js';
import { LevelScaledVol } from './LevelScaledVol.js';
import type { SkippedRows } from './data/SkippedRows.js';
import { gatheralOptionChain } from '../../src/marketdata/gatheralOptionChain.js';
import { parseGatheralChain, type GatheralChainRow } from '../../src/marketdata/parseGatheralChain.js';
import { readTextFile } from '../../src/marketdata/node/_lib/readTextFile.js';

/** One expiry's smile on the desk: the library chain's mid vols, with the file's time to expiry. */
export interface GatheralSlice {
  /** Expiration date, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
  /** Time to expiry in years (ACT/365.25, as in the file). */
  readonly texp: number;
  /** Forward price of the expiry, index points. */
  readonly forward: number;
  /** Strikes in index points, ascending. */
  readonly strikes: Float64Array;
  /** Implied vols of the mid prices (out-of-the-money side), decimals. */
  readonly midVols: Float64Array;
}
import { readTreasuryParYields } from './data/readTreasuryParYields.js';
import { readSofrSwapQuotes } from './data/readSofrSwapQuotes.js';
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
  /** The book's pricing engine (Black–Scholes on the surface); swap an option's engine and back with it. */
  readonly engine: AnalyticEuropeanEngine;
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

  // The chain (the library's reader): per-expiry two-sided quotes and forwards; mid vols implied
  // from the mid prices (CallMid, out-of-the-money puts by parity) with impliedBlackVolatilityBatch.
  const { file, text } = readTextFile(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', dataDir));
  const chain = parseGatheralChain(text, { file });
  const optionChain = gatheralOptionChain(text, { file, quoteDate });
  const slices: GatheralSlice[] = optionChain.slices.map((s) =>
    Object.freeze({ expiry: s.expiry, texp: s.time, forward: s.forward, strikes: s.strikes, midVols: s.midVols }),
  );
  const midReasons = ['no CallMid', 'price outside (0, upper bound)'];
  const midCount = midReasons.reduce((n, r) => n + (optionChain.skipped.reasons[r] ?? 0), 0);
  const mids = {
    skipped: Object.freeze({
      count: midCount,
      reasons: Object.freeze(Object.fromEntries(midReasons.filter((r) => optionChain.skipped.reasons[r] !== undefined).map((r) => [r, optionChain.skipped.reasons[r] as number]))),
      examples: Object.freeze(optionChain.skipped.examples.filter((e) => midReasons.some((r) => e.endsWith(r)))),
    }),
  };
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
    engine,
    slices,
    skipped: { chain: chain.skipped, treasury: par.skipped, 'mid prices': mids.skipped },
    candidates: listed.length,
  };
}
