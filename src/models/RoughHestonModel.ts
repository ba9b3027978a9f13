import { InvalidInputError } from '../errors.js';
import { Handle } from '../patterns/Handle.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import type { RoughHestonParameters } from '../processes/RoughHestonParameters.js';
import type { Quote } from '../quotes/Quote.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { ForwardVarianceCurve } from './roughHestonForwardVariance.js';

/**
 * Options of {@link RoughHestonModel}.
 * @public
 */
export interface RoughHestonModelOptions {
  /**
   * A forward-variance curve ξ0(t) = E[V_t] (t years ↦ variance per year, ≥ 0) in place of v0 and
   * θ: the model is then V_t = ξ0(t) + ∫₀ᵗ R(t − s) σ √V_s dW_s with κ (the parameters' `kappa`)
   * the mean reversion toward the curve (El Euch, Gatheral & Rosenbaum 2019). v0 and θ stay in the
   * parameters (validated, unused by the Adams route). Default: none (the (v0, κ, θ) model).
   */
  readonly forwardVariance?: ForwardVarianceCurve;
}

/**
 * The rough Heston model of El Euch & Rosenbaum (2019) on a market (risk-free and dividend
 * curves, spot quote): the six parameters (v0, κ, θ, σ, ρ, H) as observable, settable state.
 *
 * @remarks
 * V_t = V₀ + (1/Γ(α)) ∫₀ᵗ (t − s)^{α−1} [κ(θ − V_s) ds + σ √V_s dW₂], α = H + ½ (see
 * {@link RoughHestonParameters}). {@link RoughHestonModel.setParameters} validates and notifies
 * observers (engines, instruments) when a value changes; a change of a market handle (a quote
 * tick, a relink) is forwarded too. H = ½ is classical Heston (κ = 0 or θ = 0 allowed here, as
 * the Volterra form allows them). An optional forward-variance curve ξ0(t) replaces v0 and θ
 * ({@link RoughHestonModelOptions}; {@link RoughHestonModel.setForwardVariance}).
 * Observes: the three handles.
 * Source: O. El Euch, M. Rosenbaum (2019), "The characteristic function of rough Heston models",
 * Mathematical Finance 29(1), 3–38, eq. (1.3)–(1.4); QuantLib `ql/models/equity/hestonmodel.hpp`
 * for the observable-model pattern.
 * Checked against: `test/models/RoughHestonModel.test.ts`,
 * `test/engines/roughheston/forwardVarianceEngine.test.ts` (the curve).
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Handle, RoughHestonModel, SimpleQuote } from 'quantflow';
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: Date.fromISO('2025-01-02') }));
 * const model = new RoughHestonModel(curve(0.03), curve(0), new Handle(new SimpleQuote(100)),
 *   { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
 * model.alpha; //=> 0.6
 * ```
 * @public
 */
export class RoughHestonModel extends Observable implements Observer {
  private params: RoughHestonParameters;
  private xi0: ForwardVarianceCurve | undefined;

  /**
   * @param riskFreeRate - handle to the risk-free discount curve r.
   * @param dividendYield - handle to the dividend (or repo) curve q.
   * @param s0 - handle to the spot quote (price units, > 0 when valid).
   * @param params - v0, θ ≥ 0 (not both 0), κ ≥ 0, σ > 0, ρ ∈ (−1, 1), hurst ∈ (0, 1/2].
   * @param options - an optional forward-variance curve ξ0(t); see {@link RoughHestonModelOptions}.
   * @throws InvalidInputError when a handle is not a `Handle`, a parameter is outside its range
   * (the message names it, its value and the range) or `forwardVariance` is not a function.
   */
  constructor(
    readonly riskFreeRate: Handle<YieldTermStructure>,
    readonly dividendYield: Handle<YieldTermStructure>,
    readonly s0: Handle<Quote>,
    params: RoughHestonParameters,
    options: RoughHestonModelOptions = {},
  ) {
    super();
    this.params = checkRoughHestonParameters(params);
    this.xi0 = checkCurve(options.forwardVariance);
    const named = { riskFreeRate, dividendYield, s0 };
    for (const [name, h] of Object.entries(named)) {
      if (!(h instanceof Handle)) throw InvalidInputError.outOfRange(name, h, 'a Handle');
    }
    for (const h of [riskFreeRate, dividendYield, s0]) h.registerObserver(this);
  }

