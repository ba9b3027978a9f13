import { checkFinite, checkNonNegative } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { Date } from '../../src/time/Date.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import type { FdBlackScholesSolver, FdEarlyExercise, FdScheme } from '../finitedifferences/FdBlackScholesSolver.js';
import type { concentratedGrid } from '../finitedifferences/concentratedGrid.js';
import { checkFdOptions } from '../finitedifferences/_lib/checkFdOptions.js';
import { priceFdVanilla } from '../finitedifferences/_lib/priceFdVanilla.js';
import { PricingEngine } from '../PricingEngine.js';

/**
 * Grid and method settings of {@link FdBlackScholesVanillaEngine}.
 * @public
 */
export interface FdBlackScholesVanillaEngineOptions {
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
  /** Discrete cash dividends: ex-dividend date and amount (≥ 0, currency units). */
  readonly dividends?: ReadonlyArray<{ readonly date: Date; readonly amount: number }>;
}

/**
 * Vanilla options (European, American, Bermudan) under Black–Scholes–Merton by finite
 * differences in log-spot, with discrete cash dividends and Greeks from the grid.
 *
 * @remarks
 * Solves V_τ = ½σ²V_xx + (r − q − ½σ²)V_x − rV (x = ln S) with {@link FdBlackScholesSolver}:
 * Crank–Nicolson with Rannacher start-up (`dampingSteps` implicit half-steps), on a sinh grid
 * ({@link concentratedGrid}) concentrated at ln K with the strike on a node, spanning ±5.58
 * standard deviations (σ from the surface at the strike) around the spot and the forward.
 * r(t), q(t), σ²(t) are step averages read from the curves and from the total variance at the
 * strike. Early exercise is a linear complementarity problem at every step, solved by
 * Brennan–Schwartz (exact for vanilla puts and calls) or PSOR. A cash dividend D at t_d
 * imposes V(S, t_d⁻) = V(S − D, t_d⁺) (linear interpolation in S), after which an American
 * holder may exercise. The value, delta (∂V/∂S) and gamma (∂²V/∂S²) at the spot come from the
 * cubic through the four nearest nodes; theta (per year) is (V(t₁) − V(0))/t₁ from the last
 * time step, thetaPerDay = theta/365. Vega and rho are not produced.
 * Additional results: `xMin`, `xMax` (log-spot bounds), `xGrid`, `tGrid`, `timeToExpiry`.
 * Observes: the process.
 *
 * Source: Wilmott, Howison & Dewynne (1995), *The Mathematics of Financial Derivatives*,
 * ch. 8–9; Rannacher (1984); Brennan & Schwartz (1977); QuantLib
 * `ql/pricingengines/vanilla/fdblackscholesvanillaengine.hpp`; dividends: Tavella & Randall
 * (2000), §7.2 (jump condition).
 * Checked against: QuantLib 1.29 `qdfp_high_precision` American values (tolerance from the
 * grid), analytic Europeans (measured order 2 in Δt and Δx), a 20,000-step Leisen–Reimer tree,
 * the escrowed-dividend Black–Scholes price (`test/engines/blackscholes/FdBlackScholesVanillaEngine.test.ts`).
 *
 * @example
 * ```ts
 * import { FdBlackScholesVanillaEngine } from 'quantflow';
 * american.setPricingEngine(new FdBlackScholesVanillaEngine(process, { tGrid: 200, xGrid: 200 }));
 * ```
 * @public
 */
export class FdBlackScholesVanillaEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly settings: ReturnType<typeof checkFdOptions>;

  /**
   * @param process - the Black–Scholes–Merton process.
   * @param options - grid, scheme, exercise method and dividends.
   * @throws InvalidInputError when an option is outside its range (named in the message).
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    readonly options: FdBlackScholesVanillaEngineOptions = {},
  ) {
    super();
    this.settings = checkFdOptions(options);
    for (const [i, d] of (options.dividends ?? []).entries()) {
      if (!(d.date instanceof Date)) throw InvalidInputError.outOfRange(`dividends[${i}].date`, d.date, 'a quantflow Date');
      checkFinite(`dividends[${i}].amount`, d.amount);
      checkNonNegative(`dividends[${i}].amount`, d.amount);
    }
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the payoff is not plain vanilla, the spot is not > 0, or the
   * dividends to expiry are worth as much as the spot.
   * @throws ConvergenceError when PSOR does not converge.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    return priceFdVanilla(args, this.process, this.settings, (market) => {
      const dividends = (this.options.dividends ?? [])
        .map((d) => ({ time: market.timeOf(d.date), amount: d.amount }))
        .filter((d) => d.time > 0 && d.time < market.maturity && d.amount > 0);
      const pvDividends = dividends.reduce((sum, d) => sum + d.amount * market.riskFreeDiscount(d.time), 0);
      if (!(market.spot - pvDividends > 0)) throw InvalidInputError.outOfRange('dividends (present value)', pvDividends, `[0, spot = ${market.spot})`);
      return { spotLessDividends: market.spot - pvDividends, dividends };
    });
  }
}
