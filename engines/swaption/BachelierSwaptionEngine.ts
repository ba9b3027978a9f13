import { checkFinite, checkPositive } from '../../src/_lib/checks.js';
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
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaStdDevDerivative } from '../blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
import { PricingEngine } from '../PricingEngine.js';
import { swaptionMarketInputs } from './_lib/swaptionMarketInputs.js';

/**
 * Prices European swaptions by Bachelier's normal model on the forward swap rate: the quoting
 * convention of USD SOFR swaption (normal, basis-point) volatilities.
 *
 * @remarks
 * V = A · Bachelier(ω, K, F, σ_N√T) = A[ω(F − K)Φ(ωd) + σ_N√T φ(d)], d = (F − K)/(σ_N√T), with
 * F, A, T as in {@link BlackSwaptionEngine} (physical or par-yield cash annuity).
 * Greeks: `vega` = ∂V/∂σ_N per 1.00 (absolute) of normal vol. Additional results: `forward`,
 * `annuity`, `stdDev` (σ_N√T), `exerciseTime`, `volatility`.
 * Observes: the discount curve, the vol quote, the evaluation date.
 *
 * Source: L. Bachelier (1900), *Théorie de la spéculation*; Andersen & Piterbarg (2010),
 * *Interest Rate Modeling*, vol. I, §7.2 (eq. 7.5); QuantLib `BachelierSwaptionEngine`.
 * Checked against: QuantLib 1.29 `BachelierSwaptionEngine` at 1e-14
 * (`test/engines/hullwhite/calibrateHullWhite.test.ts`); parity, vega by central differences,
 * cash annuity (`test/engines/swaption/BlackSwaptionEngine.test.ts`).
 * @public
 */
export class BachelierSwaptionEngine extends PricingEngine<SwaptionArguments> {
  readonly volatility: Handle<Quote>;
  readonly dayCounter: DayCounter;

  /**
   * @param discountCurve - handle of the discount curve.
   * @param volatility - normal vol σ_N, absolute decimal per √year > 0 (0.01 = 100 bp), a number or a quote handle.
   * @param options - `dayCounter` of the exercise time (default Actual/365 Fixed).
   * @throws InvalidInputError when a handle is not one or the vol is not positive.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>, volatility: number | Handle<Quote>, options: { readonly dayCounter?: DayCounter } = {}) {
    super();
    if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
    this.volatility = quoteHandle('volatility', volatility, checkPositive);
    this.dayCounter = options.dayCounter ?? new Actual365Fixed();
    this.registerWith(discountCurve);
    this.registerWith(this.volatility);
    this.registerWith(Settings.instance.evaluationDate);
  }

  /** @throws InvalidInputError for a non-European exercise or a non-positive vol quote. */
  calculate(args: SwaptionArguments): PricingResults {
    const curve = this.discountCurve.currentLink();
    const { exerciseTime: T, forward, annuity } = swaptionMarketInputs(args, curve, this.dayCounter);
    const sigma = this.volatility.currentLink().value();
    checkPositive('volatility', sigma);
    checkFinite('forward', forward);
    const stdDev = sigma * Math.sqrt(Math.max(T, 0));
    const type = (args.type as number) === 1 ? OptionType.Call : OptionType.Put;
    const value = bachelierBlackFormula(type, args.fixedRate, forward, stdDev, annuity);
    const vega = bachelierBlackFormulaStdDevDerivative(args.fixedRate, forward, stdDev, annuity) * Math.sqrt(Math.max(T, 0));
    return { value, greeks: { vega }, additionalResults: { forward, annuity, stdDev, exerciseTime: T, volatility: sigma } };
  }
}