  /** The current parameters (a frozen record). */
  get parameters(): RoughHestonParameters {
    return this.params;
  }

  /** The forward-variance curve ξ0(t) in use, or `undefined` for the (v0, κ, θ) model. */
  get forwardVariance(): ForwardVarianceCurve | undefined {
    return this.xi0;
  }

  /**
   * Replaces the forward-variance curve (a new variance-swap strip, or `undefined` for the
   * (v0, κ, θ) model) and notifies observers when it is a different function.
   * @param curve - t (years) ↦ ξ0(t) (variance per year, ≥ 0), or `undefined`.
   * @throws InvalidInputError when `curve` is neither a function nor `undefined`.
   */
  setForwardVariance(curve: ForwardVarianceCurve | undefined): void {
    const next = checkCurve(curve);
    if (next === this.xi0) return;
    this.xi0 = next;
    this.notifyObservers();
  }

  /** α = H + ½, the order of the fractional Riccati equation, in (½, 1]. */
  get alpha(): number {
    return this.params.hurst + 0.5;
  }

  /**
   * The current spot S₀, read from the `s0` quote.
   * @returns S₀ in price units, > 0.
   * @throws InvalidInputError when the spot is not > 0.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot quote is invalid.
   */
  spot(): number {
    const spot = this.s0.currentLink().value();
    if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
    return spot;
  }

  /**
   * Replaces some or all parameters (a calibration step, a scenario) and notifies observers
   * when any value changed.
   * @param update - the parameters to change; the others keep their values.
   * @throws InvalidInputError when a resulting parameter is outside its range; nothing changes then.
   */
  setParameters(update: Partial<RoughHestonParameters>): void {
    const next = checkRoughHestonParameters({ ...this.params, ...update });
    const p = this.params;
    if (next.v0 === p.v0 && next.kappa === p.kappa && next.theta === p.theta && next.sigma === p.sigma && next.rho === p.rho && next.hurst === p.hurst) return;
    this.params = next;
    this.notifyObservers();
  }

  /** Forwards a change of a market object. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the market handles, so the model can be garbage-collected. */
  dispose(): void {
    for (const h of [this.riskFreeRate, this.dividendYield, this.s0]) h.unregisterObserver(this);
  }
}

function checkCurve(curve: ForwardVarianceCurve | undefined): ForwardVarianceCurve | undefined {
  if (curve !== undefined && typeof curve !== 'function') throw InvalidInputError.outOfRange('forwardVariance', String(curve), 'a function t ↦ ξ0(t), or undefined');
  return curve;
}

/**
 * Validates rough Heston parameters: v0, θ, κ finite ≥ 0 with v0 + θ > 0, σ finite > 0,
 * ρ ∈ (−1, 1), hurst ∈ (0, 1/2].
 * @param p - the parameters.
 * @param prefix - prepended to the names in error messages (`'params.'` for the log-CF routes); default none.
 * @returns a frozen copy.
 * @throws InvalidInputError naming the first parameter outside its range.
 * @internal
 */
export function checkRoughHestonParameters(p: RoughHestonParameters, prefix = ''): RoughHestonParameters {
  for (const name of ['v0', 'kappa', 'theta'] as const) {
    const x = p[name];
    if (typeof x !== 'number' || !(x >= 0) || !Number.isFinite(x)) throw InvalidInputError.outOfRange(prefix + name, x, '[0, ∞)');
  }
  if (!(p.v0 + p.theta > 0)) throw InvalidInputError.outOfRange(`${prefix}v0 + ${prefix}theta`, p.v0 + p.theta, '(0, ∞)');
  if (typeof p.sigma !== 'number' || !(p.sigma > 0) || !Number.isFinite(p.sigma)) throw InvalidInputError.outOfRange(prefix + 'sigma', p.sigma, '(0, ∞)');
  if (typeof p.rho !== 'number' || !(p.rho > -1 && p.rho < 1)) throw InvalidInputError.outOfRange(prefix + 'rho', p.rho, '(-1, 1)');
  if (typeof p.hurst !== 'number' || !(p.hurst > 0 && p.hurst <= 0.5)) throw InvalidInputError.outOfRange(prefix + 'hurst', p.hurst, '(0, 0.5]');
  return Object.freeze({ v0: p.v0, kappa: p.kappa, theta: p.theta, sigma: p.sigma, rho: p.rho, hurst: p.hurst });
}
