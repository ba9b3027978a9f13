// The single-barrier FD pricing shared by FdBlackScholesBarrierEngine and FdLocalVolBarrierEngine:
// they differ only in the variance (the process's Black variance, or a local vol per node).
import { InvalidInputError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { BarrierOptionArguments } from '../../../instruments/BarrierOption.js';
import { BarrierType } from '../../../instruments/BarrierType.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';
import { concentratedGrid } from '../concentratedGrid.js';
import { FdBlackScholesSolver, type FdBlackScholesProblem } from '../FdBlackScholesSolver.js';
import { blackScholesMarket, logSpotBounds } from './blackScholesMarket.js';
import { cellAveragedAtStrike } from './cellAveragedAtStrike.js';
import type { checkFdOptions } from './checkFdOptions.js';
import { greeksAtSpot } from './greeksAtSpot.js';

/**
 * Prices a European single barrier (see the barrier engines' remarks): knock-outs on a grid ending
 * at the barrier, knock-ins by parity with `vanilla` (an engine on the same model and grid).
 * `localVariance`, when given, builds the solver's per-node variance for the grid x.
 */
export function priceFdBarrier(
  args: BarrierOptionArguments,
  process: GeneralizedBlackScholesProcess,
  s: ReturnType<typeof checkFdOptions>,
  vanilla: { calculate(args: VanillaOptionArguments): PricingResults },
  localVariance?: (x: Float64Array) => NonNullable<FdBlackScholesProblem['localVariance']>,
): PricingResults {
  if (args.exercise.type !== ExerciseType.European) throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
  if (!(args.payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
  const { barrier, rebate, barrierType } = args;
  const strike = args.payoff.strike;
  const omega: number = args.payoff.optionType;
  const market = blackScholesMarket(process, args.exercise.lastDate(), strike);
  const { spot, maturity: T } = market;
  const down = barrierType === BarrierType.DownIn || barrierType === BarrierType.DownOut;
  const knockIn = barrierType === BarrierType.DownIn || barrierType === BarrierType.UpIn;
  const triggered = down ? spot <= barrier : spot >= barrier;
  if (triggered || !(T > 0)) {
    if (knockIn && triggered) return vanilla.calculate({ payoff: args.payoff, exercise: args.exercise });
    const value = triggered ? rebate : knockIn ? rebate : Math.max(omega * (spot - strike), 0);
    return { value, greeks: {}, additionalResults: { timeToExpiry: Math.max(T, 0) } };
  }

  const forward = (spot * market.dividendDiscount(T)) / market.riskFreeDiscount(T);
  let [xMin, xMax] = logSpotBounds(Math.min(spot, forward), Math.max(spot, forward), strike, Math.sqrt(market.totalVariance));
  if (down) xMin = Math.log(barrier);
  else xMax = Math.log(barrier);
  const lnK = Math.log(strike);
  const center = lnK > xMin && lnK < xMax ? lnK : Math.log(spot);
  const x = concentratedGrid(xMin, xMax, s.xGrid, center, s.density);
  const payoff = cellAveragedAtStrike(x, x.map((xi) => Math.max(omega * (Math.exp(xi) - strike), 0)), strike, omega);
  const boundary = knockIn ? 0 : rebate;
  const terminal = knockIn ? payoff.map((v) => v - rebate) : payoff;
  terminal[down ? 0 : x.length - 1] = boundary;
  const solution = new FdBlackScholesSolver({
    x,
    terminal,
    maturity: T,
    timeSteps: s.tGrid,
    dampingSteps: s.dampingSteps,
    scheme: s.scheme,
    coefficients: market.coefficients,
    ...(localVariance !== undefined ? { localVariance: localVariance(x) } : {}),
    ...(down ? { lowerValue: boundary } : { upperValue: boundary }),
  }).solve();
  let { value, delta, gamma, theta } = greeksAtSpot(x, solution, spot);
  if (knockIn) {
    const v = vanilla.calculate({ payoff: args.payoff, exercise: args.exercise });
    value = v.value - value;
    delta = v.greeks.delta! - delta;
    gamma = v.greeks.gamma! - gamma;
    theta = v.greeks.theta! - theta;
  }
  return {
    value,
    greeks: { delta, gamma, theta, thetaPerDay: theta / 365 },
    additionalResults: { xGrid: s.xGrid, tGrid: s.tGrid, timeToExpiry: T },
  };
}
