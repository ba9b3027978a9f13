import { checkInteger } from '../../../src/_lib/checks.js';
import type { HullWhite } from '../../../src/models/HullWhite.js';
import type { BondArguments } from '../../../instruments/Bond.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import { PricingEngine } from '../../PricingEngine.js';
import { checkHullWhiteModel, hullWhiteTree, priceCallableBondOnLattice } from '../_lib/hullWhiteLattices.js';

/**
 * Prices a {@link CallableFixedRateBond} on a Hull–White trinomial tree.
 *
 * @remarks
 * The bond's flows are rolled back on the tree ({@link HullWhiteTrinomialTree}, a grid of about
 * `timeSteps` steps through every payment and exercise date); on a call date the value becomes
 * min(continuation, dirty call amount), on a put date max(…, dirty put amount); the coupon paid on
 * that date is added after. value = NPV at the curve's reference date; `settlementValue` =
 * value / P(0, settlement) (flows between the reference and settlement dates are ignored — zero
 * with the usual short settlement lag, none falling in it); `straightValue` = the same flows
 * without the options, on the same tree (equals discounting on the curve, as the tree reprices it).
 * Given a plain bond (no schedule) it prices the straight bond.
 * Observes: the model (and so its curve).
 *
 * Source: Hull & White (1994), J. Derivatives 2(1); QuantLib `TreeCallableFixedRateBondEngine`
 * (conventions: clean call prices plus accrued).
 * Checked against: `test/engines/hullwhite/tree/TreeCallableFixedRateBondEngine.test.ts` —
 * QuantLib 1.29 TreeCallableFixedRateBondEngine; callable ≤ straight; FD engine.
 *
 * @public
 */
export class TreeCallableFixedRateBondEngine extends PricingEngine<BondArguments> {
  /**
   * @param model - the Hull–White model.
   * @param timeSteps - target number of tree steps, integer ≥ 1; default 1000.
   * @throws InvalidInputError when `model` is not a HullWhite or `timeSteps` is not an integer ≥ 1.
   */
  constructor(readonly model: HullWhite, readonly timeSteps = 1000) {
    super();
    checkHullWhiteModel(model);
    checkInteger('timeSteps', timeSteps, 1);
    this.registerWith(model);
  }

  /** @throws InvalidInputError for a model with piecewise-constant σ; QuantflowError when the curve handle is empty. */
  calculate(args: BondArguments): PricingResults {
    return priceCallableBondOnLattice(this.model, args, (times) => hullWhiteTree(this.model, times, this.timeSteps));
  }
}
