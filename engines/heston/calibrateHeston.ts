import { CalibrationError, InvalidInputError } from '../../src/errors.js';
import { impliedBlackVolatilityBatch } from '../../src/kernels/impliedVol.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { differentialEvolution } from '../../src/math/optimization/differentialEvolution.js';
import { levenbergMarquardt } from '../../src/math/optimization/levenbergMarquardt.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import { checkHestonParameters } from '../../src/processes/_lib/checkHestonParameters.js';
import { cosHestonBatch, type CosHestonOptions } from './cosHestonBatch.js';
import { cosHestonPutGradient } from './_lib/cosHestonGradient.js';

/**
 * One maturity of a Heston calibration target: strikes with market implied vols or prices.
 * @public
 */
export interface HestonCalibrationSlice {
  /** Time to maturity T, years, > 0. */
  readonly time: number;
  /** Forward F to T, price units, > 0. */
  readonly forward: number;
  /** Discount factor D to T, in (0, ∞); default 1. */
  readonly discount?: number;
  /** Strikes K, length m ≥ 1, price units, each > 0. */
  readonly strikes: ArrayLike<number>;
  /** Black-76 implied vols (decimals, > 0), length m. Give exactly one of `vols` and `prices`. */
  readonly vols?: ArrayLike<number>;
  /**
   * Out-of-the-money prices, discounted (price units, > 0), length m: the put for K < F, the
   * call for K ≥ F. Give exactly one of `vols` and `prices`.
   */
  readonly prices?: ArrayLike<number>;
  /** Bid/ask implied-vol spreads (decimals, > 0), length m, for `weighting: 'spread'`. */
  readonly spreads?: ArrayLike<number>;
}

/**
 * Options of {@link calibrateHeston}.
 * @public
 */
export interface HestonCalibrationOptions {
  /** Starting point; default v0 = θ = (ATM vol of the first slice)², κ = 2, σ = 0.5, ρ = −0.5. */
  readonly initial?: HestonParameters;
  /**
   * Residual weights: `'vega'` (default) divides each price error by the Black vega at the
   * market vol, so residuals are vol errors to first order; `'spread'` divides the vega-weighted
   * residual by the slice's `spreads` (bid/ask vol spreads, decimals; the residual then counts spreads);
   * `'price'` uses raw price errors.
   */
  readonly weighting?: 'vega' | 'spread' | 'price';
  /**
   * The Jacobian: `'analytic'` (default) — the parameter derivatives of the characteristic
   * function (Cui, del Baño Rollin & Germano 2017) integrated by the same COS expansion as the
   * price, range and N held fixed; `'finite-difference'` — forward differences of COS prices.
   */
  readonly jacobian?: 'analytic' | 'finite-difference';
  /**
   * A global seed before Levenberg–Marquardt: differential evolution (DE/rand/1/bin, Storn & Price
   * 1997) on the same weighted cost over the parameter box, the starting point among its members;
   * LM then starts from the best member. Off by default. `populationSize` default 25, `generations`
   * default 20 (so ≈ 525 surface pricings), `seed` default 42 (the same seed, the same fit).
   */
  readonly globalSeed?: { readonly populationSize?: number; readonly generations?: number; readonly seed?: number };
  /** Largest number of LM iterations (accepted or rejected steps); default 200. */
  readonly maxIterations?: number;
  /** Relative cost drop below which LM stops; default 1e-10. */
  readonly tolerance?: number;
  /** Largest acceptable RMSE of implied vols, decimals (0.01 = 1 vol point); default 0.05. */
  readonly maxVolRmse?: number;
  /**
   * COS options of the pricing ({@link cosHestonBatch}); default its own (N automatic, L = 40).
   * L = 12 is 3–4× faster but biased for strongly Feller-violating fits: on SPX 2023-02-15
   * (σ ≈ 2) it moved the calibrated vol RMSE from 3.3 to 5.1 vol points.
   */
  readonly cos?: CosHestonOptions;
}

