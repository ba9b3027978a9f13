import { checkInteger } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { AmericanExercise } from '../../instruments/exercises/AmericanExercise.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import type { BinomialTreeType } from '../trees/BinomialTree.js';
import { PricingEngine } from '../PricingEngine.js';

/**
 * Vanilla options (European, American, Bermudan) on a binomial tree under Black–Scholes–Merton,
 * with delta, gamma and theta read from the tree.
 *
 * @remarks
 * As QuantLib's `BinomialVanillaEngine<T>`: the market is reduced to constant coefficients —
 * r and q the continuously compounded zero rates to maturity, σ the Black vol at (maturity,
 * strike = spot) — and T is the risk-free curve's year fraction to the last exercise date. The
 * tree class (`treeType`: {@link CoxRossRubinstein}, {@link JarrowRudd}, {@link Tian},
 * {@link LeisenReimer}) gives the node spots and branch probabilities; values roll back with the
 * per-step discount e^{−rΔt}, taking max(continuation, intrinsic) where exercise is allowed
 * (American: every step in [earliest date, T]; Bermudan: the steps nearest the exercise dates).
 *
 * Greeks use an extended lattice (Pelsser & Vorst 1994): the tree starts two steps before the
 * valuation time, so column 2 (t = 0) holds three nodes S_d < S₀ < S_u whose middle one is the
 * spot. The price is the middle value (identical to the plain N-step tree), delta and gamma are
 * the non-uniform central differences across the three nodes, and theta is the change of the
 * middle value over the next two steps, (V(2Δt, S₀′) − V(0, S₀))/(2Δt), corrected to the spot
 * S₀ by the delta/gamma Taylor terms where the tree's middle node drifts (S₀′ ≠ S₀ except for
 * CRR). Conventions: delta per unit of spot, gamma per unit of spot², theta per year,
 * thetaPerDay = theta/365. Vega and rho are not produced (absent, never zero).
 * Additional results: `timeSteps` (after the LR odd adjustment), `riskFreeRate`,
 * `dividendYield`, `volatility`, `timeToExpiry`.
 * Observes: the process.
 *
 * Source: QuantLib `ql/pricingengines/vanilla/binomialengine.hpp`; Pelsser & Vorst (1994), "The
 * binomial model and the Greek letters", J. Derivatives 1(3), 45–49.
 * Checked against: QuantLib 1.29 `BinomialCRRVanillaEngine(2000)` for the `quantlib.american`
 * cases (1e-6); convergence to `AnalyticEuropeanEngine` at measured order 1 (CRR/JR/Tian) and 2
 * (LR); Greeks against the analytic ones; American ≥ European (tests in
 * `test/engines/blackscholes/BinomialVanillaEngine.test.ts`).
 *
 * @example
 * ```ts
 * import { BinomialVanillaEngine, LeisenReimer } from 'quantflow';
 * option.setPricingEngine(new BinomialVanillaEngine(process, LeisenReimer, 801));
 * ```
 * @public
 */
