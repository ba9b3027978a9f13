import { CalibrationError, InvalidInputError } from '../../src/errors.js';
import { levenbergMarquardt } from '../../src/math/optimization/levenbergMarquardt.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { OptionType } from '../../instruments/OptionType.js';
import { SettlementType } from '../../instruments/SettlementType.js';
import { Swaption } from '../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaImpliedVol } from '../blackscholes/formulas/bachelierBlackFormulaImpliedVol.js';
import { blackFormula } from '../blackscholes/formulas/blackFormula.js';
import { blackFormulaImpliedStdDev } from '../blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { swaptionMarketInputs } from '../swaption/_lib/swaptionMarketInputs.js';
import { hullWhiteStateVariance } from '../../src/models/_lib/hullWhiteFactors.js';
import { hullWhiteSwaptionFlows } from './_lib/hullWhiteSwaptionFlows.js';
import { jamshidianPrice, type JamshidianInputs } from './_lib/jamshidianPrice.js';

/**
 * One calibration instrument: a European swaption with its market volatility.
 * @public
 */
export interface HullWhiteSwaptionQuote {
  /** The swaption (European, physical), e.g. from `makeAtmSwaption`. */
  readonly swaption: Swaption;
  /** Market vol: Black (decimal, 0.2 = 20 %) or normal (absolute decimal, 0.01 = 100 bp); > 0. */
  readonly volatility: number;
  /** `'normal'` (Bachelier) or `'black'` (lognormal, shifted by `displacement`). */
  readonly volatilityType: 'normal' | 'black';
  /** Shift of the lognormal model, decimal ≥ 0; default 0. */
  readonly displacement?: number;
}

/**
 * Options of {@link calibrateHullWhite}.
 * @public
 */
export interface HullWhiteCalibrationOptions {
  /**
   * Starting point; default the model's current parameters. `sigma` starts every piece of a
   * piecewise σ; `sigmas` gives one value per piece.
   */
  readonly initial?: { readonly a: number; readonly sigma?: number; readonly sigmas?: readonly number[] };
  /** Keep a fixed at this value and calibrate σ only. */
  readonly fixedA?: number;
  /**
   * Residual per swaption: `'relativePrice'` (model/market − 1, QuantLib's default),
   * `'price'` (model − market, per unit nominal) or `'impliedVol'` (model implied vol − market
   * vol in the quote's own convention); default `'relativePrice'`.
   */
  readonly errorType?: 'relativePrice' | 'price' | 'impliedVol';
  /** Curve the market prices are discounted on; default the model's. */
  readonly discountCurve?: Handle<YieldTermStructure>;
  /** Day counter of the vols' exercise times from the evaluation date; default Actual/365F. */
  readonly volDayCounter?: DayCounter;
  /** Bounds on a; default [1e-6, 2]. */
  readonly aBounds?: readonly [number, number];
  /** Bounds on σ; default [1e-6, 0.5]. */
  readonly sigmaBounds?: readonly [number, number];
  /** Largest RMSE of the implied-vol errors accepted (quote units); default ∞ (no check). */
  readonly maxVolRmse?: number;
  /** Levenberg–Marquardt iteration budget; default 200. */
  readonly maxIterations?: number;
}

/**
 * Result of {@link calibrateHullWhite}.
 * @public
 */
export interface HullWhiteCalibrationResult {
  /** Calibrated mean reversion a, per year. */
  readonly a: number;
  /** Calibrated σ, absolute per √year (the first piece of a piecewise σ). */
  readonly sigma: number;
  /** Calibrated σ per piece (one value for a constant σ). */
  readonly sigmas: readonly number[];
  /** Residuals at the optimum, in `errorType` units; length = quotes. */
  readonly residuals: Float64Array;
  /** Market prices (per the swaptions' nominals). */
  readonly marketPrices: Float64Array;
  /** Model (Jamshidian) prices at the optimum. */
  readonly modelPrices: Float64Array;
  /** The model prices' implied vols, in each quote's convention. */
  readonly modelVols: Float64Array;
  /** √(mean of (model vol − market vol)²), quote units (normal: absolute decimal; ×1e4 for bp). */
  readonly volRmse: number;
  /** Levenberg–Marquardt iterations used. */
  readonly iterations: number;
}

