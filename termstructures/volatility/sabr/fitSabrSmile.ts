import { checkFinite, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { CalibrationError, InvalidInputError } from '../../../src/errors.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { levenbergMarquardt } from '../../../src/math/optimization/levenbergMarquardt.js';
import type { SabrParameters } from './SabrParameters.js';
import { sabrAlphaFromAtmVol } from './sabrAlphaFromAtmVol.js';
import { haganLognormalVol, haganNormalVol, oblojLognormalVol } from './_lib/sabrFormulas.js';

/**
 * One expiry's quotes for {@link fitSabrSmile}: strikes with bid, ask and (optionally) mid vols,
 * in the fit's convention (Black vols, or normal vols with `volatilityType: 'normal'`).
 *
 * @remarks
 * An `OptionChainSlice` (from `gatheralOptionChain` or `cboeOptionChain`) has these fields.
 * @public
 */
export interface SabrSmileQuotes {
  /** Time to expiry T in years; > 0. */
  readonly time: number;
  /** Forward F (price or rate units); F + shift > 0. */
  readonly forward: number;
  /** Strikes K; length n ≥ 3, each with K + shift > 0. */
  readonly strikes: ArrayLike<number>;
  /** Bid vols; length n, each > 0. */
  readonly bidVols: ArrayLike<number>;
  /** Ask vols; length n, each ≥ the bid. */
  readonly askVols: ArrayLike<number>;
  /** Mid vols the fit targets; length n, each > 0; default (bid + ask)/2. */
  readonly midVols?: ArrayLike<number>;
}

/**
 * Options of {@link fitSabrSmile}.
 * @public
 */
export interface SabrFitOptions {
  /** β ∈ [0, 1], held fixed; default 1. */
  readonly beta?: number;
  /**
   * `'atm'` (default): α solves the ATM cubic ({@link sabrAlphaFromAtmVol}) for each (ρ, ν), so
   * the fit reproduces `atmVol` exactly and searches (ρ, ν); `'free'`: α, ρ, ν are all fitted.
   */
  readonly alpha?: 'atm' | 'free';
  /** ATM vol for `alpha: 'atm'`; default the mid vols interpolated linearly in ln K at K = F. */
  readonly atmVol?: number;
  /**
   * Residual weights: `'bidAsk'` (default) (σ − mid)/h with h the half-spread (floored at
   * `minHalfSpread`), so |r| ≤ 1 is inside the bid–ask; `'vega'` (σ − mid)·vega/max vega; `'none'`.
   */
  readonly weights?: 'bidAsk' | 'vega' | 'none';
  /** Smallest half-spread used as a weight, in the vols' units; default 0.0005 (lognormal) or 1e-6·|F + s| (normal); > 0. */
  readonly minHalfSpread?: number;
  /** Convention of the quotes and the fit: `'lognormal'` (default) or `'normal'`. */
  readonly volatilityType?: 'lognormal' | 'normal';
  /** `'hagan2002'` (default) or `'obloj2008'` (lognormal only). */
  readonly approximation?: 'hagan2002' | 'obloj2008';
  /** Shift s ≥ 0 of shifted SABR; default 0. */
  readonly shift?: number;
  /** Throw CalibrationError when the fit's RMSE exceeds this many vol points; default ∞ (never). */
  readonly maxRmseVolPoints?: number;
}

/**
 * The result of {@link fitSabrSmile}: parameters and fit quality.
 * @public
 */
export interface SabrFit {
  /** The fitted parameters (β as given). */
  readonly parameters: SabrParameters;
  /** T (years), F and the shift the fit used. */
  readonly time: number;
  readonly forward: number;
  readonly shift: number;
  /** Fitted vols at the quotes' strikes; length n. */
  readonly fittedVols: Float64Array;
  /** Fitted − mid vol per quote (the vols' units); length n. */
  readonly residuals: Float64Array;
  /** Root-mean-square of fitted − mid vol in vol points (100 × the vols' units). */
  readonly rmseVolPoints: number;
  /** Share of quotes whose fitted vol lies in [bid, ask]; in [0, 1]. */
  readonly insideBidAsk: number;
  /** Number of quotes n. */
  readonly count: number;
}

/** Starting grid of (ρ, ν). */
const RHO_STARTS = [-0.8, -0.5, -0.2, 0, 0.3];
const NU_STARTS = [0.2, 0.6, 1.5, 4];
const RHO_MAX = 0.9999;
const NU_MAX = 50;

/**
 * Calibrates SABR to one expiry's implied vols with β fixed: (ρ, ν) with α from the ATM vol, or
 * all of (α, ρ, ν), by weighted least squares.
 *
 * @remarks
 * Objective: Σᵢ (wᵢ(σ_SABR(Kᵢ) − σ_mid,i))², σ_SABR by {@link sabrVolatility} with the given
 * convention, expansion and shift; wᵢ = 1/hᵢ (half-spread), vegaᵢ/max vega (Black vega
 * F̃φ(d₁)√T at the mid vol, or Bachelier vega √T·φ((F−K)/(σ√T))), or 1. Method: every (ρ, ν) of a
 * 5 × 4 grid is scored, and Levenberg–Marquardt runs from the best three over the box
 * ρ ∈ [−0.9999, 0.9999], ν ∈ [0, 50] (α ∈ (0, ∞) when free, started from the ATM α); the best end
 * point is kept. With `alpha: 'atm'` α(ρ, ν) is the smallest positive root of the ATM cubic
 * (West 2005), and a (ρ, ν) for which it has none counts as an infinite cost.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott, §3.4 (fit ρ, ν with β
 * fixed, α from σ_ATM); G. West (2005), "Calibration of the SABR model in illiquid markets",
 * Appl. Math. Finance 12(4), 371–385; Levenberg–Marquardt (src/math/optimization).
 * Checked against: recovery of the parameters from the model's own smile (fast-check, both α
 * modes, every weighting), the ATM vol reproduced to 1e-12 with `alpha: 'atm'`, and the 48 SPX
 * expiries of Gatheral's 2023-02-15 file (RMSE and inside-bid/ask shares in
 * test/termstructures/volatility/sabrSpx.test.ts and docs/models/smiles-and-surfaces.md).
 *
 * @param quotes - T, F, strikes and bid/ask(/mid) vols of one expiry (n ≥ 3).
 * @param options - β, α mode, ATM vol, weights, convention, expansion, shift, RMSE limit.
 * @returns parameters, fitted vols, residuals, RMSE in vol points and inside-bid/ask share.
 * @throws InvalidInputError when a quote or option is outside its range (naming `quotes.<field>[i]`
 *   or `options.<field>`, the value and the range).
 * @throws CalibrationError when no start point has a finite cost, or the RMSE exceeds
 *   `maxRmseVolPoints` (details: parameters, residuals, rmseVolPoints).
 * @public
 */
export function fitSabrSmile(quotes: SabrSmileQuotes, options: SabrFitOptions = {}): SabrFit {
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || !(beta >= 0 && beta <= 1)) throw InvalidInputError.outOfRange('options.beta', beta, '[0, 1]');
  const shift = options.shift ?? 0;
  checkNonNegative('options.shift', shift);
  const type = options.volatilityType ?? 'lognormal';
  const approximation = options.approximation ?? 'hagan2002';
  const alphaMode = options.alpha ?? 'atm';
  const weighting = options.weights ?? 'bidAsk';
  if (type !== 'lognormal' && type !== 'normal') throw InvalidInputError.outOfRange('options.volatilityType', type, "{'lognormal', 'normal'}");
  if (approximation !== 'hagan2002' && !(approximation === 'obloj2008' && type === 'lognormal')) {
    throw InvalidInputError.outOfRange('options.approximation', approximation, type === 'lognormal' ? "{'hagan2002', 'obloj2008'}" : "{'hagan2002'} (with volatilityType 'normal')");
  }
  if (alphaMode !== 'atm' && alphaMode !== 'free') throw InvalidInputError.outOfRange('options.alpha', alphaMode, "{'atm', 'free'}");
  if (weighting !== 'bidAsk' && weighting !== 'vega' && weighting !== 'none') throw InvalidInputError.outOfRange('options.weights', weighting, "{'bidAsk', 'vega', 'none'}");
  const maxRmse = options.maxRmseVolPoints ?? Infinity;
  if (!(maxRmse > 0)) throw InvalidInputError.outOfRange('options.maxRmseVolPoints', maxRmse, '(0, ∞]');
  const { time, forward, strikes, bid, ask, mid } = checkQuotes(quotes, shift);
  const n = strikes.length;
  const fs = forward + shift;
  const minHalfSpread = options.minHalfSpread ?? (type === 'lognormal' ? 0.0005 : 1e-6 * fs);
  checkPositive('options.minHalfSpread', minHalfSpread);

  // Weights.
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ks = (strikes[i] as number) + shift;
    const m = mid[i] as number;
    if (weighting === 'bidAsk') weight[i] = 1 / Math.max(0.5 * ((ask[i] as number) - (bid[i] as number)), minHalfSpread);
    else if (weighting === 'none') weight[i] = 1;
    else if (type === 'lognormal') {
      const sd = m * Math.sqrt(time);
      weight[i] = fs * normalPdf(Math.log(fs / ks) / sd + 0.5 * sd) * Math.sqrt(time);
    } else weight[i] = Math.sqrt(time) * normalPdf((fs - ks) / (m * Math.sqrt(time)));
  }
  if (weighting === 'vega') {
    const top = weight.reduce((a, b) => Math.max(a, b), 0);
    for (let i = 0; i < n; i++) weight[i] = (weight[i] as number) / top;
  }

  const formula = type === 'normal' ? haganNormalVol : approximation === 'obloj2008' ? oblojLognormalVol : haganLognormalVol;
  const volAt = (p: SabrParameters, i: number) => formula((strikes[i] as number) + shift, fs, time, p);
  const atmVol = options.atmVol ?? interpolateAtm(strikes, mid, forward);
  checkPositive('options.atmVol', atmVol);
  const alphaFor = (rho: number, nu: number): number => {
    try {
      return sabrAlphaFromAtmVol(atmVol, forward, time, beta, rho, nu, { volatilityType: type, shift });
    } catch (e) {
      if (e instanceof CalibrationError) return NaN;
      throw e;
    }
  };
  // x = (ρ, ν) or (α, ρ, ν).
  const toParameters = (x: Float64Array): SabrParameters =>
    alphaMode === 'atm'
      ? { alpha: alphaFor(x[0] as number, x[1] as number), beta, rho: x[0] as number, nu: x[1] as number }
      : { alpha: x[0] as number, beta, rho: x[1] as number, nu: x[2] as number };
  const residuals = (x: Float64Array, out: Float64Array): void => {
    const p = toParameters(x);
    if (!(p.alpha > 0)) {
      out.fill(NaN);
      return;
    }
    for (let i = 0; i < n; i++) out[i] = (weight[i] as number) * (volAt(p, i) - (mid[i] as number));
  };
  const cost = (x: Float64Array): number => {
    const r = new Float64Array(n);
    residuals(x, r);
    let s = 0;
    for (let i = 0; i < n; i++) s += (r[i] as number) ** 2;
    return Number.isFinite(s) ? 0.5 * s : Infinity;
  };

  // Starting grid: α from the ATM vol in both modes.
  const starts: { x: Float64Array; c: number }[] = [];
  for (const rho of RHO_STARTS) {
    for (const nu of NU_STARTS) {
      const a = alphaFor(rho, nu);
      const x = alphaMode === 'atm' ? Float64Array.of(rho, nu) : Float64Array.of(Number.isFinite(a) ? a : atmVol * Math.pow(fs, type === 'lognormal' ? 1 - beta : -beta), rho, nu);
      starts.push({ x, c: cost(x) });
    }
  }
  starts.sort((a, b) => a.c - b.c);
  if (!Number.isFinite(starts[0]?.c ?? Infinity)) {
    throw new CalibrationError(`SABR fit: no start point has a finite cost (T ${time}, F ${forward}, β ${beta}, atmVol ${atmVol})`, { atmVol, beta });
  }
  const lower = alphaMode === 'atm' ? [-RHO_MAX, 0] : [1e-300, -RHO_MAX, 0];
  const upper = alphaMode === 'atm' ? [RHO_MAX, NU_MAX] : [Infinity, RHO_MAX, NU_MAX];
  const scales = alphaMode === 'atm' ? [0.1, 0.1] : [starts[0]?.x[0] ?? 1, 0.1, 0.1];
  let best = starts[0] as { x: Float64Array; c: number };
  for (const start of starts.slice(0, 3)) {
    if (!Number.isFinite(start.c)) continue;
    const r = levenbergMarquardt(residuals, start.x, { residualCount: n, lower, upper, scales, maxIterations: 300, tolerance: 1e-14 });
    if (r.cost < best.c) best = { x: r.x, c: r.cost };
  }

  const parameters = toParameters(best.x);
  const fittedVols = new Float64Array(n);
  const diff = new Float64Array(n);
  let sq = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const v = volAt(parameters, i);
    fittedVols[i] = v;
    diff[i] = v - (mid[i] as number);
    sq += (diff[i] as number) ** 2;
    if (v >= (bid[i] as number) && v <= (ask[i] as number)) inside++;
  }
  const rmseVolPoints = 100 * Math.sqrt(sq / n);
  if (!(rmseVolPoints <= maxRmse)) {
    throw new CalibrationError(`SABR fit: RMSE ${rmseVolPoints} vol points above maxRmseVolPoints ${maxRmse} (T ${time}, F ${forward})`, { parameters, residuals: diff, rmseVolPoints });
  }
  return Object.freeze({ parameters: Object.freeze(parameters), time, forward, shift, fittedVols, residuals: diff, rmseVolPoints, insideBidAsk: inside / n, count: n });
}

