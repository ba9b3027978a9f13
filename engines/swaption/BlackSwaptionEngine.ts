import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { SwaptionArguments } from '../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { blackFormula } from '../blackscholes/formulas/blackFormula.js';
import { blackFormulaStdDevDerivative } from '../blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { flatVolEngineInputs } from '../_lib/flatVolEngine.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceSwaptionOnFlatVol } from './_lib/swaptionMarketInputs.js';

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
    const inputs = flatVolEngineInputs(this, discountCurve, volatility, options.dayCounter, options.displacement ?? 0);
    this.volatility = inputs.volatility;
    this.displacement = inputs.displacement;
    this.dayCounter = inputs.dayCounter;
  }

  /** @throws InvalidInputError for a non-European exercise or an F or K with F + d ≤ 0. */
  calculate(args: SwaptionArguments): PricingResults {
    const d = this.displacement;
    return priceSwaptionOnFlatVol(
      args,
      this.discountCurve.currentLink(),
      this.dayCounter,
      this.volatility,
      (type, K, F, stdDev, A) => blackFormula(type, K, F, stdDev, A, d),
      (K, F, stdDev, A) => blackFormulaStdDevDerivative(K, F, stdDev, A, d),
    );
  }
}
