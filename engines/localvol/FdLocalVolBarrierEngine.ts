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
import { FdLocalVolVanillaEngine, type FdLocalVolVanillaEngineOptions } from './FdLocalVolVanillaEngine.js';
import { localVolVariance } from './_lib/localVolVariance.js';

/**
 * Grid, method and surface settings of {@link FdLocalVolBarrierEngine} (no early exercise).
 * @public
 */
export type FdLocalVolBarrierEngineOptions = Omit<FdLocalVolVanillaEngineOptions, 'earlyExercise'>;

/**
 * European single-barrier options (continuous monitoring, 8 types with rebate) under a
 * local-volatility model by finite differences in log-spot.
 *
 * @remarks
 * Knock-outs: the grid ends at the barrier with a Dirichlet condition V = rebate (paid at the
 * hit), the other end a V_SS = 0 far field ±5.58 standard deviations away; concentrated at the
 * strike when it lies inside (else at the spot). The PDE, time stepping and per-step local vol
 * are those of {@link FdLocalVolVanillaEngine}. Knock-ins by parity: in = vanilla − (out solved
 * with terminal payoff − R and zero at the barrier), the vanilla priced by
 * {@link FdLocalVolVanillaEngine} with the same settings and surface; the knock-in rebate is
 * paid at expiry if the barrier was never hit (QuantLib convention). A spot already beyond the
 * barrier gives the rebate (out) or the vanilla (in). Greeks delta, gamma (per unit of spot),
 * theta (per year), thetaPerDay = theta/365.
 * Additional results: `xGrid`, `tGrid`, `timeToExpiry`.
 * Observes: the process and the local-vol surface.
 *
 * Source: Wilmott, Howison & Dewynne (1995), ch. 11; Dupire (1994); QuantLib 1.29
 * `FdBlackScholesBarrierEngine` with `localVol = true` (the model, not the code).
 * Checked against: `FdBlackScholesBarrierEngine` and QuantLib 1.29 analytic barrier values on a
 * flat surface; on a smile, a knock-out with an unreachable barrier = the vanilla and values
 * monotone in the barrier (`test/engines/localvol/FdLocalVolBarrierEngine.test.ts`).
 *
 * @example
 * ```ts
 * import { FdLocalVolBarrierEngine } from 'quantflow';
 * barrierOption.setPricingEngine(new FdLocalVolBarrierEngine(process, { tGrid: 200, xGrid: 200 }));
 * ```
 * @public
 */
export class FdLocalVolBarrierEngine extends PricingEngine<BarrierOptionArguments> {
  private readonly settings: ReturnType<typeof checkFdOptions>;
  private readonly vanilla: FdLocalVolVanillaEngine;

  /**
   * @param process - spot, curves and the Black surface (grid width; the default local vol).
   * @param options - grid, scheme and local-vol surface.
   * @throws InvalidInputError when an option is outside its range (named in the message).
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    readonly options: FdLocalVolBarrierEngineOptions = {},
  ) {
    super();
    this.settings = checkFdOptions(options);
    this.vanilla = new FdLocalVolVanillaEngine(process, options);
    this.registerWith(process);
    this.registerWith(this.vanilla.localVolatility);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the payoff is not plain vanilla,
   * or the spot is not > 0.
   * @throws ArbitrageError from the local-vol surface where Dupire's formula breaks down on the grid.
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
      localVariance: localVolVariance(this.vanilla.localVolatility, x),
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