/** Mid vol at K = F, linear in ln K between the bracketing strikes (the nearest quote outside their range). */
function interpolateAtm(strikes: Float64Array, mid: Float64Array, forward: number): number {
  const order = Array.from(strikes.keys()).sort((a, b) => (strikes[a] as number) - (strikes[b] as number));
  const k = (i: number) => strikes[order[i] as number] as number;
  const v = (i: number) => mid[order[i] as number] as number;
  const n = order.length;
  if (forward <= k(0)) return v(0);
  if (forward >= k(n - 1)) return v(n - 1);
  let j = 1;
  while (k(j) < forward) j++;
  const k0 = k(j - 1);
  const k1 = k(j);
  if (k1 === k0) return v(j);
  const w = Math.log(forward / k0) / Math.log(k1 / k0);
  return (1 - w) * v(j - 1) + w * v(j);
}

function checkQuotes(quotes: SabrSmileQuotes, shift: number): { time: number; forward: number; strikes: Float64Array; bid: ArrayLike<number>; ask: ArrayLike<number>; mid: Float64Array } {
  if (typeof quotes !== 'object' || quotes === null) throw InvalidInputError.outOfRange('quotes', quotes, 'an object { time, forward, strikes, bidVols, askVols }');
  checkPositive('quotes.time', quotes.time);
  checkFinite('quotes.forward', quotes.forward);
  if (!(quotes.forward + shift > 0)) throw InvalidInputError.outOfRange('quotes.forward', quotes.forward, `(${-shift}, ∞) (forward + shift > 0)`);
  const n = quotes.strikes?.length ?? 0;
  if (!(n >= 3)) throw InvalidInputError.outOfRange('quotes.strikes.length', n, '[3, ∞) (three SABR parameters)');
  for (const key of ['bidVols', 'askVols', 'midVols'] as const) {
    const col = quotes[key];
    if (col === undefined && key === 'midVols') continue;
    if (col?.length !== n) throw InvalidInputError.outOfRange(`quotes.${key}.length`, col?.length, `{${n}} (quotes.strikes.length)`);
  }
  const strikes = Float64Array.from(quotes.strikes);
  const mid = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const strike = strikes[i] as number;
    const b = quotes.bidVols[i] as number;
    const a = quotes.askVols[i] as number;
    if (!(strike + shift > 0) || !Number.isFinite(strike)) throw InvalidInputError.outOfRange(`quotes.strikes[${i}]`, strike, `(${-shift}, ∞) (strike + shift > 0)`);
    if (!(b > 0) || !Number.isFinite(b)) throw InvalidInputError.outOfRange(`quotes.bidVols[${i}]`, b, '(0, ∞)');
    if (!(a >= b) || !Number.isFinite(a)) throw InvalidInputError.outOfRange(`quotes.askVols[${i}]`, a, `[${b}, ∞) (at least the bid vol)`);
    const m = quotes.midVols === undefined ? 0.5 * (b + a) : (quotes.midVols[i] as number);
    if (!(m > 0) || !Number.isFinite(m)) throw InvalidInputError.outOfRange(`quotes.midVols[${i}]`, m, '(0, ∞)');
    mid[i] = m;
  }
  return { time: quotes.time, forward: quotes.forward, strikes, bid: quotes.bidVols, ask: quotes.askVols, mid };
}
