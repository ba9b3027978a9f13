import { checkInteger } from '../../../src/_lib/checks.js';
import type { HullWhite } from '../../../src/models/HullWhite.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { SwaptionArguments } from '../../../instruments/Swaption.js';
import { PricingEngine } from '../../PricingEngine.js';
import { checkHullWhiteModel, hullWhiteTree, priceSwaptionOnLattice } from '../_lib/hullWhiteLattices.js';

/**
 * Prices European and Bermudan swaptions on a Hull–White trinomial tree.
 *
 * @remarks
 * The tree ({@link HullWhiteTrinomialTree}) is built on a grid of about `timeSteps` steps through
 * every exercise, payment and accrual time, fitted to the model's curve. The payer swap is rolled
 * back as flows (−N K τ at fixed payments, +N / −N at floating accrual start / end: par coupons
 * on the model's curve), and at each exercise date t_k the option becomes
 * max(continuation, ω·U_k), U_k the value of the coupons starting on or after t_k (ω = +1 payer,
 * −1 receiver). Cash-settled swaptions are priced as physical ones. Additional result
 * `swapValue`: the whole underlying swap's value from the tree (holder's side).
 * Observes: the model (and so its curve).
 *
 * Source: Hull & White (1994), "Numerical procedures for implementing term structure models I",
 * J. Derivatives 2(1); QuantLib `TreeSwaptionEngine` (conventions).
 * Checked against: `test/engines/hullwhite/tree/TreeSwaptionEngine.test.ts` — QuantLib 1.29
 * TreeSwaptionEngine (1000 / 2000 steps, same grid) to 1e-12; Jamshidian closed form for
 * Europeans within the tree's O(Δt) error; QuantLib's converged FD Bermudan values.
 *
 * @example
 * ```ts
 * import { Actual365Fixed, BermudanExercise, Currency, Date, FlatForward, Handle, HullWhite, IborIndex, NullCalendar, Period, Schedule, Settings, Swaption, SwapType, TreeSwaptionEngine, VanillaSwap, type YieldTermStructure } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today, dayCounter: new Actual365Fixed() }));
 * const index = new IborIndex({ familyName: 'Idx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(), dayCounter: new Actual365Fixed(), forwardingTermStructure: curve });
 * const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2026-01-02'), terminationDate: Date.fromISO('2031-01-02'), tenor: Period.parse(t), calendar: new NullCalendar() });
 * const swap = new VanillaSwap(SwapType.Payer, 1, s('1Y'), 0.03, new Actual365Fixed(), s('6M'), index, 0, new Actual365Fixed());
 * const bermudan = new Swaption(swap, new BermudanExercise(s('1Y').dates().slice(0, -1)));
 * bermudan.setPricingEngine(new TreeSwaptionEngine(new HullWhite(curve, 0.1, 0.01), 500));
 * bermudan.NPV().toFixed(6); //=> '0.021733'
 * ```
 * @public
 */
export class TreeSwaptionEngine extends PricingEngine<SwaptionArguments> {
  /**
   * @param model - the Hull–White model (a ≥ 0, σ > 0, its curve handle not empty when pricing).
   * @param timeSteps - target number of tree steps, integer ≥ 1; default 1000.
   * @throws InvalidInputError when `model` is not a HullWhite or `timeSteps` is not an integer ≥ 1.
   */
  constructor(readonly model: HullWhite, readonly timeSteps = 1000) {
    super();
    checkHullWhiteModel(model);
    checkInteger('timeSteps', timeSteps, 1);
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError for an American exercise or a model with piecewise-constant σ;
   *   QuantflowError when the curve handle is empty.
   */
  calculate(args: SwaptionArguments): PricingResults {
    return priceSwaptionOnLattice(this.model, args, (times) => hullWhiteTree(this.model, times, this.timeSteps), undefined, (tree) => ({ timeSteps: tree.steps }));
  }
}
