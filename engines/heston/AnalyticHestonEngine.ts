import { InvalidInputError } from '../../src/errors.js';
import type { HestonModel } from '../../src/models/HestonModel.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import type { BatesJumps } from './batesCharacteristicFunction.js';
import { checkBatesJumps } from './_lib/batesJumps.js';
import { hestonVanillaInputs } from './_lib/hestonVanillaInputs.js';
import { lewisHestonCall } from './_lib/lewisHestonCall.js';

/**
 * Options of {@link AnalyticHestonEngine}.
 * @public
 */
export interface AnalyticHestonEngineOptions {
  /** Target absolute error of the price (and of each Greek's integral), price units; default 1e-10; > 0. */
  readonly absoluteTolerance?: number;
  /** Subinterval budget of each adaptive integral; default 2000; integer ≥ 1. */
  readonly maxIntervals?: number;
  /**
   * Bates (1996) lognormal jumps (λ per year ≥ 0, μ_J, σ_J ≥ 0) added to the model's Heston
   * characteristic function ({@link batesCharacteristicFunction}); default none (Heston). The
   * Greeks are then those of the Bates price (∂/∂S, ∂²/∂S², ∂/∂v0).
   */
  readonly jumps?: BatesJumps;
}

/**
 * European vanilla options under Heston by Lewis's single Fourier integral, with adaptive
 * Gauss–Kronrod quadrature: the high-accuracy reference among the Heston engines.
 *
 * @remarks
 * With F = S·D_q/D_r, X = ln(F/K) and φ̂ the characteristic function of ln(S_T/F) (little Heston
 * trap form, {@link hestonCharacteristicFunction}):
 * C = S·D_q − √(SK)·√(D_r·D_q)/π · ∫₀^∞ Re[e^(iuX) φ̂(u − i/2)]/(u² + 1/4) du,
 * i.e. C = S e^(−qT) − √(SK) e^(−(r+q)T/2)/π ∫ Re[e^(iuk) φ(u − i/2)]/(u² + 1/4) du for flat rates
 * with k = ln(S/K) + (r − q)T. Puts by put–call parity. The integral is taken on [0, ∞) mapped
 * to [0, 1) by u = c·t/(1 − t), c = 1/√(expected integrated variance), with 7/15-point
 * Gauss–Kronrod bisection until the error estimate, scaled to price units, is ≤
 * `absoluteTolerance`.
 * Greeks by differentiating under the integral (same quadrature, characteristic function
 * shared): `delta` = ∂V/∂S, `gamma` = ∂²V/∂S², and the variance sensitivity
 * `vegaV0` = ∂V/∂v0 (additional result); `vega` = ∂V/∂√v0 = 2√v0·∂V/∂v0, per 1.00 of the
 * instantaneous volatility. Time T from the risk-free curve's reference date and day counter.
 * Additional results: `spot`, `forward`, `strike`, `timeToExpiry`, `riskFreeDiscount`,
 * `dividendDiscount`, `vegaV0`, `fellerRatio`, `evaluations` (characteristic-function calls).
 * `errorEstimate` is the quadrature's estimate for the price.
 * Bates (1996): with the `jumps` option, lognormal jumps multiply the characteristic function
 * ({@link batesCharacteristicFunction}); QuantLib 1.29's `BatesEngine` values agree to ≤ 4.4e-13
 * (`test/engines/heston/bates.test.ts`).
 * Observes: the model (hence its process, spot and curves).
 * Source: Lewis (2001), "A Simple Option Formula for General Jump-Diffusion and other
 * Exponential Lévy Processes", eq. (9); Lewis (2000), "Option Valuation under Stochastic
 * Volatility", ch. 2; characteristic function: Albrecher, Mayer, Schoutens & Tistaert (2007),
 * "The Little Heston Trap"; quadrature: Piessens et al. (1983), QUADPACK (QAG). Named after
 * QuantLib's `ql/pricingengines/vanilla/analytichestonengine.hpp`, which prices the same
 * options by Heston's two-integral form (or others); the values agree to ≤ 5e-13.
 * Checked against: `test/engines/heston/AnalyticHestonEngine.test.ts` (Lewis (2001, 2019)
 * reference prices to 1e-8, QuantLib 1.29 `heston` cases to 1e-8, the Black–Scholes limit σ → 0,
 * put–call parity, Greeks against bump-and-reprice).
 *
 * @example
 * ```ts
 * import { AnalyticHestonEngine, Date, EuropeanExercise, FlatForward, Handle, HestonModel, HestonProcess,
 *   OptionType, PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
 * const process = new HestonProcess(curve(0.01), curve(0.02), new Handle(new SimpleQuote(100)), 0.04, 4, 0.25, 1, -0.5);
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
 * option.setPricingEngine(new AnalyticHestonEngine(new HestonModel(process)));
 * option.NPV().toFixed(8); //=> '16.07015492'
 * ```
 * @public
 */
