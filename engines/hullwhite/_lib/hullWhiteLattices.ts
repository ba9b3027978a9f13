// Internal: from a HullWhite model and an instrument's arguments to a lattice and its flows,
// shared by the tree and FD engines of engines/hullwhite/{tree,fd}.
import { checkInteger, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { HullWhiteTrinomialTree } from '../../../src/math/lattices/HullWhiteTrinomialTree.js';
import { timeGridWithMandatoryTimes } from '../../../src/math/lattices/timeGridWithMandatoryTimes.js';
import { HullWhite } from '../../../src/models/HullWhite.js';
import { Settings } from '../../../src/settings.js';
import type { BondArguments } from '../../../instruments/Bond.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import { isCallableBondArguments } from '../../../instruments/CallableFixedRateBond.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import type { SwaptionArguments } from '../../../instruments/Swaption.js';
import { swaptionTimes } from '../../../instruments/_lib/swaptionTimes.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { concentratedGrid } from '../../finitedifferences/concentratedGrid.js';
import { FdHullWhiteLattice } from '../fd/_lib/fdHullWhiteLattice.js';
import { hwStateVariance } from './hullWhiteFormulas.js';
import { rollBermudanSwaption, rollCallableBond, type BackwardLattice, type LatticeCallability, type LatticeFlow } from './backwardLattice.js';
import { callableBondResults } from './callableBondResults.js';
import type { FdHullWhiteGridOptions } from '../fd/FdHullWhiteGridOptions.js';

/** A swaption as flows of the payer swap on the curve's clock. */
export interface SwaptionFlows {
  readonly flows: LatticeFlow[];
  readonly exerciseTimes: number[];
  readonly omega: 1 | -1;
}

/**
 * The payer swap's flows: −N K τ_i at each fixed payment (entitled from its accrual start), +N at
 * each floating accrual start and −N at its end (par coupons), spread amounts at payment.
 */
export function swaptionFlows(args: SwaptionArguments, curve: YieldTermStructure): SwaptionFlows {
  if (args.exerciseType === ExerciseType.American) throw InvalidInputError.outOfRange('exerciseType', args.exerciseType, 'European or Bermudan (tree and FD engines)');
  const st = swaptionTimes(args, (d) => curve.timeFromReference(d));
  const flows: LatticeFlow[] = [];
  const n = args.nominal;
  for (let i = 0; i < st.fixedPaymentTimes.length; i++) flows.push({ time: st.fixedPaymentTimes[i] as number, amount: -(st.fixedAmounts[i] as number), entitlementTime: st.fixedStartTimes[i] as number });
  for (let j = 0; j < st.floatStartTimes.length; j++) {
    const s = st.floatStartTimes[j] as number;
    flows.push({ time: s, amount: n, entitlementTime: s });
    flows.push({ time: st.floatEndTimes[j] as number, amount: -n, entitlementTime: s });
    const spread = st.floatSpreadAmounts[j] as number;
    if (spread !== 0) flows.push({ time: st.floatPaymentTimes[j] as number, amount: spread, entitlementTime: s });
  }
  const include = Settings.instance.includeReferenceDateEvents;
  const exerciseTimes = [...st.exerciseTimes].filter((t) => t > 0 || (include && t === 0));
  return { flows: flows.filter((f) => f.time > 0), exerciseTimes, omega: args.type > 0 ? 1 : -1 };
}

/** A bond's flows and (for a callable) its exercise schedule on the curve's clock. */
export function bondFlows(args: BondArguments, curve: YieldTermStructure): { flows: LatticeFlow[]; callability: LatticeCallability[] } {
  const flows: LatticeFlow[] = [];
  const reference = curve.referenceDate();
  for (const cf of args.cashflows) {
    if (cf.hasOccurred(reference)) continue;
    const t = curve.timeFromReference(cf.date());
    flows.push({ time: t, amount: cf.amountValue(), entitlementTime: t });
  }
  const callability: LatticeCallability[] = [];
  if (isCallableBondArguments(args)) {
    for (const c of args.callability) {
      const t = curve.timeFromReference(c.date);
      if (t > 0) callability.push({ time: t, price: c.dirtyAmount, type: c.type });
    }
  }
  return { flows: flows.filter((f) => f.time > 0), callability };
}

/** (a, σ) of a constant-σ model; the numerical engines do not take a piecewise-constant σ. */
export function constantHullWhiteParameters(model: HullWhite): { a: number; sigma: number } {
  if (model.hasPiecewiseSigma()) throw InvalidInputError.outOfRange('model.sigmas', model.sigmas, 'a constant σ (tree, FD and MC engines)');
  return { a: model.a, sigma: model.sigma };
}

/** The tree on a grid through every mandatory time. */
export function hullWhiteTree(model: HullWhite, mandatoryTimes: readonly number[], timeSteps: number): HullWhiteTrinomialTree {
  const { a, sigma } = constantHullWhiteParameters(model);
  const curve = model.curve();
  const grid = timeGridWithMandatoryTimes(mandatoryTimes, timeSteps);
  return new HullWhiteTrinomialTree(a, sigma, (t) => curve.discount(t, true), grid);
}

export function checkFdGridOptions(o: FdHullWhiteGridOptions): Required<FdHullWhiteGridOptions> {
  const r = { tGrid: o.tGrid ?? 100, xGrid: o.xGrid ?? 100, stdDevs: o.stdDevs ?? 4.5, density: o.density ?? 0.5, dampingSteps: o.dampingSteps ?? 1 };
  checkInteger('dampingSteps', r.dampingSteps, 0);
  checkInteger('tGrid', r.tGrid, 1);
  checkInteger('xGrid', r.xGrid, 5);
  checkPositive('stdDevs', r.stdDevs);
  checkPositive('density', r.density);
  return r;
}

/**
 * The FD operator on [−m·sd, m·sd], sd the standard deviation of x at the last mandatory time,
 * concentrated around x = 0 (today's node, near which the exercise boundaries of near-the-money
 * products lie).
 */
export function hullWhiteFdLattice(model: HullWhite, mandatoryTimes: readonly number[], o: Required<FdHullWhiteGridOptions>): FdHullWhiteLattice {
  const { a, sigma } = constantHullWhiteParameters(model);
  const curve = model.curve();
  const grid = timeGridWithMandatoryTimes(mandatoryTimes, o.tGrid);
  const end = grid[grid.length - 1] as number;
  const half = o.stdDevs * Math.sqrt(hwStateVariance(a, sigma, end));
  const x = concentratedGrid(-half, half, o.xGrid, 0, o.density);
  return new FdHullWhiteLattice(a, sigma, (t) => curve.discount(t, true), grid, x);
}

/**
 * Checks the model argument of a tree or FD engine.
 * @throws InvalidInputError when `model` is not a HullWhite.
 */
export function checkHullWhiteModel(model: HullWhite): void {
  if (!(model instanceof HullWhite)) throw InvalidInputError.outOfRange('model', model, 'a HullWhite model');
}

/**
 * A European or Bermudan swaption rolled back on `lattice(mandatoryTimes)` (the flow and exercise
 * times): `swapValue` (holder's side) and `extraResults(lattice)` as additional results; worth 0
 * with no exercise left.
 */
export function priceSwaptionOnLattice<L extends BackwardLattice>(
  model: HullWhite,
  args: SwaptionArguments,
  lattice: (mandatoryTimes: readonly number[]) => L,
  dampingSteps?: number,
  extraResults: (lattice: L) => Record<string, number> = () => ({}),
): PricingResults {
  const curve = model.curve();
  const { flows, exerciseTimes, omega } = swaptionFlows(args, curve);
  if (exerciseTimes.length === 0) return { value: 0, greeks: {}, additionalResults: {} };
  const l = lattice([...flows.map((f) => f.time), ...exerciseTimes]);
  const r = rollBermudanSwaption(l, flows, exerciseTimes, omega, dampingSteps);
  return { value: r.value, greeks: {}, additionalResults: { swapValue: omega * r.swapValue, ...extraResults(l) } };
}

/** A callable bond rolled back on `lattice(mandatoryTimes)` (the flow and call times), results as callableBondResults. */
export function priceCallableBondOnLattice(model: HullWhite, args: BondArguments, lattice: (mandatoryTimes: readonly number[]) => BackwardLattice, dampingSteps?: number): PricingResults {
  const curve = model.curve();
  const { flows, callability } = bondFlows(args, curve);
  if (flows.length === 0) return { value: 0, greeks: {}, additionalResults: { settlementValue: 0, straightValue: 0 } };
  const l = lattice([...flows.map((f) => f.time), ...callability.map((c) => c.time)]);
  return callableBondResults(rollCallableBond(l, flows, callability, dampingSteps), curve, args);
}