export class BinomialVanillaEngine extends PricingEngine<VanillaOptionArguments> {
  /**
   * @param process - the Black–Scholes–Merton process (spot, curves, vol surface).
   * @param treeType - the tree class, e.g. `CoxRossRubinstein` or `LeisenReimer`.
   * @param timeSteps - number of time steps N, integer ≥ 2 (LeisenReimer raises an even N by one).
   * @throws InvalidInputError when `treeType` is not a tree class or `timeSteps` is not an integer ≥ 2.
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    readonly treeType: BinomialTreeType,
    readonly timeSteps: number,
  ) {
    super();
    if (typeof treeType !== 'function') {
      throw InvalidInputError.outOfRange('treeType', treeType, 'a BinomialTree class (CoxRossRubinstein, JarrowRudd, Tian, LeisenReimer)');
    }
    checkInteger('timeSteps', timeSteps, 2);
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the payoff is not plain vanilla, the spot is not > 0, or the
   * tree refuses its coefficients (e.g. a probability outside [0, 1] for too few steps).
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    if (!(args.payoff instanceof PlainVanillaPayoff)) {
      throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
    }
    const p = this.process;
    const omega: number = args.payoff.optionType;
    const strike = args.payoff.strike;
    const spot = p.spot();
    const maturity = args.exercise.lastDate();
    const riskFree = p.riskFreeRate.currentLink();
    const T = riskFree.timeFromReference(maturity);
    if (!(T > 0)) {
      return { value: Math.max(omega * (spot - strike), 0), greeks: {}, additionalResults: { timeToExpiry: Math.max(T, 0) } };
    }
    const volatility = p.blackVolatility.currentLink().blackVol(maturity, spot);
    const r = riskFree.zeroRate(maturity);
    const q = p.dividendYield.currentLink().zeroRate(maturity);
    const tree = new this.treeType({ spot, riskFreeRate: r, dividendYield: q, volatility }, T, this.timeSteps, strike);
    const n = tree.steps;
    const dt = tree.dt;
    const discount = Math.exp(-r * dt);
    const { pu, pd } = tree;
    const ratio = tree.up / tree.down;
    // Extended lattice: column k is time (k − 2)Δt; the middle node of column 2 is the spot.
    const scale = spot / tree.underlying(2, 1);
    const last = n + 2;

    const exercisable = exerciseColumns(args, riskFree.timeFromReference.bind(riskFree), T, dt, last);
    const values = new Float64Array(last + 1);
    let s = scale * tree.underlying(last, 0);
    for (let j = 0; j <= last; j++, s *= ratio) values[j] = Math.max(omega * (s - strike), 0);

    let thetaValue = Number.NaN;
    for (let k = last - 1; k >= 2; k--) {
      for (let j = 0; j <= k; j++) values[j] = discount * (pd * values[j]! + pu * values[j + 1]!);
      if (exercisable(k)) {
        let sk = scale * tree.underlying(k, 0);
        for (let j = 0; j <= k; j++, sk *= ratio) values[j] = Math.max(values[j]!, omega * (sk - strike));
      }
      if (k === 4) thetaValue = values[2]!;
    }
    const [vd, vm, vu] = [values[0]!, values[1]!, values[2]!];
    const [sd, sm, su] = [scale * tree.underlying(2, 0), spot, scale * tree.underlying(2, 2)];
    const delta = (vu - vd) / (su - sd);
    const gamma = (2 * ((vu - vm) / (su - sm) - (vm - vd) / (sm - sd))) / (su - sd);
    const ds = scale * tree.underlying(4, 2) - spot;
    const theta = (thetaValue - vm - delta * ds - 0.5 * gamma * ds * ds) / (2 * dt);
    return {
      value: vm,
      greeks: { delta, gamma, theta, thetaPerDay: theta / 365 },
      additionalResults: { timeSteps: n, riskFreeRate: r, dividendYield: q, volatility, timeToExpiry: T },
    };
  }
}

/** Which extended-lattice columns allow exercise (column k ↔ time (k − 2)Δt). */
function exerciseColumns(
  args: VanillaOptionArguments,
  timeOf: (d: ReturnType<VanillaOptionArguments['exercise']['lastDate']>) => number,
  T: number,
  dt: number,
  last: number,
): (k: number) => boolean {
  const ex = args.exercise;
  if (ex.type === ExerciseType.European) return () => false;
  if (ex.type === ExerciseType.American) {
    const earliest = Math.max(timeOf((ex as AmericanExercise).earliestDate), 0);
    const first = Math.ceil(earliest / dt - 1e-9) + 2;
    return (k) => k >= first && k <= last;
  }
  const columns = new Set<number>();
  for (const d of ex.dates()) {
    const t = timeOf(d);
    if (t >= 0 && t <= T * (1 + 1e-12)) columns.add(Math.round(t / dt) + 2);
  }
  return (k) => columns.has(k);
}
