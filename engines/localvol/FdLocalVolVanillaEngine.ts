import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { InvalidInputError } from '../../src/errors.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { LocalVolSurface } from '../../termstructures/volatility/LocalVolSurface.js';
import { LocalVolTermStructure } from '../../termstructures/volatility/LocalVolTermStructure.js';
import type { FdBlackScholesSolver, FdEarlyExercise, FdScheme } from '../finitedifferences/FdBlackScholesSolver.js';
import type { concentratedGrid } from '../finitedifferences/concentratedGrid.js';
import { checkFdOptions } from '../finitedifferences/_lib/checkFdOptions.js';
import { priceFdVanilla } from '../finitedifferences/_lib/priceFdVanilla.js';
import { PricingEngine } from '../PricingEngine.js';
import { localVolVariance } from './_lib/localVolVariance.js';

/**
 * Grid, method and surface settings of {@link FdLocalVolVanillaEngine}.
 * @public
 */
export interface FdLocalVolVanillaEngineOptions {
  /** Time steps over [0, T], integer ≥ 1; default 100. */
  readonly tGrid?: number;
  /** Log-spot nodes, integer ≥ 10; default 100. */
  readonly xGrid?: number;
  /** Implicit-Euler half-steps at the start (Rannacher), integer ≥ 0; default 2. */
  readonly dampingSteps?: number;
  /** Time stepping; default `'CrankNicolson'`. */
  readonly scheme?: FdScheme;
  /** LCP solver for early exercise; default `'BrennanSchwartz'`. */
  readonly earlyExercise?: FdEarlyExercise;
  /** Grid concentration α / width at the strike (smaller = denser), > 0; default 0.1. */
  readonly density?: number;
  /**
   * The local vol σ_loc(t, S). Default: `LocalVolSurface.fromProcess(process)` (Dupire by finite
   * differences on the process's Black surface, as QuantLib's `localVol = true`); pass e.g.
   * `LocalVolSurface.fromTotalVariance(ssvi)` for analytic Dupire vols.
   */
  readonly localVolatility?: LocalVolTermStructure;
}

/**
 * Vanilla options (European, American, Bermudan) under a local-volatility model
 * dS/S = (r − q) dt + σ_loc(t, S) dW by finite differences in log-spot.
 *
 * @remarks
 * Solves V_τ = ½σ²_loc V_xx + (r − q − ½σ²_loc)V_x − rV (x = ln S) with
 * {@link FdBlackScholesSolver}: Crank–Nicolson with Rannacher start-up (`dampingSteps`
 * implicit-Euler half-steps after maturity), on a sinh grid ({@link concentratedGrid})
 * concentrated at ln K with the strike on a node and the payoff cell-averaged there. At each
 * time step [t₁, t₂] the operator uses σ_loc(½(t₁ + t₂), S_i) at every node S_i, read as a row
 * of the Dupire grid (`localVolGrid`, extrapolation allowed). The grid spans ±5.58
 * standard deviations around the spot and the forward, the deviation from the process's Black
 * vol at the strike (QuantLib's FdmBlackScholesMesher choice). r(t), q(t) are step averages
 * from the curves. Early exercise is a linear complementarity problem at every step
 * (Brennan–Schwartz or PSOR). Delta, gamma (per unit of spot) and theta (per year, from the
 * last step; thetaPerDay = theta/365) come from the grid; vega and rho are not produced.
 * This is a separate engine rather than a `localVol` flag on `FdBlackScholesVanillaEngine`
 * (QuantLib's choice) so that the local-vol surface is an explicit, swappable market object.
 * Additional results: `xMin`, `xMax`, `xGrid`, `tGrid`, `timeToExpiry`.
 * Observes: the process and the local-vol surface.
 *
 * Source: B. Dupire (1994), "Pricing with a smile", Risk 7(1); Rannacher (1984); Brennan &
 * Schwartz (1977); Wilmott, Howison & Dewynne (1995), ch. 8–9; QuantLib 1.29
 * `FdBlackScholesVanillaEngine` with `localVol = true` (the model, not the code).
 * Checked against: the Black–Scholes closed form for a flat and a time-only surface (measured
 * second order), `FdBlackScholesVanillaEngine` for Americans on a flat surface, QuantLib
 * 1.29's local-vol FD prices on the reference smile, and an SSVI round trip within 10 bp of vol
 * (`test/engines/localvol/`).
 *
 * @example
 * ```ts
 * import { FdLocalVolVanillaEngine } from 'quantflow';
 * option.setPricingEngine(new FdLocalVolVanillaEngine(process, { tGrid: 200, xGrid: 200 }));
 * ```
 * @public
 */
export class FdLocalVolVanillaEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly settings: ReturnType<typeof checkFdOptions>;
  /** The local-vol surface the engine reads. */
  readonly localVolatility: LocalVolTermStructure;

  /**
   * @param process - spot, curves and the Black surface (grid width; the default local vol).
   * @param options - grid, scheme, exercise method and local-vol surface.
   * @throws InvalidInputError when an option is outside its range (named in the message).
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    readonly options: FdLocalVolVanillaEngineOptions = {},
  ) {
    super();
    this.settings = checkFdOptions(options);
    if (options.localVolatility !== undefined && !(options.localVolatility instanceof LocalVolTermStructure)) {
      throw InvalidInputError.outOfRange('options.localVolatility', options.localVolatility, 'a LocalVolTermStructure');
    }
    this.localVolatility = options.localVolatility ?? LocalVolSurface.fromProcess(process);
    this.registerWith(process);
    this.registerWith(this.localVolatility);
  }

  /**
   * @throws InvalidInputError when the payoff is not plain vanilla, the strike or spot is not > 0.
   * @throws ArbitrageError from the local-vol surface where Dupire's formula breaks down on the grid.
   * @throws ConvergenceError when PSOR does not converge.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    return priceFdVanilla(args, this.process, this.settings, (market) => ({
      spotLessDividends: market.spot,
      localVariance: (x) => localVolVariance(this.localVolatility, x),
    }));
  }
}
