import { checkPositive } from '../../../src/_lib/checks.js';
import { ArbitrageError, InvalidInputError } from '../../../src/errors.js';
import { levenbergMarquardt } from '../../../src/math/optimization/levenbergMarquardt.js';
import type { SviArbitrageDiagnostics } from './SviArbitrageDiagnostics.js';
import type { SviRawParameters } from './SviRawParameters.js';
import { checkVolQuote } from './_lib/checkVolQuote.js';
import { forEachGridPoint, sviDiagnostics, UNIFORM_POINTS, VERTEX_POINTS } from './_lib/sviDiagnostics.js';
import { sviG, sviMinimumW, sviW } from './_lib/sviFormulas.js';
import { zeliadeFit } from './_lib/zeliadeFit.js';

/**
 * One expiry's quotes for {@link fitSviSmile}: strikes with bid, ask and mid implied vols.
 *
 * @remarks
 * An `OptionChainSlice` (from `gatheralOptionChain` or `cboeOptionChain`) has these fields.
 * @public
 */
export interface SviSmileQuotes {
  /** Time to expiry T in years (the year fraction the vols are quoted on); > 0. */
  readonly time: number;
  /** Forward F to the expiry (price units); > 0. Log-moneyness is k = ln(K/F). */
  readonly forward: number;
  /** Strikes K (price units); length n ≥ 5, each > 0. */
  readonly strikes: ArrayLike<number>;
  /** Bid implied vols (decimals); length n, each > 0. */
  readonly bidVols: ArrayLike<number>;
  /** Ask implied vols (decimals); length n, each ≥ the bid. */
  readonly askVols: ArrayLike<number>;
  /** Mid implied vols (decimals) the fit targets; length n, each > 0; default (bid + ask)/2. */
  readonly midVols?: ArrayLike<number>;
}

/**
 * Options of {@link fitSviSmile}.
 * @public
 */
export interface SviFitOptions {
  /** Enforce g(k) ≥ 0 (no butterfly arbitrage) inside the fit; default true. */
  readonly noButterflyArbitrage?: boolean;
  /** Throw `ArbitrageError` when the result is not arbitrage-free (only possible with `noButterflyArbitrage: false`); default false. */
  readonly throwOnArbitrage?: boolean;
  /** Smallest half-spread used as a weight, in vol (decimal); default 0.0005 (0.05 vol points); > 0. */
  readonly minHalfSpread?: number;
  /** Range of the g-grid in log-moneyness; default the quotes' range widened by half its width on each side. */
  readonly gridRange?: readonly [number, number];
  /**
   * A calendar floor: the previous expiry's slice. When given, the fit keeps w(k) ≥ w_floor(k)
   * at every point of `grid` (log-moneyness) and both wing slopes b(1 ± ρ) at least the floor's
   * (no crossing beyond the grid), inside the calibration; default none. Used by `fitSviSurface`.
   */
  readonly calendarFloor?: { readonly parameters: SviRawParameters; readonly grid: ArrayLike<number> };
}

/**
 * The result of {@link fitSviSmile}: parameters, arbitrage diagnostics and fit quality.
 * @public
 */
export interface SviFit {
  /** The fitted raw SVI parameters (total variance in log-moneyness). */
  readonly parameters: SviRawParameters;
  /** Time to expiry T (years) and forward F the fit used. */
  readonly time: number;
  readonly forward: number;
  /** Butterfly-arbitrage diagnostics of the fitted slice (min g on the grid, wing slopes). */
  readonly diagnostics: SviArbitrageDiagnostics;
  /** Fitted vols at the quotes' strikes (decimals); length n. */
  readonly fittedVols: Float64Array;
  /** Root-mean-square of fitted − mid vol, in vol points (1 = 0.01 of vol). */
  readonly rmseVolPoints: number;
  /** Share of quotes whose fitted vol lies in [bid vol, ask vol]; in [0, 1]. */
  readonly insideBidAsk: number;
  /** Number of quotes n. */
  readonly count: number;
}

