import type { HestonModel } from '../../src/models/HestonModel.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { hestonVanillaInputs } from './_lib/hestonVanillaInputs.js';
import { cosHestonBatch, type CosHestonOptions } from './cosHestonBatch.js';

/**
 * European vanilla options under Heston by the Fourier-cosine (COS) expansion of Fang &
 * Oosterlee (2008).
 *
 * @remarks
 * Prices one option through {@link cosHestonBatch} (one strike, one maturity): truncation range
 * c1 ± L√|c2| of ln(S_T/S) from the cumulants, put from the cosine coefficients of the put
 * payoff, call by put–call parity. The flat rates passed on are the curves' zero rates to the
 * expiry (r = −ln D_r/T, q = −ln D_q/T), which is exact for European payoffs. Time T from the
 * risk-free curve's reference date and day counter. No Greeks (use {@link AnalyticHestonEngine}).
 * With the defaults (N automatic, L = 40) it meets Lewis's (2001) reference prices to 1e-9 and
 * every QuantLib 1.29 `heston` case to ≤ 1e-10 (at L = 32, QuantLib's own choice for its COS
 * cross-check, the Feller-violating σ = 1, ρ = −0.9 set is 3e-9 low, as QuantLib's COS value is).
 * Additional results: `spot`, `forward`, `strike`, `timeToExpiry`, `riskFreeDiscount`,
 * `dividendDiscount`, `fellerRatio`.
 * Bates (1996): with the `jumps` option ({@link CosHestonOptions}), lognormal jumps multiply the
 * characteristic function; agrees with {@link AnalyticHestonEngine} with the same jumps to ≤ 7e-13
 * and with QuantLib 1.29's `BatesEngine` to ≤ 2.3e-13 (`test/engines/heston/bates.test.ts`).
 * Observes: the model (hence its process, spot and curves).
 * Source: Fang & Oosterlee (2008), "A novel pricing method for European options based on
 * Fourier-cosine series expansions", SIAM J. Sci. Comput. 31(2), 826–848; QuantLib
 * `ql/pricingengines/vanilla/coshestonengine.hpp`.
 * Checked against: `test/engines/heston/CosHestonEngine.test.ts` (Lewis reference prices to
 * 1e-8, QuantLib 1.29 `heston` cases and grid, agreement with {@link AnalyticHestonEngine} on
 * random parameter sets, put–call parity).
 *
 * @example
 * ```ts
 * import { CosHestonEngine, Date, EuropeanExercise, FlatForward, Handle, HestonModel, HestonProcess,
 *   OptionType, PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
 * const process = new HestonProcess(curve(0.01), curve(0.02), new Handle(new SimpleQuote(100)), 0.04, 4, 0.25, 1, -0.5);
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 90), new EuropeanExercise(today.addDays(365)));
 * option.setPricingEngine(new CosHestonEngine(new HestonModel(process)));
 * option.NPV().toFixed(8); //=> '12.01796671'
 * ```
 * @public
 */
export class CosHestonEngine extends PricingEngine<VanillaOptionArguments> {
  /**
   * @param model - the Heston model (parameters; its process gives spot and curves).
   * @param options - N (`terms`), L (`truncation`) and the strike-sum backend; see {@link CosHestonOptions}.
   */
  constructor(
    readonly model: HestonModel,
    readonly options: CosHestonOptions = {},
  ) {
    super();
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the payoff is not a plain
   * vanilla, or an option is out of range.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot or a curve quote is invalid.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const { spot, strike, omega, t, riskFreeDiscount, dividendDiscount, params } = hestonVanillaInputs(this.model, args);
    const forward = (spot * dividendDiscount) / riskFreeDiscount;
    const additionalResults = { spot, forward, strike, timeToExpiry: t, riskFreeDiscount, dividendDiscount, fellerRatio: this.model.fellerRatio() };
    if (!(t > 0)) return { value: Math.max(omega * (spot - strike), 0), greeks: {}, additionalResults };
    const { calls, puts } = cosHestonBatch(
      {
        spot,
        strikes: [strike],
        expiries: [t],
        riskFreeRates: -Math.log(riskFreeDiscount) / t,
        dividendYields: -Math.log(dividendDiscount) / t,
        params,
      },
      this.options,
    );
    return { value: omega > 0 ? calls[0]! : puts[0]!, greeks: {}, additionalResults };
  }
}