export class AnalyticHestonEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly absoluteTolerance: number;
  private readonly maxIntervals: number;
  private readonly jumps: BatesJumps | undefined;

  /**
   * @param model - the Heston model (parameters; its process gives spot and curves).
   * @param options - quadrature tolerance and budget.
   * @throws InvalidInputError when an option (or a jump parameter) is out of range.
   */
  constructor(
    readonly model: HestonModel,
    options: AnalyticHestonEngineOptions = {},
  ) {
    super();
    this.absoluteTolerance = options.absoluteTolerance ?? 1e-10;
    this.maxIntervals = options.maxIntervals ?? 2000;
    if (!(this.absoluteTolerance > 0) || !Number.isFinite(this.absoluteTolerance)) {
      throw InvalidInputError.outOfRange('absoluteTolerance', this.absoluteTolerance, '(0, ∞)');
    }
    if (!Number.isInteger(this.maxIntervals) || this.maxIntervals < 1) {
      throw InvalidInputError.outOfRange('maxIntervals', this.maxIntervals, 'integers in [1, ∞)');
    }
    this.jumps = options.jumps === undefined ? undefined : checkBatesJumps(options.jumps);
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError when the exercise is not European or the payoff is not a plain vanilla.
   * @throws ConvergenceError when a quadrature misses its tolerance within `maxIntervals`.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot or a curve quote is invalid.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const m = hestonVanillaInputs(this.model, args);
    const { spot, strike, omega, t, riskFreeDiscount, dividendDiscount, params } = m;
    const forward = (spot * dividendDiscount) / riskFreeDiscount;
    const common = { spot, forward, strike, timeToExpiry: t, riskFreeDiscount, dividendDiscount, fellerRatio: this.model.fellerRatio() };
    if (!(t > 0)) {
      // Expiring today: intrinsic value (delta a step, gamma and vega 0 away from the strike).
      const value = Math.max(omega * (spot - strike), 0);
      return { value, greeks: { delta: value > 0 ? omega : 0, gamma: 0, vega: 0 }, additionalResults: { ...common, vegaV0: 0, evaluations: 0 } };
    }
    const call = lewisHestonCall(spot, strike, t, riskFreeDiscount, dividendDiscount, params, {
      absoluteTolerance: this.absoluteTolerance,
      maxIntervals: this.maxIntervals,
      ...(this.jumps === undefined ? {} : { jumps: this.jumps }),
    });
    const isCall = omega > 0;
    const value = isCall ? call.value : call.value - spot * dividendDiscount + strike * riskFreeDiscount;
    const delta = isCall ? call.delta : call.delta - dividendDiscount;
    return {
      value,
      errorEstimate: call.errorEstimate,
      greeks: { delta, gamma: call.gamma, vega: 2 * Math.sqrt(params.v0) * call.vegaV0 },
      additionalResults: { ...common, vegaV0: call.vegaV0, evaluations: call.evaluations },
    };
  }
}