/** Penalty weights of the successive constrained least-squares passes. */
const PENALTIES = [1e2, 1e4, 1e6, 1e8, 1e10, 1e12];
/** Margin asked of g on the grid by the penalty, so its minimiser lands on the feasible side. */
const G_MARGIN = 1e-4;

/**
 * Fits raw SVI to one expiry's implied vols, with the no-butterfly condition g(k) ≥ 0 enforced
 * inside the calibration.
 *
 * @remarks
 * Objective: Σᵢ ((σ_SVI(kᵢ) − σ_mid,i)/hᵢ)², σ_SVI(k) = √(w(k)/T), k = ln(K/F), with hᵢ the
 * half bid–ask spread in vol (floored at `minHalfSpread`): a quote's residual is measured in units
 * of its own half-spread, so |residual| ≤ 1 means inside the bid–ask (at mid = (bid + ask)/2).
 *
 * Method: constrained least squares, in two stages, every candidate kept only if arbitrage-free.
 * 1. Start: Zeliade's quasi-explicit calibration on total variances (weights from the same
 *    spreads, h_w = 2σTh): for fixed (m, σ) the slice is linear in (a, d, c) = (a, ρbσ, bσ), solved
 *    exactly over 0 ≤ a ≤ max w, |d| ≤ c, c + |d| ≤ 2σ (Lee's bound); Nelder–Mead searches
 *    (m, ln σ) from a grid of starts. The g ≥ 0 condition enters this search: an inner optimum
 *    with butterfly arbitrage is replaced by the last arbitrage-free point on the segment towards
 *    the flat slice (b = 0, where g ≡ 1), found by bisection, so the start is arbitrage-free.
 * 2. Levenberg–Marquardt on all five parameters (a, b, ρ, m, σ) and the vol residuals above:
 *    first with quadratic penalty residuals √μ·(10⁻⁴ − g(k_j))⁺ on the k-grid (201 points uniform
 *    over the range, 121 over m ± 10σ), √μ·(b(1 + |ρ|) − 2)⁺ and √μ·(−min w)⁺, for
 *    μ = 10², 10⁴, …, 10¹² in turn, from two starts: the arbitrage-free start of stage 1 and the
 *    best fit without the g condition (the classical penalty path); each end point is kept if it
 *    is arbitrage-free and fits better. Then, from the best arbitrage-free point, steps are
 *    accepted only if the slice stays arbitrage-free (min g ≥ 0 on the grid, refined by
 *    golden-section search; both wing slopes ≤ 2; min w ≥ 0).
 * The result is therefore arbitrage-free on the grid by construction
 * ({@link SviArbitrageDiagnostics}); beyond the grid g tends to 1/4 − slope²/16 ≥ 0.
 * With `noButterflyArbitrage: false` neither stage looks at g (Lee's bound and min w ≥ 0 are kept).
 * With `calendarFloor` (the previous expiry's slice, as `fitSviSurface` passes it), both stages
 * also keep w(k_j) ≥ w_floor(k_j) on the floor's grid and wing slopes b(1 ± ρ) at least the
 * floor's: penalty residuals √μ·(w_floor(k_j) − w(k_j))⁺ in 2a and the admissibility test in 2b; if
 * the stage-1 start crosses the floor, the floor lifted to the quotes' ATM level (or the floor
 * itself) is the admissible start.
 *
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71: raw SVI eq. (3.1), g(k) eq. (2.1), Lemma 2.2 (no butterfly arbitrage iff
 * g ≥ 0 and d₊ → −∞); Zeliade Systems (2009), "Quasi-explicit calibration of Gatheral's SVI
 * model", ZWP-0005; R. Lee (2004), Math. Finance 14(3) (wing slopes ≤ 2); quadratic penalty:
 * J. Nocedal, S. J. Wright (2006), Numerical Optimization, §17.1.
 * Checked against: the 48 expiries of Gatheral's SPX file of 2023-02-15 and the Cboe SPX chain of
 * 2023-09-14 (min g ≥ 0 everywhere, RMSE and inside-bid/ask shares in
 * test/termstructures/volatility/sviSpx.test.ts and docs/models/smiles-and-surfaces.md); g ≥ 0 on
 * fits to random valid SVI smiles (fast-check, svi.test.ts).
 *
 * @param quotes - T, F, strikes and bid/ask(/mid) vols of one expiry (n ≥ 5 quotes).
 * @param options - arbitrage enforcement, throwing, weights' floor, g-grid range.
 * @returns parameters, diagnostics, fitted vols, RMSE in vol points and inside-bid/ask share.
 * @throws InvalidInputError when a quote or option is outside its range (naming `quotes.<field>[i]`,
 *   the value and the range), or fewer than 5 quotes are given.
 * @throws ArbitrageError when `throwOnArbitrage` is set and the fitted slice has min g < 0, a wing
 *   slope above 2 or a negative minimum variance (details carry the diagnostics).
 *
 * @example
 * ```ts
 * import { fitSviSmile } from 'quantflow';
 * const strikes = [80, 90, 100, 110, 120];
 * const fit = fitSviSmile({ time: 1, forward: 100, strikes,
 *   bidVols: [0.27, 0.23, 0.2, 0.19, 0.19], askVols: [0.29, 0.25, 0.22, 0.21, 0.21] });
 * fit.diagnostics.arbitrageFree; //=> true
 * ```
 * @see SviFittedSmileSection
 * @public
 */