/**
 * Result of {@link calibrateHeston}.
 * @public
 */
export interface HestonCalibrationResult {
  /** The calibrated v0, κ, θ, σ, ρ. */
  readonly parameters: HestonParameters;
  /** Root mean square of (model − market) OTM prices, price units. */
  readonly priceRmse: number;
  /** Root mean square of (model − market) implied vols, decimals (× 100 for vol points). */
  readonly volRmse: number;
  /** Model − market implied vols per quote, slice by slice in input order, decimals. */
  readonly volResiduals: Float64Array;
  /** Model − market OTM prices per quote, same order, price units. */
  readonly priceResiduals: Float64Array;
  /** LM iterations used (accepted and rejected steps). */
  readonly iterations: number;
  /** Wall time of the calibration, milliseconds. */
  readonly timeMs: number;
}

const LOWER = Float64Array.of(1e-6, 1e-3, 1e-6, 1e-3, -0.999);
const UPPER = Float64Array.of(4, 50, 4, 10, 0.999);

/**
 * Calibrates the five Heston parameters (v0, κ, θ, σ, ρ) to a surface of option quotes by
 * Levenberg–Marquardt over COS prices.
 *
 * @remarks
 * Quotes are priced in forward units: with k = K/F, the OTM price is D·F·p(k, T), p the
 * undiscounted Heston price of a unit forward, so one {@link cosHestonBatch} call (spot 1,
 * r = q = 0, strike axis the union of all k, maturity axis the slices' T) prices the whole
 * surface per residual evaluation, whatever the strikes of each slice. The residual of a quote
 * is w·(model − market) on the OTM price (put for K < F, call for K ≥ F) with w = 1/vega (Black,
 * at the market vol; for price targets the vol is implied first) — a vol error to first order —
 * or 1/(vega·spread), or 1. LM (the internal `levenbergMarquardt`, Marquardt scaling, box
 * v0, θ ∈ [1e-6, 4], κ ∈ [1e-3, 50], σ ∈ [1e-3, 10], ρ ∈ [−0.999, 0.999]) minimises ½‖r‖².
 * The Feller condition is not imposed.
 * The Jacobian (default `'analytic'`) differentiates the characteristic function with respect
 * to the five parameters (the analytic gradient of Cui, del Baño Rollin & Germano 2017, here
 * written out by the chain rule on the little-trap form) and integrates φ·∂ψ/∂p by the same
 * cosine expansion as the price, the truncation range and N held at the current parameters;
 * `'finite-difference'` takes forward differences of the COS prices instead.
 * At the end the model prices are inverted to Black vols ({@link impliedBlackVolatilityBatch})
 * for the vol RMSE.
 * Source: Y. Cui, S. del Baño Rollin, G. Germano (2017), "Full and fast calibration of the
 * Heston stochastic volatility model", Eur. J. Oper. Res. 263(2), 625–638 (the problem, LM
 * with the analytic gradient of the characteristic function; the box here is this library's
 * choice); Fang & Oosterlee (2008) for the COS prices.
 * Checked against: recovery of known parameters from their own COS prices (a Feller-satisfying
 * and a Feller-violating set, both Jacobians), CalibrationError on impossible targets
 * (test/engines/heston/calibrateHeston.test.ts); the gradient against central differences
 * (hestonCfGradient.test.ts); SPX 2023-02-15 (calibrateHestonSpx.test.ts).
 *
 * @param slices - maturities, each with T (years), F, D, strikes and vols or OTM prices.
 * @param options - start, weighting, budget, tolerance, RMSE threshold, COS options.
 * @returns parameters, price and vol RMSE, residuals, iterations and time.
 * @throws InvalidInputError when a slice or option is out of range (the message names it).
 * @throws CalibrationError when the fit ends with a non-finite cost, uses its whole iteration
 * budget (no convergence), or its vol RMSE exceeds `maxVolRmse`; details carry the parameters,
 * RMSEs and vol residuals.
 * @public
 */
