import { InvalidInputError, QuantflowError } from '../../src/errors.js';
import type { RoughBergomiModel } from '../../src/models/RoughBergomiModel.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { europeanVanillaPayoff } from '../_lib/europeanVanillaPayoff.js';
import { PricingEngine } from '../PricingEngine.js';
import { roughBergomiSmile, type RoughBergomiMcOptions } from './roughBergomiSmile.js';

/**
 * Monte Carlo pricing of European vanilla options under rough Bergomi (hybrid scheme, WASM
 * kernel), with an error estimate: {@link roughBergomiSmile} at the option's log-moneyness.
 *
 * @remarks
 * T = the risk-free curve's year fraction to expiry, F = S·D_q(T)/D_r(T), k = ln(K/F). The
 * simulation prices the out-of-the-money option (put for k < 0, call for k ≥ 0) per unit forward;
 * value = D_r(T)·F·p, and the other type by put–call parity C − P = D_r(T)(F − K), exact for
 * the simulated pair. `errorEstimate` = D_r(T)·F·(standard error of p). Options as for
 * {@link roughBergomiSmile} (defaults: 65 536 samples, 128 steps, seed 42, antithetic, mixed
 * estimator, control variate). Expired options (T ≤ 0) are worth their intrinsic value.
 * Additional results: `impliedVolatility`, `impliedVolatilityError`, `samples`, `timeSteps`,
 * `forwardBias` (simulated E[S_T/F] − 1) and `forwardBiasError`.
 * Observes: the spot, dividend-curve and risk-free-curve handles.
 * Source: Bayer, Friz & Gatheral (2016), Quant. Finance 16(6); Bennedsen, Lunde & Pakkanen
 * (2017), Finance Stoch. 21; McCrickerd & Pakkanen (2018), Quant. Finance 18(11).
 * Checked against: `test/engines/roughbergomi/McRoughBergomiEngine.test.ts` (η = 0 against
 * Black–Scholes, parity, the smile function, repricing on a spot change).
 *
 * @example
 * ```ts
 * import { Date, EuropeanExercise, FlatForward, Handle, McRoughBergomiEngine, OptionType,
 *   PlainVanillaPayoff, RoughBergomiModel, Settings, SimpleQuote, VanillaOption } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
 * const model = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: 0, H: 0.5 });
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
 * option.setPricingEngine(new McRoughBergomiEngine(model, new Handle(new SimpleQuote(100)), curve(0), curve(0), { samples: 1000, steps: 4 }));
 * option.NPV().toFixed(4); //=> '7.9656'
 * ```
 * @public
 */
export class McRoughBergomiEngine extends PricingEngine<VanillaOptionArguments> {
  /**
   * @param model - the rough Bergomi parameters.
   * @param spot - spot quote handle (observed).
   * @param dividendYield - dividend (or repo) curve handle (observed).
   * @param riskFreeRate - risk-free curve handle (observed); its day counter gives T.
   * @param options - samples, steps, seed, antithetic, controlVariate, mixed, convolution, backend.
   * @throws InvalidInputError when a handle is not a `Handle`.
   */
  constructor(
    readonly model: RoughBergomiModel,
    readonly spot: Handle<Quote>,
    readonly dividendYield: Handle<YieldTermStructure>,
    readonly riskFreeRate: Handle<YieldTermStructure>,
    private readonly options: RoughBergomiMcOptions = {},
  ) {
    super();
    for (const [name, h] of Object.entries({ spot, dividendYield, riskFreeRate })) {
      if (!(h instanceof Handle)) throw InvalidInputError.outOfRange(name, h, 'a Handle');
      this.registerWith(h);
    }
  }

  /**
   * Prices the option by simulation.
   * @param args - the option's arguments (European exercise, plain vanilla payoff).
   * @returns value and `errorEstimate` (price units), no Greeks; additional results as in the class remarks.
   * @throws InvalidInputError when the exercise is not European, the payoff is not plain vanilla,
   * or an option is out of range.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot is not finite and > 0;
   * (code `NUMERICAL_OVERFLOW`) when a simulated value is not finite.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const payoff = europeanVanillaPayoff(args);
    const S = this.spot.currentLink().value();
    if (!(Number.isFinite(S) && S > 0)) throw new QuantflowError(`spot = ${S} is not a valid quote (finite, > 0)`, 'INVALID_QUOTE', { spot: S });
    const expiry = args.exercise.lastDate();
    const rf = this.riskFreeRate.currentLink();
    const T = rf.timeFromReference(expiry);
    const K = payoff.strike;
    const omega = payoff.optionType;
    if (!(T > 0)) return { value: Math.max(omega * (S - K), 0), errorEstimate: 0, greeks: {}, additionalResults: { samples: 0, timeSteps: 0 } };
    const Dr = rf.discount(expiry);
    const F = (S * this.dividendYield.currentLink().discount(expiry)) / Dr;
    const k = Math.log(K / F);
    const s = roughBergomiSmile(this.model, T, [k], this.options);
    const otm = k < 0 ? -1 : 1;
    const value = Dr * F * s.prices[0]! + (omega === otm ? 0 : omega * Dr * (F - K));
    return {
      value,
      errorEstimate: Dr * F * s.priceErrors[0]!,
      greeks: {},
      additionalResults: {
        impliedVolatility: s.impliedVols[0]!,
        impliedVolatilityError: s.volErrors[0]!,
        samples: s.samples,
        timeSteps: this.options.steps ?? 128,
        forwardBias: s.forwardBias,
        forwardBiasError: s.forwardError,
      },
    };
  }
}