/**
 * Calibrates a Hull–White model's a and σ to European swaption volatilities by Levenberg–Marquardt
 * on Jamshidian prices, and sets them on the model.
 *
 * @remarks
 * Market prices come from the quotes by Bachelier or (shifted) Black-76 on the forward swap rate
 * and annuity of the discount curve (as `BachelierSwaptionEngine` / `BlackSwaptionEngine`);
 * model prices by Jamshidian's decomposition (as `JamshidianSwaptionEngine`), whose coupon-bond
 * data are computed once. Minimises ½Σ r_i² over a and σ in their bounds (or σ alone with
 * `fixedA`). Any selection of a matrix works — co-terminal (expiry + tenor fixed: prices a
 * Bermudan's European components), diagonal or full: pass the swaptions wanted (see
 * `selectSwaptionMatrix`). A model with a piecewise-constant σ (`sigmaTimes`) calibrates every
 * piece (with a co-terminal set and one piece per expiry, σ_k fits the k-th swaption).
 * Source: QuantLib `CalibratedModel::calibrate` with `SwaptionHelper` (relative price errors);
 * Brigo & Mercurio (2006) §3.3.2; Levenberg (1944), Marquardt (1963).
 * Checked against: QuantLib 1.29 `testCachedHullWhite` (a = 0.0463679, σ = 0.00579831 with
 * indexed coupons; a = 0.0464041, σ = 0.00579912 at par) to 1e-5 absolute
 * (`test/engines/hullwhite/calibrateHullWhite.test.ts`); recovery of known parameters from
 * model-generated vols.
 *
 * @param model - the model to calibrate (a and σ are set on success; observers notified).
 * @param quotes - European physical swaptions with their vols, at least as many as the free
 * parameters (a, if free, plus one per σ piece).
 * @param options - see {@link HullWhiteCalibrationOptions}.
 * @returns the parameters, residuals, prices, implied vols and the vol RMSE.
 * @throws InvalidInputError for a bad model, too few quotes, a non-European or cash-settled
 * swaption, a non-positive vol, or bad bounds.
 * @throws CalibrationError (details: `residuals`, `a`, `sigmas`, `volRmse`) when the optimum is not
 * finite or its vol RMSE exceeds `maxVolRmse`; the model is left unchanged then.
 * @public
 */
