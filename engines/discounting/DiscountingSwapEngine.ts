import { CashFlows } from '../../src/cashflows/CashFlows.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Settings } from '../../src/settings.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { SwapArguments } from '../../instruments/Swap.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { PricingEngine } from '../PricingEngine.js';

/**
 * Prices any {@link Swap} by discounting each leg's flows on one curve.
 *
 * @remarks
 * With P the discount curve and t₀ its reference date, leg j is worth
 * payer_j · Σ_{i: d_i > t₀} a_i P(d_i) (a flow on t₀ counts when
 * `Settings.includeReferenceDateEvents`), and its BPS is payer_j · Σ N_i τ_i P(d_i) · 1e-4 over
 * its live coupons. NPV = Σ_j legNPV_j. Floating amounts are forecast by their indexes' own
 * forwarding curves (which may be this curve: single-curve pricing).
 * Additional results: `legNPV<j>` and `legBPS<j>` for each leg j (currency units, signed for the
 * holder), valued at the curve's reference date.
 * Observes: the discount-curve handle (a relink or a curve tick reprices every swap on it once).
 *
 * Source: QuantLib `ql/pricingengines/swap/discountingswapengine.hpp` / `.cpp`.
 * Checked against: `test/instruments/swaps.test.ts` (QuantLib 1.29 leg NPVs and BPS).
 *
 * @public
 */
export class DiscountingSwapEngine extends PricingEngine<SwapArguments> {
  /**
   * @param discountCurve - handle of the discount curve (not empty when pricing).
   * @throws InvalidInputError when `discountCurve` is not a Handle.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>) {
    super();
    if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
    this.registerWith(discountCurve);
  }

  /**
   * @throws QuantflowError (code `EMPTY_HANDLE`) when the handle is empty; whatever the curve or a
   *   coupon throws (an invalid quote, a missing past fixing).
   */
  calculate(args: SwapArguments): PricingResults {
    const curve = this.discountCurve.currentLink();
    const reference = curve.referenceDate();
    const options = { settlementDate: reference, npvDate: reference, includeSettlementDateFlows: Settings.instance.includeReferenceDateEvents };
    const additionalResults: Record<string, number> = {};
    let value = 0;
    args.legs.forEach((leg, j) => {
      const sign = args.payer[j] as number;
      const npv = sign * CashFlows.npv(leg, curve, options);
      additionalResults[`legNPV${j}`] = npv;
      additionalResults[`legBPS${j}`] = sign * CashFlows.bps(leg, curve, options);
      value += npv;
    });
    return { value, greeks: {}, additionalResults };
  }
}
