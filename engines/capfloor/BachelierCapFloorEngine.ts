import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { CapFloorArguments } from '../../instruments/CapFloor.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { flatVolEngineInputs } from '../_lib/flatVolEngine.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceCapFloorOnFlatVol } from './_lib/priceCapFloor.js';

/**
 * Prices caps, floors and collars by Bachelier's normal model per optionlet on a flat normal vol:
 * the quoting convention of USD SOFR caps (bp vols).
 *
 * @remarks
 * Caplet = N τ g · P(0, t_pay) · Bachelier(call, K', F, σ_N√T_fix); conventions as
 * {@link BlackCapFloorEngine} (fixed coupons and T_fix ≤ 0 at discounted intrinsic value), any
 * strike sign. Additional results: `optionletPrice<i>`.
 * Observes: the discount curve, the vol quote, the evaluation date.
 * Source: L. Bachelier (1900); Andersen & Piterbarg (2010) vol. I §7.2; QuantLib
 * `BachelierCapFloorEngine`.
 * Checked against: `test/engines/capfloor/capFloorEngines.test.ts` (QuantLib 1.29 at 1e-12).
 * @public
 */
export class BachelierCapFloorEngine extends PricingEngine<CapFloorArguments> {
  readonly volatility: Handle<Quote>;
  readonly dayCounter: DayCounter;

  /**
   * @param discountCurve - handle of the discount curve.
   * @param volatility - flat normal vol σ_N, absolute decimal per √year > 0 (0.01 = 100 bp).
   * @param options - `dayCounter` of the fixing times (default Actual/365F).
   * @throws InvalidInputError when a handle is not one or σ_N ≤ 0.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>, volatility: number | Handle<Quote>, options: { readonly dayCounter?: DayCounter } = {}) {
    super();
    const inputs = flatVolEngineInputs(this, discountCurve, volatility, options.dayCounter);
    this.volatility = inputs.volatility;
    this.dayCounter = inputs.dayCounter;
  }

  /** @throws InvalidInputError for a non-positive vol quote; whatever the curve throws. */
  calculate(args: CapFloorArguments): PricingResults {
    return priceCapFloorOnFlatVol(args, this.discountCurve.currentLink(), this.dayCounter, this.volatility, bachelierBlackFormula);
  }
}
