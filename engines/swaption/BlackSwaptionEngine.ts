import { checkFinite, checkNonNegative, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { Settings } from '../../src/settings.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { OptionType } from '../../instruments/OptionType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { SwaptionArguments } from '../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { quoteHandle } from '../../termstructures/_lib/quoteHandle.js';
import { blackFormula } from '../blackscholes/formulas/blackFormula.js';
import { blackFormulaStdDevDerivative } from '../blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { PricingEngine } from '../PricingEngine.js';
import { swaptionMarketInputs } from './_lib/swaptionMarketInputs.js';

/**
 * Options of {@link BlackSwaptionEngine}.
 * @public
 */
export interface BlackSwaptionEngineOptions {
  /** Shift d of the shifted-lognormal model (F + d lognormal), decimal ≥ 0; default 0. */
  readonly displacement?: number;
  /** Day counter of the exercise time from the evaluation date; default Actual/365 Fixed. */
  readonly dayCounter?: DayCounter;
}

/**
 * Prices European swaptions by Black-76 on the forward swap rate (lognormal, optionally
 * shifted): the market convention for quoting swaption volatilities.
 *
 * @remarks
 * V = A · Black(ω, K, F, σ√T), ω = call for a payer, put for a receiver, with F the forward swap
 * rate and A the annuity N Σ τ_i P(0, t_i) on the discount curve over the coupons entered at
 * exercise (cash settlement: the par-yield annuity N Â(F) P(0, t_s), see `SettlementType`).
 * Floating coupons are forecast by their index (so F includes any basis and spread).
 * T is `dayCounter` from the evaluation date to the exercise date.
 * Greeks: `vega` = ∂V/∂σ per 1.00 of vol. Additional results: `forward`, `annuity`, `stdDev`,
 * `exerciseTime` (years), `volatility`.
 * Observes: the discount curve, the vol quote, the evaluation date.
 *
 * Source: F. Black (1976), "The pricing of commodity contracts", J. Financial Economics 3;
 * Brigo & Mercurio (2006) §6.7 (eq. 6.68, the market formula); QuantLib
 * `ql/pricingengines/swaption/blackswaptionengine.hpp`.
 * Checked against: QuantLib 1.29 `BlackSwaptionEngine` (plain and shifted) on the
 * `testCachedHullWhite` swaptions at 1e-14 (`test/engines/hullwhite/calibrateHullWhite.test.ts`,
 * `test/reference/quantlib-1.29-hull-white-calibration.json`); put–call parity, zero-vol
 * intrinsic value, vega by central differences, the par-yield annuity
 * (`test/engines/swaption/BlackSwaptionEngine.test.ts`).
 * @public
 */
export class BlackSwaptionEngine extends PricingEngine<SwaptionArguments> {
  readonly volatility: Handle<Quote>;
  readonly displacement: number;
  readonly dayCounter: DayCounter;

  /**
   * @param discountCurve - handle of the discount curve.
   * @param volatility - Black vol σ, decimal > 0 (0.2 = 20 %), a number or a quote handle.
   * @param options - displacement and day counter.
   * @throws InvalidInputError when a handle is not one, the vol is not positive or the
   * displacement is negative.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>, volatility: number | Handle<Quote>, options: BlackSwaptionEngineOptions = {}) {
    super();
    if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
    this.volatility = quoteHandle('volatility', volatility, checkPositive);
    this.displacement = options.displacement ?? 0;
    checkNonNegative('options.displacement', this.displacement);
    this.dayCounter = options.dayCounter ?? new Actual365Fixed();
    this.registerWith(discountCurve);
    this.registerWith(this.volatility);
    this.registerWith(Settings.instance.evaluationDate);
  }

  /** @throws InvalidInputError for a non-European exercise or an F or K with F + d ≤ 0. */
  calculate(args: SwaptionArguments): PricingResults {
    const curve = this.discountCurve.currentLink();
    const { exerciseTime: T, forward, annuity } = swaptionMarketInputs(args, curve, this.dayCounter);
    const sigma = this.volatility.currentLink().value();
    checkPositive('volatility', sigma);
    checkFinite('forward', forward);
    const stdDev = sigma * Math.sqrt(Math.max(T, 0));
    const type = (args.type as number) === 1 ? OptionType.Call : OptionType.Put;
    const d = this.displacement;
    const value = blackFormula(type, args.fixedRate, forward, stdDev, annuity, d);
    const vega = blackFormulaStdDevDerivative(args.fixedRate, forward, stdDev, annuity, d) * Math.sqrt(Math.max(T, 0));
    return { value, greeks: { vega }, additionalResults: { forward, annuity, stdDev, exerciseTime: T, volatility: sigma } };
  }
}
