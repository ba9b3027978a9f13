import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { SwaptionArguments } from '../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaStdDevDerivative } from '../blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
import { flatVolEngineInputs } from '../_lib/flatVolEngine.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceSwaptionOnFlatVol } from './_lib/swaptionMarketInputs.js';

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
    const inputs = flatVolEngineInputs(this, discountCurve, volatility, options.dayCounter);
    this.volatility = inputs.volatility;
    this.dayCounter = inputs.dayCounter;
  }

  /** @throws InvalidInputError for a non-European exercise or a non-positive vol quote. */
  calculate(args: SwaptionArguments): PricingResults {
    return priceSwaptionOnFlatVol(args, this.discountCurve.currentLink(), this.dayCounter, this.volatility, bachelierBlackFormula, bachelierBlackFormulaStdDevDerivative);
  }
}