export function calibrateHullWhite(model: HullWhite, quotes: readonly HullWhiteSwaptionQuote[], options: HullWhiteCalibrationOptions = {}): HullWhiteCalibrationResult {
  if (!(model instanceof HullWhite)) throw InvalidInputError.outOfRange('model', model, 'a HullWhite');
  const freeA = options.fixedA === undefined;
  const sigmaTimes = model.sigmaTimes;
  const nSigma = sigmaTimes.length + 1;
  const nFree = nSigma + (freeA ? 1 : 0);
  if (!(quotes.length >= nFree)) throw InvalidInputError.outOfRange('quotes.length', quotes.length, `[${nFree}, ∞) (free parameters)`);
  const curve = model.curve();
  const marketCurve = (options.discountCurve ?? model.termStructure).currentLink();
  const volDc = options.volDayCounter ?? new Actual365Fixed();
  const errorType = options.errorType ?? 'relativePrice';
  const m = quotes.length;
  const market = new Float64Array(m);
  const instruments = quotes.map((q, i) => {
    if (!(q.swaption instanceof Swaption)) throw InvalidInputError.outOfRange(`quotes[${i}].swaption`, q.swaption, 'a Swaption');
    if (!(q.volatility > 0) || !Number.isFinite(q.volatility)) throw InvalidInputError.outOfRange(`quotes[${i}].volatility`, q.volatility, '(0, ∞)');
    if (q.volatilityType !== 'normal' && q.volatilityType !== 'black') throw InvalidInputError.outOfRange(`quotes[${i}].volatilityType`, q.volatilityType, "{'normal', 'black'}");
    const args = q.swaption.arguments();
    if (args.exerciseType !== ExerciseType.European || args.settlementType !== SettlementType.Physical) {
      throw InvalidInputError.outOfRange(`quotes[${i}].swaption`, `${args.exerciseType}/${args.settlementType}`, 'European, physically settled');
    }
    const mi = swaptionMarketInputs(args, marketCurve, volDc);
    const type = (args.type as number) === 1 ? OptionType.Call : OptionType.Put;
    const d = q.displacement ?? 0;
    const stdDev = q.volatility * Math.sqrt(mi.exerciseTime);
    market[i] = q.volatilityType === 'normal' ? bachelierBlackFormula(type, args.fixedRate, mi.forward, stdDev, mi.annuity) : blackFormula(type, args.fixedRate, mi.forward, stdDev, mi.annuity, d);
    const flows = hullWhiteSwaptionFlows(args, curve);
    flows.amounts.forEach((c, k) => {
      if (!(c >= 0)) throw InvalidInputError.outOfRange(`quotes[${i}] bond amount ${k}`, c, '[0, ∞)');
    });
    const inputs: JamshidianInputs = {
      exerciseTime: flows.exerciseTime, valueTime: flows.valueTime, valueDiscount: curve.discount(flows.valueTime, true),
      times: flows.times, amounts: flows.amounts, discounts: flows.times.map((t) => curve.discount(t, true)), nominal: args.nominal, type: args.type as number,
    };
    const impliedVol = (price: number): number => {
      try {
        if (q.volatilityType === 'normal') return bachelierBlackFormulaImpliedVol(type, args.fixedRate, mi.forward, mi.exerciseTime, price / mi.annuity);
        return blackFormulaImpliedStdDev(type, args.fixedRate, mi.forward, price / mi.annuity, 1, d) / Math.sqrt(mi.exerciseTime);
      } catch {
        return Number.NaN;
      }
    };
    return { inputs, impliedVol, vol: q.volatility };
  });
  const aBounds = options.aBounds ?? [1e-6, 2];
  const sigmaBounds = options.sigmaBounds ?? [1e-6, 0.5];
  if (!(aBounds[0] < aBounds[1]) || !(sigmaBounds[0] > 0 && sigmaBounds[0] < sigmaBounds[1])) {
    throw InvalidInputError.outOfRange('options.aBounds/sigmaBounds', `${aBounds}/${sigmaBounds}`, 'increasing pairs, σ bounds > 0');
  }
  const a0 = options.fixedA ?? options.initial?.a ?? model.a;
  const s0 = options.initial?.sigmas ?? (options.initial?.sigma !== undefined ? new Array<number>(nSigma).fill(options.initial.sigma) : model.sigmas);
  if (s0.length !== nSigma) throw InvalidInputError.outOfRange('options.initial.sigmas.length', s0.length, `{${nSigma}}`);
  const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(Math.max(x, lo), hi);
  const unpack = (x: Float64Array): [number, Float64Array] => (freeA ? [x[0] as number, x.subarray(1)] : [options.fixedA as number, x]);
  const times = Float64Array.from(sigmaTimes);
  const prices = (a: number, sigmas: Float64Array, out: Float64Array): void => {
    const pieces = { times, values: sigmas };
    instruments.forEach((ins, i) => (out[i] = jamshidianPrice(ins.inputs, a, hullWhiteStateVariance(a, pieces, 0, ins.inputs.exerciseTime)).value));
  };
  const modelPrices = new Float64Array(m);
  const residuals = (x: Float64Array, out: Float64Array): void => {
    const [a, sigmas] = unpack(x);
    prices(a, sigmas, modelPrices);
    for (let i = 0; i < m; i++) {
      const p = modelPrices[i] as number;
      const q = market[i] as number;
      const ins = instruments[i]!;
      out[i] = errorType === 'price' ? p - q : errorType === 'relativePrice' ? p / q - 1 : ins.impliedVol(p) - ins.vol;
    }
  };
  const sigmaStart = s0.map((v) => clamp(v, sigmaBounds));
  const x0 = freeA ? [clamp(a0, aBounds), ...sigmaStart] : sigmaStart;
  const fit = levenbergMarquardt(residuals, x0, {
    residualCount: m,
    lower: [...(freeA ? [aBounds[0]] : []), ...new Array<number>(nSigma).fill(sigmaBounds[0])],
    upper: [...(freeA ? [aBounds[1]] : []), ...new Array<number>(nSigma).fill(sigmaBounds[1])],
    scales: [...(freeA ? [0.01] : []), ...new Array<number>(nSigma).fill(0.001)],
    maxIterations: options.maxIterations ?? 200,
    tolerance: 1e-14,
  });
  const [a, fitted] = unpack(fit.x);
  const sigmas = Array.from(fitted);
  const sigma = sigmas[0] as number;
  const r = new Float64Array(m);
  residuals(fit.x, r);
  const finalPrices = Float64Array.from(modelPrices);
  const modelVols = Float64Array.from(instruments, (ins, i) => ins.impliedVol(finalPrices[i] as number));
  let sq = 0;
  instruments.forEach((ins, i) => (sq += ((modelVols[i] as number) - ins.vol) ** 2));
  const volRmse = Math.sqrt(sq / m);
  const maxVolRmse = options.maxVolRmse ?? Infinity;
  if (!Number.isFinite(fit.cost) || !r.every(Number.isFinite) || !(volRmse <= maxVolRmse)) {
    throw new CalibrationError(`Hull–White calibration failed: vol RMSE ${volRmse} (allowed ≤ ${maxVolRmse}) at a = ${a}, σ = ${sigma}`, {
      residuals: Array.from(r), a, sigmas, volRmse,
    });
  }
  model.setParameters({ a, sigmas });
  return { a, sigma, sigmas, residuals: r, marketPrices: market, modelPrices: finalPrices, modelVols, volRmse, iterations: fit.iterations };
}