export function fitSviSmile(quotes: SviSmileQuotes, options: SviFitOptions = {}): SviFit {
  const { time, forward, k, bid, ask, mid } = checkQuotes(quotes);
  const minHalfSpread = options.minHalfSpread ?? 0.0005;
  checkPositive('options.minHalfSpread', minHalfSpread);
  const n = k.length;
  const h = new Float64Array(n);
  const w = new Float64Array(n);
  const hw = new Float64Array(n);
  let kMin = Infinity;
  let kMax = -Infinity;
  let meanW = 0;
  for (let i = 0; i < n; i++) {
    h[i] = Math.max(0.5 * ((ask[i] as number) - (bid[i] as number)), minHalfSpread);
    w[i] = (mid[i] as number) * (mid[i] as number) * time;
    hw[i] = 2 * (mid[i] as number) * time * (h[i] as number);
    kMin = Math.min(kMin, k[i] as number);
    kMax = Math.max(kMax, k[i] as number);
    meanW += (w[i] as number) / n;
  }
  const span = Math.max(kMax - kMin, 1e-3);
  const range = options.gridRange ?? [kMin - 0.5 * span, kMax + 0.5 * span];
  if (!(range.length === 2 && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
    throw InvalidInputError.outOfRange('options.gridRange', range, '[from, to] with from < to, finite');
  }
  const [from, to] = range;
  const enforce = options.noButterflyArbitrage ?? true;

  const arbitrageFree = (p: SviRawParameters): boolean => sviDiagnostics(p, from, to).arbitrageFree;
  const floor = options.calendarFloor;
  const floorGrid = floor === undefined ? new Float64Array(0) : Float64Array.from(floor.grid);
  const floorW = floor === undefined ? new Float64Array(0) : floorGrid.map((kk) => sviW(floor.parameters, kk));
  const floorLeft = floor === undefined ? 0 : floor.parameters.b * (1 - floor.parameters.rho);
  const floorRight = floor === undefined ? 0 : floor.parameters.b * (1 + floor.parameters.rho);
  if (floor !== undefined && !floorW.every(Number.isFinite)) throw InvalidInputError.outOfRange('options.calendarFloor', floor, 'a raw SVI slice and a finite k-grid');
  const calendarOk = (p: SviRawParameters): boolean => {
    if (floor === undefined) return true;
    if (p.b * (1 - p.rho) < floorLeft || p.b * (1 + p.rho) < floorRight) return false;
    for (let j = 0; j < floorGrid.length; j++) if (sviW(p, floorGrid[j] as number) < (floorW[j] as number)) return false;
    return true;
  };

  // Stage 1: Zeliade's quasi-explicit fit in total variance (over arbitrage-free slices only).
  const start = zeliadeFit({ k, w, h: hw }, enforce ? arbitrageFree : undefined);

  // Stage 2: least squares on (a, b, ρ, m, σ) in vol, by Levenberg–Marquardt.
  const maxW = Math.max(...w);
  const lower = [-Math.max(1, 10 * maxW), 0, -0.9999, kMin - span, 1e-4];
  const upper = [10 * maxW + 1, 2, 0.9999, kMax + span, 4];
  const asParams = (x: ArrayLike<number>): SviRawParameters => ({ a: x[0] as number, b: x[1] as number, rho: x[2] as number, m: x[3] as number, sigma: x[4] as number });
  const gridCount = UNIFORM_POINTS + VERTEX_POINTS;
  const lmOptions = {
    residualCount: n + gridCount + 2 + (floor === undefined ? 0 : floorGrid.length + 2),
    lower,
    upper,
    scales: [meanW, 0.01, 0.01, 0.01, 0.01],
    maxIterations: 200,
    tolerance: 1e-10,
  };
  const residualsWith = (root: number, penaliseG: boolean) => (xx: Float64Array, out: Float64Array): void => {
    const p = asParams(xx);
    for (let i = 0; i < n; i++) {
      const wi = sviW(p, k[i] as number);
      out[i] = (Math.sqrt(Math.max(wi, 0) / time) - (mid[i] as number)) / (h[i] as number);
    }
    let j = n;
    if (penaliseG) {
      forEachGridPoint(p, from, to, (kk) => {
        out[j++] = root * Math.max(0, G_MARGIN - Math.max(sviG(p, kk), -1e3));
      });
    } else {
      for (let g = 0; g < gridCount; g++) out[j++] = 0;
    }
    out[j++] = root * Math.max(0, p.b * (1 + Math.abs(p.rho)) - 2);
    out[j++] = (root * Math.max(0, -sviMinimumW(p))) / meanW;
    if (floor !== undefined) {
      // Calendar penalty, with a small margin so the minimiser lands on the feasible side.
      for (let g = 0; g < floorGrid.length; g++) out[j++] = (root * Math.max(0, (floorW[g] as number) * (1 + 1e-6) - sviW(p, floorGrid[g] as number))) / meanW;
      out[j++] = root * Math.max(0, floorLeft * (1 + 1e-6) - p.b * (1 - p.rho));
      out[j++] = root * Math.max(0, floorRight * (1 + 1e-6) - p.b * (1 + p.rho));
    }
  };
  const extraStarts: Float64Array[] = [];
  const plain = residualsWith(0, false);
  const scratch = new Float64Array(lmOptions.residualCount);
  const error = (x: Float64Array): number => {
    plain(x, scratch);
    let s = 0;
    for (let i = 0; i < n; i++) s += (scratch[i] as number) ** 2;
    return s;
  };
  const admissible = (x: Float64Array): boolean => {
    const p = asParams(x);
    return calendarOk(p) && (enforce ? arbitrageFree(p) : p.b * (1 + Math.abs(p.rho)) <= 2 && sviMinimumW(p) >= 0);
  };
  let best: Float64Array = Float64Array.of(start.a, start.b, start.rho, start.m, start.sigma);
  if (floor !== undefined && !admissible(best)) {
    // The floor lifted to the quotes' ATM level, or the floor itself, is on the calendar-safe side.
    const fp = floor.parameters;
    let wAtm = 0;
    let nearest = Infinity;
    for (let i = 0; i < n; i++) {
      if (Math.abs(k[i] as number) < nearest) {
        nearest = Math.abs(k[i] as number);
        wAtm = w[i] as number;
      }
    }
    const lifted = Float64Array.of(fp.a + Math.max(0, wAtm - sviW(fp, 0)), fp.b, fp.rho, fp.m, fp.sigma);
    const same = Float64Array.of(fp.a, fp.b, fp.rho, fp.m, fp.sigma);
    const zeliade = best;
    best = admissible(lifted) ? lifted : same;
    // The unconstrained start still seeds the penalty path below.
    if (!admissible(best)) best = zeliade;
    else if (error(zeliade) < Infinity) extraStarts.push(zeliade);
  }
  let bestError = error(best);
  // 2a. Quadratic penalty on g < 10⁻⁴, Lee's bound and min w, for growing μ, from the
  // arbitrage-free start and from the best fit without the g condition (the classical penalty
  // path); every admissible end point that fits better is kept.
  const starts: Float64Array[] = [best, ...extraStarts];
  if (enforce) {
    const free = zeliadeFit({ k, w, h: hw });
    const freeX = Float64Array.of(free.a, free.b, free.rho, free.m, free.sigma);
    starts.push(levenbergMarquardt(residualsWith(Math.sqrt(PENALTIES[PENALTIES.length - 1] as number), false), freeX, lmOptions).x);
  }
  for (const from0 of starts) {
    let x: Float64Array = from0;
    for (const mu of PENALTIES) {
      x = levenbergMarquardt(residualsWith(Math.sqrt(mu), enforce), x, lmOptions).x;
      const e = error(x);
      if (e < bestError && admissible(x)) {
        best = x;
        bestError = e;
      }
    }
  }
  // 2b. From the best admissible point, steps that stay admissible only.
  best = levenbergMarquardt(residualsWith(0, false), best, { ...lmOptions, feasible: admissible }).x;
  const parameters = asParams(best);
  const diagnostics = sviDiagnostics(parameters, from, to);
  if (options.throwOnArbitrage === true && !diagnostics.arbitrageFree) {
    throw new ArbitrageError(
      `fitSviSmile: the fitted slice has butterfly arbitrage (min g = ${diagnostics.minG} at k = ${diagnostics.argminG}, wing slopes ${diagnostics.leftWingSlope}, ${diagnostics.rightWingSlope})`,
      { diagnostics, parameters },
    );
  }
  const fittedVols = new Float64Array(n);
  let sq = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.sqrt(Math.max(sviW(parameters, k[i] as number), 0) / time);
    fittedVols[i] = v;
    sq += (v - (mid[i] as number)) ** 2;
    if (v >= (bid[i] as number) && v <= (ask[i] as number)) inside++;
  }
  return Object.freeze({
    parameters: Object.freeze(parameters),
    time,
    forward,
    diagnostics,
    fittedVols,
    rmseVolPoints: 100 * Math.sqrt(sq / n),
    insideBidAsk: inside / n,
    count: n,
  });
}