export function calibrateHeston(slices: readonly HestonCalibrationSlice[], options: HestonCalibrationOptions = {}): HestonCalibrationResult {
  const start = performance.now();
  const nT = slices.length;
  if (!(nT >= 1)) throw InvalidInputError.outOfRange('slices.length', nT, '[1, ∞)');
  const weighting = options.weighting ?? 'vega';
  if (weighting !== 'vega' && weighting !== 'spread' && weighting !== 'price') throw InvalidInputError.outOfRange('options.weighting', weighting, "'vega', 'spread' or 'price'");
  const maxIterations = options.maxIterations ?? 200;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw InvalidInputError.outOfRange('options.maxIterations', maxIterations, 'integers in [1, ∞)');
  const tolerance = options.tolerance ?? 1e-10;
  if (!(tolerance > 0)) throw InvalidInputError.outOfRange('options.tolerance', tolerance, '(0, ∞)');
  const maxVolRmse = options.maxVolRmse ?? 0.05;
  if (!(maxVolRmse > 0)) throw InvalidInputError.outOfRange('options.maxVolRmse', maxVolRmse, '(0, ∞)');
  const cosOptions: CosHestonOptions = { ...options.cos };
  const jacobianKind = options.jacobian ?? 'analytic';
  if (jacobianKind !== 'analytic' && jacobianKind !== 'finite-difference') throw InvalidInputError.outOfRange('options.jacobian', jacobianKind, "'analytic' or 'finite-difference'");

  // Flatten the quotes.
  let count = 0;
  for (const s of slices) count += s.strikes.length;
  const sliceOf = new Int32Array(count);
  const kOf = new Float64Array(count); // K/F
  const scale = new Float64Array(count); // D·F
  const isCall = new Uint8Array(count);
  const marketPrice = new Float64Array(count);
  const marketVol = new Float64Array(count);
  const weight = new Float64Array(count);
  const T = new Float64Array(nT);
  const fwd = new Float64Array(count);
  const strikeAll = new Float64Array(count);
  const disc = new Float64Array(count);
  const timeAll = new Float64Array(count);
  let q = 0;
  slices.forEach((s, j) => {
    const t = s.time;
    const F = s.forward;
    const D = s.discount ?? 1;
    if (!(t > 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange(`slices[${j}].time`, t, '(0, ∞)');
    if (!(F > 0) || !Number.isFinite(F)) throw InvalidInputError.outOfRange(`slices[${j}].forward`, F, '(0, ∞)');
    if (!(D > 0) || !Number.isFinite(D)) throw InvalidInputError.outOfRange(`slices[${j}].discount`, D, '(0, ∞)');
    const m = s.strikes.length;
    if (!(m >= 1)) throw InvalidInputError.outOfRange(`slices[${j}].strikes.length`, m, '[1, ∞)');
    if ((s.vols === undefined) === (s.prices === undefined)) throw InvalidInputError.outOfRange(`slices[${j}].vols`, s.vols, 'exactly one of vols and prices');
    const target = (s.vols ?? s.prices) as ArrayLike<number>;
    if (target.length !== m) throw InvalidInputError.outOfRange(`slices[${j}].${s.vols ? 'vols' : 'prices'}.length`, target.length, `{${m}} (strikes.length)`);
    if (weighting === 'spread' && (s.spreads === undefined || s.spreads.length !== m)) throw InvalidInputError.outOfRange(`slices[${j}].spreads.length`, s.spreads?.length, `{${m}} (weighting 'spread')`);
    T[j] = t;
    for (let i = 0; i < m; i++, q++) {
      const K = s.strikes[i]!;
      if (!(K > 0) || !Number.isFinite(K)) throw InvalidInputError.outOfRange(`slices[${j}].strikes[${i}]`, K, '(0, ∞)');
      const v = target[i]!;
      if (!(v > 0) || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`slices[${j}].${s.vols ? 'vols' : 'prices'}[${i}]`, v, '(0, ∞)');
      sliceOf[q] = j;
      kOf[q] = K / F;
      scale[q] = D * F;
      isCall[q] = K >= F ? 1 : 0;
      fwd[q] = F;
      strikeAll[q] = K;
      disc[q] = D;
      timeAll[q] = t;
      if (s.vols) {
        marketVol[q] = v;
        marketPrice[q] = scale[q]! * black(kOf[q]!, v * Math.sqrt(t), isCall[q] === 1).price;
      } else {
        marketPrice[q] = v;
      }
    }
  });
  if (slices.some((s) => s.prices !== undefined)) {
    const implied = impliedBlackVolatilityBatch({ prices: marketPrice, forwards: fwd, strikes: strikeAll, expiries: timeAll, discounts: disc, optionTypes: Float64Array.from(isCall, (c) => (c ? 1 : -1)) });
    for (let i = 0; i < count; i++) if (slices[sliceOf[i]!]!.prices !== undefined) marketVol[i] = implied[i]!;
  }
  for (let i = 0; i < count; i++) {
    if (weighting === 'price') {
      weight[i] = 1;
      continue;
    }
    const vega = scale[i]! * black(kOf[i]!, marketVol[i]! * Math.sqrt(timeAll[i]!), isCall[i] === 1).vega * Math.sqrt(timeAll[i]!);
    if (!(vega > 0) || !Number.isFinite(vega)) throw InvalidInputError.outOfRange(`quote ${i} (slice ${sliceOf[i]}) vega`, vega, '(0, ∞): a quote too far out of the money to weight');
    weight[i] = 1 / vega;
    if (weighting === 'spread') {
      const s = slices[sliceOf[i]!]!;
      const local = i - firstIndex(slices, sliceOf[i]!);
      const spread = s.spreads![local]!;
      if (!(spread > 0)) throw InvalidInputError.outOfRange(`slices[${sliceOf[i]}].spreads[${local}]`, spread, '(0, ∞)');
      weight[i] = 1 / (vega * spread);
    }
  }

  // Strike axis: the sorted union of K/F; index of each quote on it.
  const axis = Float64Array.from(new Set(kOf)).sort();
  const axisIndex = new Int32Array(count);
  for (let i = 0; i < count; i++) axisIndex[i] = binarySearch(axis, kOf[i]!);
  const mAxis = axis.length;

  const modelPrices = (x: ArrayLike<number>, out: Float64Array): void => {
    const params = { v0: x[0]!, kappa: x[1]!, theta: x[2]!, sigma: x[3]!, rho: x[4]! };
    const { calls, puts } = cosHestonBatch({ spot: 1, strikes: axis, expiries: T, riskFreeRates: 0, dividendYields: 0, params }, cosOptions);
    for (let i = 0; i < count; i++) {
      const idx = sliceOf[i]! * mAxis + axisIndex[i]!;
      out[i] = scale[i]! * (isCall[i] ? calls[idx]! : puts[idx]!);
    }
  };
  const priceBuffer = new Float64Array(count);
  const residuals = (x: Float64Array, out: Float64Array): void => {
    modelPrices(x, priceBuffer);
    for (let i = 0; i < count; i++) out[i] = weight[i]! * (priceBuffer[i]! - marketPrice[i]!);
  };

  const jacobian = (x: Float64Array, out: Float64Array): void => {
    const params = { v0: x[0]!, kappa: x[1]!, theta: x[2]!, sigma: x[3]!, rho: x[4]! };
    const grad = cosHestonPutGradient(axis, T, params, cosOptions.truncation ?? 40, cosOptions.terms ?? 'auto', cosOptions.backend ?? 'auto');
    const block = nT * mAxis;
    for (let i = 0; i < count; i++) {
      const idx = sliceOf[i]! * mAxis + axisIndex[i]!;
      for (let p = 0; p < 5; p++) out[i * 5 + p] = weight[i]! * scale[i]! * grad[p * block + idx]!;
    }
  };

  const atm = marketVol[0]!;
  const init = options.initial ? checkHestonParameters(options.initial) : { v0: atm * atm, kappa: 2, theta: atm * atm, sigma: 0.5, rho: -0.5 };
  const x0 = Float64Array.of(init.v0, init.kappa, init.theta, init.sigma, init.rho);
  for (let p = 0; p < 5; p++) x0[p] = Math.min(Math.max(x0[p]!, LOWER[p]!), UPPER[p]!);
  if (options.globalSeed !== undefined) {
    const r = new Float64Array(count);
    const cost = (x: Float64Array): number => {
      residuals(x, r);
      return 0.5 * r.reduce((a, v) => a + v * v, 0);
    };
    const seeded = differentialEvolution(cost, { lower: LOWER, upper: UPPER, populationSize: options.globalSeed.populationSize ?? 25, generations: options.globalSeed.generations ?? 20, seed: options.globalSeed.seed ?? 42, include: [x0] });
    x0.set(seeded.x);
  }
  const fit = levenbergMarquardt(residuals, x0, { residualCount: count, lower: LOWER, upper: UPPER, scales: Float64Array.of(0.01, 0.1, 0.01, 0.1, 0.1), maxIterations, tolerance, ...(jacobianKind === 'analytic' ? { jacobian } : {}) });
  const x = fit.x;
  const parameters: HestonParameters = Object.freeze({ v0: x[0]!, kappa: x[1]!, theta: x[2]!, sigma: x[3]!, rho: x[4]! });

  const finalPrices = new Float64Array(count);
  modelPrices(x, finalPrices);
  const priceResiduals = finalPrices.map((p, i) => p - marketPrice[i]!);
  // Prices at or below 0 (COS noise in deep wings) cannot be inverted: floor at a tiny time value.
  const floored = finalPrices.map((p, i) => Math.max(p, 1e-14 * scale[i]!));
  const modelVols = impliedBlackVolatilityBatch({ prices: floored, forwards: fwd, strikes: strikeAll, expiries: timeAll, discounts: disc, optionTypes: Float64Array.from(isCall, (c) => (c ? 1 : -1)) });
  const volResiduals = modelVols.map((v, i) => v - marketVol[i]!);
  const rms = (a: Float64Array): number => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
  const priceRmse = rms(priceResiduals);
  const volRmse = rms(volResiduals);
  const result: HestonCalibrationResult = { parameters, priceRmse, volRmse, volResiduals, priceResiduals, iterations: fit.iterations, timeMs: performance.now() - start };
  const details = { parameters, priceRmse, volRmse, iterations: fit.iterations, volResiduals: Array.from(volResiduals) };
  if (!Number.isFinite(fit.cost) || !Number.isFinite(volRmse)) throw new CalibrationError('calibrateHeston: the fit ended with a non-finite cost', details);
  if (fit.iterations >= maxIterations) throw new CalibrationError(`calibrateHeston: no convergence in ${maxIterations} iterations (vol RMSE ${volRmse})`, details);
  if (volRmse > maxVolRmse) throw new CalibrationError(`calibrateHeston: vol RMSE ${volRmse} above maxVolRmse ${maxVolRmse}`, details);
  return result;
}

/** Undiscounted Black price of a unit forward at strike k, total std dev s, and ∂price/∂s. */
function black(k: number, s: number, call: boolean): { price: number; vega: number } {
  const d1 = -Math.log(k) / s + s / 2;
  const d2 = d1 - s;
  const price = call ? normalCdf(d1) - k * normalCdf(d2) : k * normalCdf(-d2) - normalCdf(-d1);
  return { price, vega: Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI) };
}

function firstIndex(slices: readonly HestonCalibrationSlice[], j: number): number {
  let s = 0;
  for (let i = 0; i < j; i++) s += slices[i]!.strikes.length;
  return s;
}

function binarySearch(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
