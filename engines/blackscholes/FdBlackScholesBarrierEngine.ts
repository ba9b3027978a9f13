import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { BarrierOptionArguments } from '../../instruments/BarrierOption.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { checkFdOptions } from '../finitedifferences/_lib/checkFdOptions.js';
import { priceFdBarrier } from '../finitedifferences/_lib/priceFdBarrier.js';
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
    return priceFdBarrier(args, this.process, this.settings, this.vanilla);
  }
}
