import { CalibrationError, InvalidInputError } from '../../src/errors.js';
import { impliedBlackVolatilityBatch } from '../../src/kernels/impliedVol.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';
import { levenbergMarquardt } from '../../src/math/optimization/levenbergMarquardt.js';
import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';
import type { HestonCalibrationSlice } from '../heston/calibrateHeston.js';
import { cosRoughHestonBatch, type RoughHestonFourierOptions } from './cosRoughHestonBatch.js';

/**
 * Result of {@link calibrateRoughHeston}.
 * @public
 */
export interface RoughHestonCalibrationResult {
  /** The fitted parameters. */
  readonly parameters: RoughHestonParameters;
  /** Root-mean-square of model − market implied vols over all quotes (0.01 = one vol point). */
  readonly volRmse: number;
  /** Model − market implied vol per quote, slice by slice. */
  readonly volResiduals: Float64Array;
  /** Levenberg–Marquardt iterations. */
  readonly iterations: number;
  /** Wall time, milliseconds. */
  readonly timeMs: number;
}

/**
 * Fits the six rough Heston parameters to slices of implied vols by Levenberg–Marquardt, each
 * evaluation one {@link cosRoughHestonBatch} over the whole surface.
 *
 * @remarks
 * As `calibrateHeston` (vega weighting): the residual of a quote is (model − market) OTM price /
 * Black vega at the market vol, in forward units (spot 1, strikes K/F, zero rates; prices times
 * D·F), so residuals are vol errors to first order. Box: v0, θ ∈ [1e-4, 1], κ ∈ [0, 10],
 * σ ∈ [0.01, 5], ρ ∈ [−0.99, 0.99], H ∈ [0.01, 0.5]; forward-difference Jacobian (the internal
 * `levenbergMarquardt`). The slices share the union of their strikes (in K/F) on one batch call, so
 * keep the strike sets small. The final vols are the inverted model prices.
 * Source: El Euch & Rosenbaum (2019); Levenberg (1944), Marquardt (1963).
 * Checked against: `bench/roughHestonCalibration.ts` on the SPX surface (figures in
 * docs/models/rough-heston.md).
 * @param slices - per maturity: time (years, ascending, distinct), forward, discount (default 1),
 *   strikes, market vols.
 * @param options - initial parameters, iteration budget, and the pricing options (route, Adams, COS).
 * @returns parameters, vol RMSE and residuals, iterations, time.
 * @throws InvalidInputError when a slice is malformed (named).
 * @throws CalibrationError when the fit ends with a non-finite cost.
 * @public
 */
export function calibrateRoughHeston(
  slices: readonly HestonCalibrationSlice[],
  options: { readonly initial?: RoughHestonParameters; readonly maxIterations?: number; readonly pricing?: RoughHestonFourierOptions } = {},
): RoughHestonCalibrationResult {
  const start = performance.now();
  if (!(slices.length >= 1)) throw InvalidInputError.outOfRange('slices.length', slices.length, '[1, ∞)');
  const times = slices.map((s) => s.time);
  for (let j = 0; j < times.length; j++) if (!(times[j]! > 0) || (j > 0 && !(times[j]! > times[j - 1]!))) throw InvalidInputError.outOfRange(`slices[${j}].time`, times[j], '(0, ∞), ascending');
  const moneyness = [...new Set(slices.flatMap((s) => Array.from(s.strikes, (k) => k / s.forward)))].sort((a, b) => a - b);
  const quotes: { j: number; col: number; x: number; vol: number; call: boolean; market: number; vega: number }[] = [];
  slices.forEach((s, j) => {
    if (s.vols === undefined || s.vols.length !== s.strikes.length) throw InvalidInputError.outOfRange(`slices[${j}].vols.length`, s.vols?.length, `{${s.strikes.length}}`);
    for (let i = 0; i < s.strikes.length; i++) {
      const x = s.strikes[i]! / s.forward;
      const vol = s.vols[i]!;
      const sd = vol * Math.sqrt(s.time);
      const d1 = -Math.log(x) / sd + 0.5 * sd;
      const call = x >= 1;
      const market = call ? normalCdf(d1) - x * normalCdf(d1 - sd) : x * normalCdf(-(d1 - sd)) - normalCdf(-d1);
      quotes.push({ j, col: moneyness.indexOf(x), x, vol, call, market, vega: normalPdf(d1) * Math.sqrt(s.time) });
    }
  });
  const price = (p: RoughHestonParameters) => cosRoughHestonBatch({ spot: 1, strikes: moneyness, expiries: times, riskFreeRates: 0, dividendYields: 0, params: p }, options.pricing);
  const toParams = (x: Float64Array): RoughHestonParameters => ({ v0: x[0]!, kappa: x[1]!, theta: x[2]!, sigma: x[3]!, rho: x[4]!, hurst: x[5]! });
  const m = moneyness.length;
  const init = options.initial ?? { v0: 0.03, kappa: 1, theta: 0.05, sigma: 0.5, rho: -0.7, hurst: 0.1 };
  const fit = levenbergMarquardt(
    (x, out) => {
      const { calls, puts } = price(toParams(x));
      quotes.forEach((q, k) => {
        const model = q.call ? calls[q.j * m + q.col]! : puts[q.j * m + q.col]!;
        out[k] = (model - q.market) / q.vega;
      });
    },
    [init.v0, init.kappa, init.theta, init.sigma, init.rho, init.hurst],
    { residualCount: quotes.length, lower: [1e-4, 0, 1e-4, 0.01, -0.99, 0.01], upper: [1, 10, 1, 5, 0.99, 0.5], maxIterations: options.maxIterations ?? 40, tolerance: 1e-10 },
  );
  const parameters = toParams(fit.x);
  const { calls, puts } = price(parameters);
  const prices = Float64Array.from(quotes, (q) => Math.max(q.call ? calls[q.j * m + q.col]! : puts[q.j * m + q.col]!, 1e-16));
  const vols = impliedBlackVolatilityBatch({
    prices,
    forwards: 1,
    strikes: Float64Array.from(quotes, (q) => q.x),
    expiries: Float64Array.from(quotes, (q) => times[q.j]!),
    optionTypes: Float64Array.from(quotes, (q) => (q.call ? 1 : -1)),
  });
  const volResiduals = Float64Array.from(quotes, (q, k) => vols[k]! - q.vol);
  const volRmse = Math.sqrt(volResiduals.reduce((a, r) => a + r * r, 0) / volResiduals.length);
  if (!Number.isFinite(fit.cost) || !Number.isFinite(volRmse)) throw new CalibrationError('calibrateRoughHeston: the fit ended with a non-finite cost', { parameters, volRmse });
  return { parameters, volRmse, volResiduals, iterations: fit.iterations, timeMs: performance.now() - start };
}
