import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { BarrierOptionArguments } from '../../instruments/BarrierOption.js';
import { BarrierType } from '../../instruments/BarrierType.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { concentratedGrid } from '../finitedifferences/concentratedGrid.js';
import { FdBlackScholesSolver } from '../finitedifferences/FdBlackScholesSolver.js';
import { blackScholesMarket, logSpotBounds } from '../finitedifferences/_lib/blackScholesMarket.js';
import { cellAveragedAtStrike } from '../finitedifferences/_lib/cellAveragedAtStrike.js';
import { checkFdOptions } from '../finitedifferences/_lib/checkFdOptions.js';
import { interpolateAt } from '../finitedifferences/_lib/interpolateAt.js';
import { PricingEngine } from '../PricingEngine.js';
import { FdBlackScholesVanillaEngine, type FdBlackScholesVanillaEngineOptions } from './FdBlackScholesVanillaEngine.js';

/**
 * Grid and method settings of {@link FdBlackScholesBarrierEngine} (dividends and early exercise
 * are not supported).
 * @public
 */
export type FdBlackScholesBarrierEngineOptions = Omit<FdBlackScholesVanillaEngineOptions, 'dividends' | 'earlyExercise'>;

/**
 * European single-barrier options (continuous monitoring, 8 types with rebate) under
 * Black–Scholes–Merton by finite differences.
 *
 * @remarks
 * Knock-outs: the log-spot grid ends at the barrier, where a Dirichlet condition V = rebate holds
 * (the rebate is paid when the barrier is hit); the other end is a V_SS = 0 far field ±5.58
 * standard deviations away; the grid is concentrated at the strike (the strike node's payoff is
 * cell-averaged). Same solver as {@link FdBlackScholesVanillaEngine} (Crank–Nicolson with
 * Rannacher start-up). Knock-ins by parity: in = vanilla − out₀ + R·(no-hit digital at expiry),
 * computed as vanilla − (out solved with terminal payoff − R and zero at the barrier), the vanilla
 * priced by {@link FdBlackScholesVanillaEngine} with the same grid settings; the knock-in rebate
 * is paid at expiry if the barrier was never hit (QuantLib convention). A spot already beyond
 * the barrier gives the rebate (out) or the vanilla (in). Greeks delta, gamma (per unit of spot)
 * and theta (per year, from the last step), thetaPerDay = theta/365.
 * Additional results: `xGrid`, `tGrid`, `timeToExpiry`.
 * Observes: the process.
 *
 * Source: Wilmott, Howison & Dewynne (1995), ch. 11 (barrier options as boundary-value
 * problems); QuantLib `ql/pricingengines/barrier/fdblackscholesbarrierengine.hpp`.
 * Checked against: QuantLib 1.29 `AnalyticBarrierEngine` values (`quantlib.barrier`, all
 * cases, tolerance from the grid) and in + out = vanilla
 * (`test/engines/blackscholes/FdBlackScholesBarrierEngine.test.ts`).
 *
 * @public
 */
export class FdBlackScholesBarrierEngine extends PricingEngine<BarrierOptionArguments> {
  private readonly settings: ReturnType<typeof checkFdOptions>;
  private readonly vanilla: FdBlackScholesVanillaEngine;

  /**
   * @param process - the Black–Scholes–Merton process.
   * @param options - grid and scheme settings (defaults as {@link FdBlackScholesVanillaEngine}).
   * @throws InvalidInputError when an option is outside its range (named in the message).
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    readonly options: FdBlackScholesBarrierEngineOptions = {},
  ) {
    super();
    this.settings = checkFdOptions(options);
    this.vanilla = new FdBlackScholesVanillaEngine(process, options);
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the payoff is not plain vanilla,
   * or the spot is not > 0.
   */
  calculate(args: BarrierOptionArguments): PricingResults {
    if (args.exercise.type !== ExerciseType.European) throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
    if (!(args.payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
    const { barrier, rebate, barrierType } = args;
    const strike = args.payoff.strike;
    const omega: number = args.payoff.optionType;
    const market = blackScholesMarket(this.process, args.exercise.lastDate(), strike);
    const { spot, maturity: T } = market;
    const down = barrierType === BarrierType.DownIn || barrierType === BarrierType.DownOut;
    const knockIn = barrierType === BarrierType.DownIn || barrierType === BarrierType.UpIn;
    const triggered = down ? spot <= barrier : spot >= barrier;
    if (triggered || !(T > 0)) {
      if (knockIn && triggered) return this.vanilla.calculate({ payoff: args.payoff, exercise: args.exercise });
      const value = triggered ? rebate : knockIn ? rebate : Math.max(omega * (spot - strike), 0);
      return { value, greeks: {}, additionalResults: { timeToExpiry: Math.max(T, 0) } };
    }

    const s = this.settings;
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
      ...(down ? { lowerValue: boundary } : { upperValue: boundary }),
    }).solve();
    const x0 = Math.log(spot);
    const now = interpolateAt(x, solution.values, x0);
    const later = interpolateAt(x, solution.valuesAtFirstStep, x0);
    let value = now.value;
    let delta = now.dx / spot;
    let gamma = (now.dxx - now.dx) / (spot * spot);
    let theta = (later.value - now.value) / solution.firstStepTime;
    if (knockIn) {
      const v = this.vanilla.calculate({ payoff: args.payoff, exercise: args.exercise });
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
}
