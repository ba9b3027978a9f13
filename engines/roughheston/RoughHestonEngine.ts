import { InvalidInputError } from '../../src/errors.js';
import type { RoughHestonModel } from '../../src/models/RoughHestonModel.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { europeanVanillaPayoff } from '../_lib/europeanVanillaPayoff.js';
import { PricingEngine } from '../PricingEngine.js';
import { hestonCosStrikeSums } from '../../src/kernels/heston.js';
import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';
import type { ForwardVarianceCurve } from '../../src/models/roughHestonForwardVariance.js';
import { cosStrikeGeometry } from '../heston/cosHestonBatch.js';
import { forwardVarianceWeights } from './_lib/forwardVarianceWeights.js';
import { cosRoughHestonCoefficients, type CosRoughHestonCoefficients, type RoughHestonFourierOptions } from './cosRoughHestonBatch.js';

/**
 * European vanilla options under rough Heston (El Euch & Rosenbaum 2019) by Fourier-cosine
 * inversion of a characteristic-function route: the Adams scheme by default, or any
 * {@link RoughHestonLogCf} (`route` option) — Padé, Markovian lift, … plug in here.
 *
 * @remarks
 * Prices one option as {@link cosRoughHestonBatch} would (one strike, one maturity), keeping the
 * strike- and spot-independent COS coefficients per (T, (r − q)T) until the parameters change, so a
 * book on a few expiries costs one Riccati batch per expiry and a spot tick none; flat rates
 * passed on are the curves' zero rates to the expiry (exact for European payoffs). Time from the
 * risk-free curve's reference date and day counter. No Greeks. With the defaults (Adams route,
 * 32-step graded grid with anchors and Richardson, L = 16, tolerance 1e-10) QuantLib's rough Heston test values are met to
 * ≤ 2e-5 and H = ½ reproduces {@link CosHestonEngine} to ≤ 1e-8 with 400 steps
 * (`test/engines/roughheston/`). Additional results: `spot`, `forward`, `strike`,
 * `timeToExpiry`, `riskFreeDiscount`, `dividendDiscount`, `hurst`.
 * Observes: the model (hence its spot and curves).
 * Source: O. El Euch, M. Rosenbaum (2019), "The characteristic function of rough Heston models",
 * Mathematical Finance 29(1), 3–38; F. Fang, C. W. Oosterlee (2008), SIAM J. Sci. Comput. 31(2).
 * Checked against: `test/engines/roughheston/RoughHestonEngine.test.ts`.
 *
 * @example
 * ```ts
 * import { Date, EuropeanExercise, FlatForward, Handle, OptionType, PlainVanillaPayoff, RoughHestonEngine,
 *   RoughHestonModel, Settings, SimpleQuote, VanillaOption } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
 * const model = new RoughHestonModel(curve(0.03), curve(0), new Handle(new SimpleQuote(100)),
 *   { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
 * option.setPricingEngine(new RoughHestonEngine(model));
 * option.NPV().toFixed(3); //=> '8.337'
 * ```
 * @public
 */
