import { InvalidInputError } from '../../src/errors.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import type { CapFloorArguments } from '../../instruments/CapFloor.js';
import { OptionType } from '../../instruments/OptionType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { PricingEngine } from '../PricingEngine.js';
import { priceCapFloor } from '../capfloor/_lib/priceCapFloor.js';

/**
 * Prices caps, floors and collars in the Hull–White model: each caplet is a put on a zero-coupon
 * bond, each floorlet a call.
 *
 * @remarks
 * A caplet paying N τ (L − K)⁺ at t_p, L the simple rate over [T, t_p] fixed at T, is worth
 * N (1 + Kτ) ZBP(0, T, t_p, 1/(1 + Kτ)) (Brigo & Mercurio 2006, §2.6 eq. 2.26 and §3.3.2
 * eq. 3.41); a floorlet N (1 + Kτ) ZBC. T is the fixing time and t_p the payment time on the
 * model curve's clock, τ the coupon's accrual (as QuantLib's `AnalyticCapFloorEngine`); the
 * forward is the model curve's (single curve). With gearing g and spread s the strike on the
 * index is K' = (K − s)/g (needs 1 + K'τ > 0). Fixed coupons (fixing before today) or T ≤ 0:
 * discounted intrinsic value on the coupon's known fixing.
 * Additional results: `optionletPrice<i>`.
 * Observes: the model (and its curve).
 * Source: Jamshidian (1989); Brigo & Mercurio (2006) §3.3.2; QuantLib
 * `ql/pricingengines/capfloor/analyticcapfloorengine.hpp`.
 * Checked against: `test/engines/capfloor/capFloorEngines.test.ts` (QuantLib 1.29
 * `AnalyticCapFloorEngine`, flat 3 %, a = 0.1, σ = 0.01, every optionlet at 1e-12; cap − floor =
 * forward-rate parity).
 * @public
 */
export class AnalyticCapFloorEngine extends PricingEngine<CapFloorArguments> {
  /**
   * @param model - the Hull–White model.
   * @throws InvalidInputError when `model` is not a HullWhite.
   */
  constructor(readonly model: HullWhite) {
    super();
    if (!(model instanceof HullWhite)) throw InvalidInputError.outOfRange('model', model, 'a HullWhite');
    this.registerWith(model);
  }

  /** @throws InvalidInputError when 1 + K'τ ≤ 0; whatever the curve throws. */
  calculate(args: CapFloorArguments): PricingResults {
    const model = this.model;
    const curve = model.curve();
    return priceCapFloor(args, (o, w, K) => {
      const T = curve.timeFromReference(o.fixingDate);
      const tp = curve.timeFromReference(o.paymentDate);
      if (o.isFixed || T <= 0) return curve.discount(tp, true) * Math.max(w * (o.indexFixing - K), 0);
      const tau = o.accrualFraction;
      const factor = 1 + K * tau;
      if (!(factor > 0)) throw InvalidInputError.outOfRange('1 + strike·τ', factor, '(0, ∞)');
      return (factor / tau) * model.discountBondOption(w === 1 ? OptionType.Put : OptionType.Call, 1 / factor, T, tp);
    });
  }
}
