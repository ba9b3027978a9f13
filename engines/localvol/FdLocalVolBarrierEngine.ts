import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { BarrierOptionArguments } from '../../instruments/BarrierOption.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { checkFdOptions } from '../finitedifferences/_lib/checkFdOptions.js';
import { priceFdBarrier } from '../finitedifferences/_lib/priceFdBarrier.js';
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
    return priceFdBarrier(args, this.process, this.settings, this.vanilla, (x) => localVolVariance(this.vanilla.localVolatility, x));
  }
}
