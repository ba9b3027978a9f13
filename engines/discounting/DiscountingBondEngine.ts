import { CashFlows } from '../../src/cashflows/CashFlows.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Settings } from '../../src/settings.js';
import type { BondArguments } from '../../instruments/Bond.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { PricingEngine } from '../PricingEngine.js';

/**
 * Prices a {@link Bond} by discounting its flows on one curve.
 *
 * @remarks
 * value = Σ_{d_i > t₀} a_i P(d_i) at the curve's reference date t₀ (a flow on t₀ counts when
 * `Settings.includeReferenceDateEvents`); the additional result `settlementValue` =
 * Σ_{d_i > s} a_i P(d_i)/P(s) at the settlement date s (a flow on s excluded), from which the
 * bond's dirty and clean prices follow.
 * Observes: the discount-curve handle.
 *
 * Source: QuantLib `ql/pricingengines/bond/discountingbondengine.hpp` / `.cpp`.
 * Checked against: `test/instruments/bonds.test.ts` (QuantLib 1.29 NPV and settlement value).
 *
 * @public
 */
export class DiscountingBondEngine extends PricingEngine<BondArguments> {
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
   *   coupon throws.
   */
  calculate(args: BondArguments): PricingResults {
    const curve = this.discountCurve.currentLink();
    const reference = curve.referenceDate();
    const value = CashFlows.npv(args.cashflows, curve, { settlementDate: reference, npvDate: reference, includeSettlementDateFlows: Settings.instance.includeReferenceDateEvents });
    const s = args.settlementDate;
    const settlementValue = CashFlows.npv(args.cashflows, curve, { settlementDate: s, npvDate: s, includeSettlementDateFlows: false });
    return { value, greeks: {}, additionalResults: { settlementValue } };
  }
}
