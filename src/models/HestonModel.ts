import { InvalidInputError } from '../errors.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import type { HestonParameters } from '../processes/HestonParameters.js';
import { HestonProcess } from '../processes/HestonProcess.js';
import { checkHestonParameters } from '../processes/_lib/checkHestonParameters.js';

/**
 * The Heston (1993) model over a {@link HestonProcess}: the process supplies the spot and the
 * curves, the model holds the five parameters (v0, κ, θ, σ, ρ) as observable, settable state.
 *
 * @remarks
 * The parameters start as the process's. {@link HestonModel.setParameters} validates and
 * notifies observers (engines, instruments) when a value changes; a change of the process (a
 * quote tick, a relink of a curve) is forwarded too. The Feller condition 2κθ ≥ σ² is reported
 * by {@link HestonModel.fellerRatio}, never enforced: calibrated equity parameters violate it
 * routinely, and the engines here stay accurate when it fails.
 * Observes: the process.
 * Source: QuantLib `ql/models/equity/hestonmodel.hpp`; Heston (1993), Rev. Financial Studies
 * 6(2); Feller (1951), "Two singular diffusion problems", Ann. Math. 54.
 * Checked against: `test/models/HestonModel.test.ts`.
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Handle, HestonModel, HestonProcess, SimpleQuote } from 'quantflow';
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: Date.fromISO('2025-01-02') }));
 * const process = new HestonProcess(curve(0.03), curve(0.01), new Handle(new SimpleQuote(100)), 0.04, 1.5, 0.04, 0.3, -0.7);
 * new HestonModel(process).fellerRatio(); //=> 1.3333333333333333
 * ```
 * @public
 */
export class HestonModel extends Observable implements Observer {
  private params: HestonParameters;

  /**
   * @param process - the Heston process (spot, curves, initial parameters).
   * @throws InvalidInputError when `process` is not a `HestonProcess`.
   */
  constructor(readonly process: HestonProcess) {
    super();
    if (!(process instanceof HestonProcess)) throw InvalidInputError.outOfRange('process', process, 'a HestonProcess');
    this.params = process.parameters;
    process.registerObserver(this);
  }

  /** The current parameters (a frozen record). */
  get parameters(): HestonParameters {
    return this.params;
  }

  /** Initial variance v0. */
  get v0(): number {
    return this.params.v0;
  }

  /** Mean-reversion speed κ, per year. */
  get kappa(): number {
    return this.params.kappa;
  }

  /** Long-run variance θ. */
  get theta(): number {
    return this.params.theta;
  }

  /** Volatility of variance σ, per √year. */
  get sigma(): number {
    return this.params.sigma;
  }

  /** Correlation ρ. */
  get rho(): number {
    return this.params.rho;
  }

  /**
   * The Feller ratio 2κθ/σ²: ≥ 1 when the variance process stays strictly positive (Feller
   * 1951), < 1 when it can reach 0. Informational only.
   * @returns 2κθ/σ², dimensionless, > 0.
   */
  fellerRatio(): number {
    const { kappa, theta, sigma } = this.params;
    return (2 * kappa * theta) / (sigma * sigma);
  }

  /**
   * Replaces some or all parameters (a calibration step, a scenario) and notifies observers
   * when any value changed.
   * @param update - the parameters to change; the others keep their values.
   * @throws InvalidInputError when a resulting parameter is outside its range (v0, κ, θ, σ in
   * (0, ∞), ρ in (−1, 1)); nothing changes then.
   */
  setParameters(update: Partial<HestonParameters>): void {
    const next = checkHestonParameters({ ...this.params, ...update });
    const p = this.params;
    if (next.v0 === p.v0 && next.kappa === p.kappa && next.theta === p.theta && next.sigma === p.sigma && next.rho === p.rho) return;
    this.params = next;
    this.notifyObservers();
  }

  /** Forwards a change of the process's market objects. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the process, so the model can be garbage-collected. */
  dispose(): void {
    this.process.unregisterObserver(this);
  }
}
