import { InvalidInputError } from '../../../src/errors.js';
import { HullWhite } from '../../../src/models/HullWhite.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { SwaptionArguments } from '../../../instruments/Swaption.js';
import { PricingEngine } from '../../PricingEngine.js';
import { rollBermudanSwaption } from '../_lib/backwardLattice.js';
import { checkFdGridOptions, hullWhiteFdLattice, swaptionFlows, type FdHullWhiteGridOptions } from '../_lib/hullWhiteLattices.js';

/**
 * Prices European and Bermudan swaptions by finite differences (Crank–Nicolson, Rannacher start)
 * in the Hull–White state x = r − φ(t).
 *
 * @remarks
 * V = e^{−∫φ}W with W_t − a x W_x + ½σ²W_xx − x W = 0 (Brigo & Mercurio 2006, §3.3.2); the
 * deterministic factor over each step is exact from the curve, P(0,t_{i+1})/P(0,t_i)·e^{−½ΔV(0,·)},
 * so no numerical forward rates enter. x runs over ±`stdDevs` standard deviations of x at the
 * last time on a sinh-concentrated grid pinned at x = 0 (today's node); time steps land on every
 * exercise and flow time; after each exercise two damped steps (two
 * implicit half steps each) smooth the kink (Rannacher 1984). The swap is rolled back as flows,
 * as in {@link TreeSwaptionEngine}. Cash-settled swaptions are priced as physical ones.
 * Additional result `swapValue` (holder's side).
 * Observes: the model (and so its curve).
 *
 * Source: Crank & Nicolson (1947); Rannacher (1984), "Finite element solution of diffusion
 * problems with irregular data", Numer. Math. 43; Brigo & Mercurio (2006) §3.3.2; Tavella &
 * Randall (2000), *Pricing Financial Instruments: The Finite Difference Method*, ch. 5.
 * Checked against: `test/engines/hullwhite/fd/FdHullWhiteSwaptionEngine.test.ts` — QuantLib 1.29
 * FdHullWhiteSwaptionEngine (European and converged Bermudan values) and Jamshidian.
 *
 * @public
 */
export class FdHullWhiteSwaptionEngine extends PricingEngine<SwaptionArguments> {
  private readonly grid: Required<FdHullWhiteGridOptions>;

  /**
   * @param model - the Hull–White model.
   * @param options - `tGrid` (time steps, default 100), `xGrid` (nodes, default 100), `stdDevs`
   *   (default 5), `density` (default 0.5).
   * @throws InvalidInputError when `model` is not a HullWhite or an option is out of range.
   */
  constructor(readonly model: HullWhite, options: FdHullWhiteGridOptions = {}) {
    super();
    if (!(model instanceof HullWhite)) throw InvalidInputError.outOfRange('model', model, 'a HullWhite model');
    this.grid = checkFdGridOptions(options);
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError for an American exercise; QuantflowError when the curve handle is empty.
   */
  calculate(args: SwaptionArguments): PricingResults {
    const curve = this.model.curve();
    const { flows, exerciseTimes, omega } = swaptionFlows(args, curve);
    if (exerciseTimes.length === 0) return { value: 0, greeks: {}, additionalResults: {} };
    const lattice = hullWhiteFdLattice(this.model, [...flows.map((f) => f.time), ...exerciseTimes], this.grid);
    const r = rollBermudanSwaption(lattice, flows, exerciseTimes, omega, this.grid.dampingSteps);
    return { value: r.value, greeks: {}, additionalResults: { swapValue: omega * r.swapValue } };
  }
}