function checkQuotes(quotes: SviSmileQuotes): { time: number; forward: number; k: Float64Array; bid: ArrayLike<number>; ask: ArrayLike<number>; mid: Float64Array } {
  if (typeof quotes !== 'object' || quotes === null) throw InvalidInputError.outOfRange('quotes', quotes, 'an object { time, forward, strikes, bidVols, askVols }');
  checkPositive('quotes.time', quotes.time);
  checkPositive('quotes.forward', quotes.forward);
  const n = quotes.strikes?.length ?? 0;
  if (!(n >= 5)) throw InvalidInputError.outOfRange('quotes.strikes.length', n, '[5, ∞) (five SVI parameters)');
  for (const key of ['bidVols', 'askVols', 'midVols'] as const) {
    const col = quotes[key];
    if (col === undefined && key === 'midVols') continue;
    if (col?.length !== n) throw InvalidInputError.outOfRange(`quotes.${key}.length`, col?.length, `{${n}} (quotes.strikes.length)`);
  }
  const k = new Float64Array(n);
  const mid = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mid[i] = checkVolQuote('quotes', quotes, i);
    k[i] = Math.log((quotes.strikes[i] as number) / quotes.forward);
  }
  return { time: quotes.time, forward: quotes.forward, k, bid: quotes.bidVols, ask: quotes.askVols, mid };
}
