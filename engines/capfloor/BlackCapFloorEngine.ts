import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { CapFloorArguments } from '../../instruments/CapFloor.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { blackFormula } from '../blackscholes/formulas/blackFormula.js';
import { flatVolEngineInputs } from '../_lib/flatVolEngine.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceCapFloorOnFlatVol } from './_lib/priceCapFloor.js';

/**
 * Prices caps, floors and collars by Black-76 per optionlet on a flat (optionally shifted)
 * lognormal vol: the market convention for cap quotes.
 *
 * @remarks
 * Caplet = N τ g · P(0, t_pay) · Black(call, K', F, σ√T_fix), floorlet with the put, where F is
 * the coupon's index forecast, K' = (K − s)/g and T_fix the `dayCounter` time from the evaluation
 * date to the fixing date; a fixed coupon (fixing before today) or T_fix ≤ 0 is worth its
 * discounted intrinsic value, and so is a strike with K' + d ≤ 0 (the lognormal law lives above −d).
 * Additional results: `optionletPrice<i>` per coupon i.
 * Observes: the discount curve, the vol quote, the evaluation date.
 * Source: F. Black (1976); Brigo & Mercurio (2006) §1.6.3 (eq. 1.26); QuantLib
 * `ql/pricingengines/capfloor/blackcapfloorengine.hpp`.
 * Checked against: `test/engines/capfloor/capFloorEngines.test.ts` (QuantLib 1.29
 * `BlackCapFloorEngine` caps, floors and every caplet at 1e-12).
 * @public
 */
export class BlackCapFloorEngine extends PricingEngine<CapFloorArguments> {
  readonly volatility: Handle<Quote>;
  readonly displacement: number;
  readonly dayCounter: DayCounter;

  /**
   * @param discountCurve - handle of the discount curve.
   * @param volatility - flat Black vol σ, decimal > 0, a number or a quote handle.
   * @param options - `displacement` d ≥ 0 (default 0) and `dayCounter` (default Actual/365F).
   * @throws InvalidInputError when a handle is not one, σ ≤ 0 or d < 0.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>, volatility: number | Handle<Quote>, options: { readonly displacement?: number; readonly dayCounter?: DayCounter } = {}) {
    super();
    const inputs = flatVolEngineInputs(this, discountCurve, volatility, options.dayCounter, options.displacement ?? 0);
    this.volatility = inputs.volatility;
    this.displacement = inputs.displacement;
    this.dayCounter = inputs.dayCounter;
  }

  /** @throws InvalidInputError for a non-positive vol quote; whatever the curve throws. */
  calculate(args: CapFloorArguments): PricingResults {
    const d = this.displacement;
    return priceCapFloorOnFlatVol(
      args,
      this.discountCurve.currentLink(),
      this.dayCounter,
      this.volatility,
      (type, K, F, stdDev, D) => blackFormula(type, K, F, stdDev, D, d),
      (K) => K + d <= 0,
    );
  }
}
