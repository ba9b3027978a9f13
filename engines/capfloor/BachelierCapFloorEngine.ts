import { checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { Settings } from '../../src/settings.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { CapFloorArguments } from '../../instruments/CapFloor.js';
import { OptionType } from '../../instruments/OptionType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { quoteHandle } from '../../termstructures/_lib/quoteHandle.js';
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceCapFloor } from './_lib/priceCapFloor.js';

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
    if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
    this.volatility = quoteHandle('volatility', volatility, checkPositive);
    this.dayCounter = options.dayCounter ?? new Actual365Fixed();
    this.registerWith(discountCurve);
    this.registerWith(this.volatility);
    this.registerWith(Settings.instance.evaluationDate);
  }

  /** @throws InvalidInputError for a non-positive vol quote; whatever the curve throws. */
  calculate(args: CapFloorArguments): PricingResults {
    const curve = this.discountCurve.currentLink();
    const sigma = this.volatility.currentLink().value();
    checkPositive('volatility', sigma);
    const today = Settings.instance.evaluationDate.value();
    return priceCapFloor(args, (o, w, K) => {
      const D = curve.discount(o.paymentDate, true);
      const T = this.dayCounter.yearFraction(today, o.fixingDate);
      if (o.isFixed || T <= 0) return D * Math.max(w * (o.indexFixing - K), 0);
      return bachelierBlackFormula(w === 1 ? OptionType.Call : OptionType.Put, K, o.indexFixing, sigma * Math.sqrt(T), D);
    });
  }
}