export class RoughHestonEngine extends PricingEngine<VanillaOptionArguments> {
  // COS coefficients per (T, (r − q)T) for the current parameters: they do not depend on spot or
  // strike, so a book on few expiries costs one Riccati batch per expiry, and a spot tick none.
  private cache = new Map<string, CosRoughHestonCoefficients>();
  private cacheParams: RoughHestonParameters | undefined;
  private cacheCurve: ForwardVarianceCurve | undefined;
  /**
   * @param model - the rough Heston model (parameters, spot, curves).
   * @param options - route, Adams options, truncation, tolerance, backend; see {@link RoughHestonFourierOptions}.
   *   The model's forward-variance curve, when it has one, is passed to the Adams route.
   */
  constructor(
    readonly model: RoughHestonModel,
    readonly options: RoughHestonFourierOptions = {},
  ) {
    super();
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the payoff is not a plain
   * vanilla, an option is out of range, or the model has a forward-variance curve and `route` is
   * not `'adams'`.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot or a curve quote is invalid.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const payoff = europeanVanillaPayoff(args);
    const model = this.model;
    const expiry = args.exercise.lastDate();
    const riskFree = model.riskFreeRate.currentLink();
    const dividend = model.dividendYield.currentLink();
    const spot = model.spot();
    const strike = payoff.strike;
    const omega = payoff.optionType;
    const t = riskFree.timeFromReference(expiry);
    const riskFreeDiscount = riskFree.discount(expiry);
    const dividendDiscount = dividend.discount(expiry);
    const forward = (spot * dividendDiscount) / riskFreeDiscount;
    const additionalResults = { spot, forward, strike, timeToExpiry: t, riskFreeDiscount, dividendDiscount, hurst: model.parameters.hurst };
    if (!(t > 0)) return { value: Math.max(omega * (spot - strike), 0), greeks: {}, additionalResults };
    const r = -Math.log(riskFreeDiscount) / t;
    const q = -Math.log(dividendDiscount) / t;
    const params = model.parameters;
    if (!(strike > 0) || !Number.isFinite(strike)) throw InvalidInputError.outOfRange('strike', strike, '(0, ∞)');
    // The model's parameters are validated; a new parameter set (a new frozen record) drops the cache.
    const curve = model.forwardVariance;
    if (this.cacheParams !== params || this.cacheCurve !== curve || this.cache.size > 512) {
      this.cache.clear();
      this.cacheParams = params;
      this.cacheCurve = curve;
    }
    const drift = (r - q) * t;
    const key = `${t}|${drift}`;
    let coefs = this.cache.get(key);
    if (coefs === undefined) {
      coefs =
        curve === undefined
          ? cosRoughHestonCoefficients(params, [t], [drift], this.options)
          : cosRoughHestonCoefficients(curveParams(params, curve, t), [t], [drift], this.curveOptions(curve));
      this.cache.set(key, coefs);
    }
    const geo = [new Float64Array(1), new Float64Array(1), new Float64Array(1), new Float64Array(1)] as const;
    cosStrikeGeometry(Float64Array.of(Math.log(strike / spot)), coefs.lo, coefs.width, geo[0], geo[1], geo[2], geo[3]);
    const put = new Float64Array(1);
    hestonCosStrikeSums(coefs.terms[0]!, coefs.a[0]!, coefs.b[0]!, coefs.c[0]!, 1, Float64Array.of(strike), geo[0], geo[1], geo[2], geo[3], spot, Math.exp(coefs.lo) * coefs.sumB[0]!, riskFreeDiscount, put, this.options.backend ?? 'auto');
    const puts = put;
    const calls = Float64Array.of(put[0]! + spot * dividendDiscount - strike * riskFreeDiscount);
    return { value: omega > 0 ? calls[0]! : puts[0]!, greeks: {}, additionalResults };
  }

  // The model's forward-variance curve goes to the Adams route; another route cannot take it.
  private curveOptions(curve: ForwardVarianceCurve): RoughHestonFourierOptions {
    const route = this.options.route ?? 'adams';
    if (route !== 'adams') throw InvalidInputError.outOfRange('route', 'a custom RoughHestonLogCf', "{'adams'} (the model has a forward-variance curve)");
    return { ...this.options, adams: { ...this.options.adams, forwardVariance: curve } };
  }
}

// With a curve the route ignores v0 and θ; setting both to the mean of ξ0 over [0, T] makes the
// COS truncation range (from ∫₀ᵀE[V]) and the term count (from the CF decay) follow the curve.
function curveParams(params: RoughHestonParameters, curve: ForwardVarianceCurve, t: number): RoughHestonParameters {
  const grid = Float64Array.from({ length: 17 }, (_, k) => t * Math.pow(k / 16, 2));
  const w = forwardVarianceWeights(grid, Int32Array.of(16), curve)[0]!;
  let total = 0;
  for (let k = 0; k < w.length; k++) total += w[k]!;
  const mean = total / t;
  if (!(mean > 0)) throw InvalidInputError.outOfRange(`mean of forwardVariance over [0, ${t}]`, mean, '(0, ∞)');
  return { ...params, v0: mean, theta: mean };
}
