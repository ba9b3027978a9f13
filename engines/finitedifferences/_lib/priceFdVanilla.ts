// The vanilla FD pricing shared by FdBlackScholesVanillaEngine and FdLocalVolVanillaEngine: they
// differ only in the model read once the market is known (cash dividends, or a local vol per node).
import { InvalidInputError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Date } from '../../../src/time/Date.js';
import type { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';
import { concentratedGrid } from '../concentratedGrid.js';
import { FdBlackScholesSolver, type FdBlackScholesProblem, type FdEarlyExercise } from '../FdBlackScholesSolver.js';
import { blackScholesMarket, logSpotBounds, type BlackScholesMarket } from './blackScholesMarket.js';
import { cellAveragedAtStrike } from './cellAveragedAtStrike.js';
import type { checkFdOptions } from './checkFdOptions.js';
import { greeksAtSpot } from './greeksAtSpot.js';

/** What an engine adds to the market for one valuation (read after the expiry check). */
export interface FdVanillaModel {
  /** Spot less the present value of the cash dividends to expiry (the spot itself without them). */
  readonly spotLessDividends: number;
  readonly dividends?: FdBlackScholesProblem['dividends'];
  /** Builds the solver's per-node variance for the grid x (a local vol); absent: the Black variance. */
  readonly localVariance?: (x: Float64Array) => NonNullable<FdBlackScholesProblem['localVariance']>;
}

/**
 * Prices a vanilla (European, American, Bermudan) as in the FD vanilla engines' remarks; `model`
 * gives the dividends or the local variance once the market is read and T > 0.
 */
export function priceFdVanilla(
  args: VanillaOptionArguments,
  process: GeneralizedBlackScholesProcess,
  s: ReturnType<typeof checkFdOptions>,
  model: (market: BlackScholesMarket) => FdVanillaModel,
): PricingResults {
  if (!(args.payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
  const strike = args.payoff.strike;
  const omega: number = args.payoff.optionType;
  if (!(strike > 0)) throw InvalidInputError.outOfRange('strike', strike, '(0, ∞)');
  const market = blackScholesMarket(process, args.exercise.lastDate(), strike);
  const { spot, maturity: T } = market;
  if (!(T > 0)) return { value: Math.max(omega * (spot - strike), 0), greeks: {}, additionalResults: { timeToExpiry: Math.max(T, 0) } };

  const m = model(market);
  const forward = (m.spotLessDividends * market.dividendDiscount(T)) / market.riskFreeDiscount(T);
  const [xMin, xMax] = logSpotBounds(Math.min(m.spotLessDividends, forward), Math.max(spot, forward), strike, Math.sqrt(market.totalVariance));
  const x = concentratedGrid(xMin, xMax, s.xGrid, Math.log(strike), s.density);
  const payoff = x.map((xi) => Math.max(omega * (Math.exp(xi) - strike), 0));
  const problem: FdBlackScholesProblem = {
    x,
    terminal: cellAveragedAtStrike(x, payoff, strike, omega),
    maturity: T,
    timeSteps: s.tGrid,
    dampingSteps: s.dampingSteps,
    scheme: s.scheme,
    coefficients: market.coefficients,
    ...(m.dividends !== undefined ? { dividends: m.dividends } : {}),
    ...(m.localVariance !== undefined ? { localVariance: m.localVariance(x) } : {}),
    ...exerciseOf(args, market.timeOf, payoff, s.earlyExercise, omega),
  };
  const solution = new FdBlackScholesSolver(problem).solve();
  let { value, delta, gamma, theta } = greeksAtSpot(x, solution, spot);
  // The exercise constraint holds at the nodes; between nodes the cubic through them can dip
  // below the payoff near the exercise boundary (measured up to 9e-3 on a 60-node grid).
  // Exercisable now, the option is worth at least its intrinsic value at the spot itself.
  const intrinsic = Math.max(omega * (spot - strike), 0);
  if (problem.american !== undefined && problem.american.from === 0 && value < intrinsic) {
    value = intrinsic;
    delta = omega;
    gamma = 0;
    theta = 0;
  }
  return {
    value,
    greeks: { delta, gamma, theta, thetaPerDay: theta / 365 },
    additionalResults: { xMin, xMax, xGrid: s.xGrid, tGrid: s.tGrid, timeToExpiry: T },
  };
}

function exerciseOf(
  args: VanillaOptionArguments,
  timeOf: (d: Date) => number,
  obstacle: Float64Array,
  method: FdEarlyExercise,
  omega: number,
): Pick<FdBlackScholesProblem, 'american' | 'bermudan'> {
  const ex = args.exercise;
  if (ex.type === ExerciseType.American) {
    const from = Math.max(timeOf((ex as AmericanExercise).earliestDate), 0);
    return { american: { obstacle, from, method, exerciseAtLow: omega === OptionType.Put } };
  }
  if (ex.type === ExerciseType.Bermudan) return { bermudan: { obstacle, times: ex.dates().map(timeOf).filter((t) => t >= 0) } };
  return {};
}
