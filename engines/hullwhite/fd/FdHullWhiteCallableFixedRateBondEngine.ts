import type { HullWhite } from '../../../src/models/HullWhite.js';
import type { BondArguments } from '../../../instruments/Bond.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import { PricingEngine } from '../../PricingEngine.js';
import { checkFdGridOptions, checkHullWhiteModel, hullWhiteFdLattice, priceCallableBondOnLattice } from '../_lib/hullWhiteLattices.js';
import type { FdHullWhiteGridOptions } from './FdHullWhiteGridOptions.js';

/**
 * Prices a {@link CallableFixedRateBond} by finite differences (Crank–Nicolson, Rannacher start) in the Hull–White state x.
 *
 * @remarks
 * The PDE and grid of {@link FdHullWhiteSwaptionEngine}; the bond's flows are rolled back, a call
 * date caps the value at the dirty call amount, a put date floors it at the dirty put amount
 * (`dampingSteps` Rannacher steps after the latest one). Results as {@link TreeCallableFixedRateBondEngine}
 * (`straightValue` from the same grid, so its difference to the curve's bond price is the FD error).
 * Observes: the model (and so its curve).
 *
 * Source: Brigo & Mercurio (2006) §3.3.2; Rannacher (1984), Numer. Math. 43; Tavella & Randall (2000) ch. 5.
 * Checked against: `test/engines/hullwhite/fd/FdHullWhiteCallableFixedRateBondEngine.test.ts` —
 * the tree engine and QuantLib 1.29; callable ≤ straight ≤ puttable.
 *
 * @public
 */
export class FdHullWhiteCallableFixedRateBondEngine extends PricingEngine<BondArguments> {
  private readonly grid: Required<FdHullWhiteGridOptions>;

  /**
   * @param model - the Hull–White model.
   * @param options - `tGrid` (time steps, default 100), `xGrid` (nodes, default 100), `stdDevs`
   *   (default 4.5), `density` (default 0.5), `dampingSteps` (default 1).
   * @throws InvalidInputError when `model` is not a HullWhite or an option is out of range.
   */
  constructor(readonly model: HullWhite, options: FdHullWhiteGridOptions = {}) {
    super();
    checkHullWhiteModel(model);
    this.grid = checkFdGridOptions(options);
    this.registerWith(model);
  }

  /** @throws InvalidInputError for a model with piecewise-constant σ; QuantflowError when the curve handle is empty. */
  calculate(args: BondArguments): PricingResults {
    return priceCallableBondOnLattice(this.model, args, (times) => hullWhiteFdLattice(this.model, times, this.grid), this.grid.dampingSteps);
  }
}
