import { checkFinite, checkNonNegative, checkPositive } from '../_lib/checks.js';
import { InvalidInputError, QuantflowError } from '../errors.js';
import { normalCdf } from '../math/distributions/normalCdf.js';
import { Handle } from '../patterns/Handle.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import { OptionType } from '../../instruments/OptionType.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { hullWhiteB, hullWhiteStateDrift, hullWhiteStateVariance, type PiecewiseSigma } from './_lib/hullWhiteFactors.js';

/**
 * The Hull–White (1990) one-factor short-rate model dr = (θ(t) − a r) dt + σ dW, fitted exactly
 * to today's discount curve through θ(t).
 *
 * @remarks
 * Write r(t) = x(t) + α(t) with dx = −a x dt + σ dW, x(0) = 0, and
 * α(t) = f(0, t) + σ²/(2a²)(1 − e^{−at})², f(0, t) the curve's instantaneous forward; then
 * θ(t) = ∂f/∂T(0, t) + a f(0, t) + σ²/(2a)(1 − e^{−2at}) and the model reprices every P(0, T)
 * of the curve. Zero-coupon bonds are affine in r:
 * P(t, T) = A(t, T) e^{−B(t, T) r(t)}, B = (1 − e^{−a(T−t)})/a,
 * A = P(0, T)/P(0, t) · exp(B f(0, t) − σ²/(4a)(1 − e^{−2at}) B²),
 * and r(t) | r(s) is Gaussian with mean r(s)e^{−a(t−s)} + α(t) − α(s)e^{−a(t−s)} and variance
 * σ²(1 − e^{−2a(t−s)})/(2a). a = 0 is the Ho–Lee limit (every factor by its limit).
 * σ may be piecewise constant in time (`sigmaTimes`); then every σ²(1 − e^{−2a(t−s)})/(2a)
 * above becomes ∫_s^t σ(u)² e^{−2a(t−u)} du ({@link HullWhite.stateVariance}) and α(t) − f(0, t)
 * becomes ∫_0^t e^{−a(t−u)} y(u) du (Andersen & Piterbarg 2010, §10.1; closed form per piece).
 * Times are year fractions on the curve's day counter from its reference date; rates are
 * continuously compounded decimals; σ is absolute (rate units per √year).
 * The instantaneous forward f(0, t) is the curve's `forwardRate(t, t)` (a central difference over
 * 1e-4 years); `discountBondX` avoids it altogether by working in x = r − f(0, t), where
 * P(t, T) = P(0, T)/P(0, t) · exp(−B x − ½ B² y(t)), y(t) = σ²(1 − e^{−2at})/(2a).
 * Observes: the curve handle (a relink or a curve tick notifies every engine on the model).
 *
 * Source: J. Hull, A. White (1990), "Pricing interest-rate-derivative securities", Rev.
 * Financial Studies 3(4); D. Brigo, F. Mercurio (2006), *Interest Rate Models — Theory and
 * Practice*, 2nd ed., §3.3.2 (eqs. 3.33–3.41); F. Jamshidian (1989), "An exact bond option
 * formula", J. Finance 44(1); L. Andersen, V. Piterbarg (2010), *Interest Rate Modeling*,
 * vol. II, §10.1 (the Gaussian model with time-dependent σ).
 * Checked against: `test/models/HullWhite.test.ts` — QuantLib 1.29 zero-coupon bond options
 * (`test/reference/quantlib-1.29.json`, `hull_white`) at 1e-8, put–call parity, P(0, T) repriced,
 * E[P(t, T | r_t)] discounted = P(0, T) by quadrature, the Ho–Lee limit.
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Handle, HullWhite, OptionType, type YieldTermStructure } from 'quantflow';
 * const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
 * const model = new HullWhite(curve, 0.1, 0.01);
 * model.discountBondOption(OptionType.Call, 0.9704455335485082, 1, 2).toFixed(10); //=> '0.0034038013'
 * ```
 * @public
 */
export class HullWhite extends Observable implements Observer {
  #a: number;
  #sigmas: Float64Array;
  readonly #sigmaTimes: Float64Array;

  /**
   * @param termStructure - handle of the curve the model is fitted to (not empty when used).
   * @param a - mean-reversion speed a, per year; finite, ≥ 0; default 0.1.
   * @param sigma - short-rate volatility σ, absolute per √year, finite, > 0 (default 0.01); or,
   * for a piecewise-constant σ(t), one value per piece (length `sigmaTimes.length + 1`).
   * @param sigmaTimes - the breakpoints of a piecewise-constant σ: years, strictly increasing,
   * > 0; σ(t) = sigma[k] on [sigmaTimes[k−1], sigmaTimes[k]); default none (constant σ).
   * @throws InvalidInputError when `termStructure` is not a Handle or a parameter is out of range.
   */
  constructor(
    readonly termStructure: Handle<YieldTermStructure>,
    a = 0.1,
    sigma: number | readonly number[] = 0.01,
    sigmaTimes: readonly number[] = [],
  ) {
    super();
    if (!(termStructure instanceof Handle)) throw InvalidInputError.outOfRange('termStructure', termStructure, 'a Handle<YieldTermStructure>');
    checkNonNegative('a', a);
    const sigmas = typeof sigma === 'number' ? [sigma] : [...sigma];
    if (sigmas.length !== sigmaTimes.length + 1) throw InvalidInputError.outOfRange('sigma.length', sigmas.length, `{${sigmaTimes.length + 1}} (sigmaTimes.length + 1)`);
    sigmaTimes.forEach((t, k) => {
      if (!(t > (k === 0 ? 0 : (sigmaTimes[k - 1] as number))) || !Number.isFinite(t)) throw InvalidInputError.outOfRange(`sigmaTimes[${k}]`, t, `(${k === 0 ? 0 : sigmaTimes[k - 1]}, ∞), increasing`);
    });
    sigmas.forEach((v, k) => checkPositive(sigmas.length === 1 ? 'sigma' : `sigma[${k}]`, v));
    this.#a = a;
    this.#sigmas = Float64Array.from(sigmas);
    this.#sigmaTimes = Float64Array.from(sigmaTimes);
    termStructure.registerObserver(this);
  }

  /**
   * Brings the parameters up to date before any read; a no-op here, a lazy recalibration in
   * subclasses (HullWhiteCalibratedModel).
   */
  protected refresh(): void {}

  /** Mean-reversion speed a, per year. */
  get a(): number {
    this.refresh();
    return this.#a;
  }

  /**
   * Short-rate volatility σ, absolute per √year (constant-σ models).
   * @throws QuantflowError (code `PIECEWISE_SIGMA`) for a piecewise-constant σ: read
   * {@link HullWhite.sigmas} / {@link HullWhite.sigmaAt} then, and use
   * {@link HullWhite.stateVariance} for variances.
   */
  get sigma(): number {
    this.refresh();
    if (this.#sigmas.length > 1) throw new QuantflowError('HullWhite.sigma: σ is piecewise constant; use sigmas/sigmaAt/stateVariance', 'PIECEWISE_SIGMA');
    return this.#sigmas[0] as number;
  }

  /** The σ values, one per piece (one for a constant σ). */
  get sigmas(): readonly number[] {
    this.refresh();
    return Array.from(this.#sigmas);
  }

  /** The σ breakpoints, years (empty for a constant σ). */
  get sigmaTimes(): readonly number[] {
    return Array.from(this.#sigmaTimes);
  }

  /** True when σ is piecewise constant with more than one piece. */
  hasPiecewiseSigma(): boolean {
    return this.#sigmaTimes.length > 0;
  }

  /** σ(t), absolute per √year. @param t - years ≥ 0. */
  sigmaAt(t: number): number {
    checkTimes(0, t);
    this.refresh();
    let k = 0;
    while (k < this.#sigmaTimes.length && t >= (this.#sigmaTimes[k] as number)) k++;
    return this.#sigmas[k] as number;
  }

  /** The parameters as [a, σ_1, …, σ_n] (QuantLib's `params()` order; n = 1 for a constant σ). */
  params(): number[] {
    this.refresh();
    return [this.#a, ...this.#sigmas];
  }

  /**
   * Sets a and/or σ (a calibration step, a scenario) and notifies observers when a value changed.
   * @param update - `a` (finite, ≥ 0); `sigma` (finite, > 0; constant-σ models) or `sigmas`
   * (one per piece, each > 0); the others keep their values.
   * @throws InvalidInputError when a value is out of range, `sigma` is given for a piecewise σ or
   * `sigmas` has the wrong length; nothing changes then.
   */
  setParameters(update: { readonly a?: number; readonly sigma?: number; readonly sigmas?: readonly number[] }): void {
    this.refresh();
    const a = update.a ?? this.#a;
    if (update.sigma !== undefined && this.#sigmas.length > 1) throw InvalidInputError.outOfRange('update.sigma', update.sigma, 'not allowed for a piecewise σ (give sigmas)');
    const sigmas = update.sigmas ?? (update.sigma !== undefined ? [update.sigma] : Array.from(this.#sigmas));
    if (sigmas.length !== this.#sigmas.length) throw InvalidInputError.outOfRange('update.sigmas.length', sigmas.length, `{${this.#sigmas.length}}`);
    checkNonNegative('a', a);
    sigmas.forEach((v, k) => checkPositive(sigmas.length === 1 ? 'sigma' : `sigmas[${k}]`, v));
    if (a === this.#a && sigmas.every((v, k) => v === this.#sigmas[k])) return;
    this.#a = a;
    this.#sigmas = Float64Array.from(sigmas);
    this.notifyObservers();
  }

  /** The curve (the handle's current link). @throws QuantflowError (EMPTY_HANDLE) when empty. */
  curve(): YieldTermStructure {
    return this.termStructure.currentLink();
  }

  /**
   * B(t, T) = (1 − e^{−a(T−t)})/a (T − t at a = 0), years.
   * @param t - start, years ≥ 0. @param T - end, years ≥ t.
   * @throws InvalidInputError when T < t or a time is not finite.
   */
  B(t: number, T: number): number {
    checkTimes(t, T);
    this.refresh();
    return hullWhiteB(this.#a, T - t);
  }

  /**
   * ∫_s^t σ(u)² e^{−2a(t−u)} du: the variance of x(t) (and of r(t)) given x(s); for a constant σ
   * σ²(1 − e^{−2a(t−s)})/(2a). With s = 0, y(t) of the bond formula.
   * @param s - years ≥ 0. @param t - years ≥ s.
   * @throws InvalidInputError for bad times.
   */
  stateVariance(s: number, t: number): number {
    checkTimes(s, t);
    this.refresh();
    return hullWhiteStateVariance(this.#a, this.#pieces(), s, t);
  }

  /**
   * A(t, T) of P(t, T) = A e^{−B r(t)} (Brigo & Mercurio eq. 3.39; y(t) for σ²(1 − e^{−2at})/(2a)
   * when σ is piecewise constant).
   * @param t - years ≥ 0. @param T - years ≥ t.
   * @throws InvalidInputError for bad times; whatever the curve throws.
   */
  A(t: number, T: number): number {
    checkTimes(t, T);
    const curve = this.curve();
    const B = this.B(t, T);
    const f = curve.forwardRate(t, t, true);
    return (curve.discount(T, true) / curve.discount(t, true)) * Math.exp(B * f - 0.5 * this.stateVariance(0, t) * B * B);
  }

  /**
   * Price at t of the zero-coupon bond paying 1 at T, given the short rate r(t): A(t, T)e^{−B(t, T) r}.
   * @param t - years ≥ 0. @param T - years ≥ t. @param r - short rate r(t), decimal, finite.
   * @returns P(t, T | r), > 0.
   * @throws InvalidInputError for bad times or a non-finite rate.
   */
  discountBond(t: number, T: number, r: number): number {
    checkFinite('r', r);
    return this.A(t, T) * Math.exp(-this.B(t, T) * r);
  }

  /**
   * P(t, T) given x(t) = r(t) − f(0, t): P(0, T)/P(0, t) · exp(−B x − ½B² y(t)) — the same bond as
   * {@link HullWhite.discountBond}, free of the instantaneous forward.
   * @param t - years ≥ 0. @param T - years ≥ t. @param x - the state x(t), decimal, finite.
   * @throws InvalidInputError for bad times or a non-finite state.
   */
  discountBondX(t: number, T: number, x: number): number {
    checkFinite('x', x);
    const curve = this.curve();
    const B = this.B(t, T);
    return (curve.discount(T, true) / curve.discount(t, true)) * Math.exp(-B * x - 0.5 * B * B * this.stateVariance(0, t));
  }

  /** Today's short rate r(0) = f(0, 0), decimal. @throws whatever the curve throws. */
  shortRate0(): number {
    return this.curve().forwardRate(0, 0, true);
  }

  /**
   * α(t) = E[r(t)] = f(0, t) + ∫_0^t e^{−a(t−u)} y(u) du, the deterministic part of
   * r(t) = x(t) + α(t); σ²/(2a²)(1 − e^{−at})² for a constant σ (Brigo & Mercurio eq. 3.36).
   * @param t - years ≥ 0.
   * @throws InvalidInputError for a bad time; whatever the curve throws.
   */
  alpha(t: number): number {
    checkTimes(0, t);
    this.refresh();
    return this.curve().forwardRate(t, t, true) + hullWhiteStateDrift(this.#a, this.#pieces(), 0, t);
  }

  /**
   * E[r(t) | r(s)] = f(0, t) + x(s)e^{−a(t−s)} + ∫_s^t e^{−a(t−u)} y(u) du with x(s) = r(s) − f(0, s);
   * r(s)e^{−a(t−s)} + α(t) − α(s)e^{−a(t−s)} for a constant σ (Brigo & Mercurio eq. 3.37).
   * @param s - years ≥ 0. @param t - years ≥ s. @param rs - r(s), decimal, finite.
   * @throws InvalidInputError for bad times or a non-finite rate.
   */
  shortRateMean(s: number, t: number, rs: number): number {
    checkTimes(s, t);
    checkFinite('rs', rs);
    this.refresh();
    const curve = this.curve();
    const xs = rs - curve.forwardRate(s, s, true);
    return curve.forwardRate(t, t, true) + xs * Math.exp(-this.#a * (t - s)) + hullWhiteStateDrift(this.#a, this.#pieces(), s, t);
  }

  /**
   * Var[r(t) | r(s)] = ∫_s^t σ(u)² e^{−2a(t−u)} du (σ²(1 − e^{−2a(t−s)})/(2a) for a constant σ), decimal².
   * @param s - years ≥ 0. @param t - years ≥ s.
   * @throws InvalidInputError for bad times.
   */
  shortRateVariance(s: number, t: number): number {
    return this.stateVariance(s, t);
  }

  /**
   * θ(t) = ∂f/∂T(0, t) + a f(0, t) + y(t) (y(t) = σ²(1 − e^{−2at})/(2a) for a constant σ; Brigo &
   * Mercurio eq. 3.34), the drift that fits the curve; ∂f/∂T by a central difference of the
   * curve's forwards over 1e-4 years.
   * @param t - years ≥ 0.
   * @throws InvalidInputError for a bad time; whatever the curve throws.
   */
  theta(t: number): number {
    checkTimes(0, t);
    const curve = this.curve();
    const h = 1e-4;
    const lo = Math.max(t - h, 0);
    const dfdT = (curve.forwardRate(t + h, t + h, true) - curve.forwardRate(lo, lo, true)) / (t + h - lo);
    return dfdT + this.a * curve.forwardRate(t, t, true) + this.stateVariance(0, t);
  }

  /**
   * Price today of a European option expiring at T on the zero-coupon bond maturing at S:
   * payoff max(ω(P(T, S) − X), 0), ω = +1 call, −1 put, paid at T.
   *
   * @remarks
   * Jamshidian (1989); Brigo & Mercurio eqs. 3.40–3.41: ZBC = P(0, S)Φ(h) − X P(0, T)Φ(h − σ_p),
   * ZBP = X P(0, T)Φ(−h + σ_p) − P(0, S)Φ(−h), σ_p = σ B(T, S)√((1 − e^{−2aT})/(2a)) (B(T, S)√y(T)
   * for a piecewise σ), h = ln(P(0, S)/(X P(0, T)))/σ_p + σ_p/2. With `bondStart` = U in [T, S]
   * it prices the forward bond instead: payoff max(ω(P(T, S) − X P(T, U)), 0) at T, whose log has
   * volatility (B(T, S) − B(T, U))√y(T) (the same formula with P(0, U) for P(0, T)).
   * At T = 0 the option is worth its intrinsic value.
   *
   * @param type - `OptionType.Call` or `OptionType.Put`.
   * @param strike - X, bond price units, finite, > 0.
   * @param maturity - T, option expiry, years ≥ 0.
   * @param bondMaturity - S, years ≥ max(T, U).
   * @param bondStart - U, years in [T, S]; default T (a spot bond option).
   * @returns the option value per unit of bond nominal, ≥ 0.
   * @throws InvalidInputError for a bad type, strike or times; whatever the curve throws.
   */
  discountBondOption(type: OptionType, strike: number, maturity: number, bondMaturity: number, bondStart = maturity): number {
    if (type !== OptionType.Call && type !== OptionType.Put) throw InvalidInputError.outOfRange('type', type, '{1 (Call), -1 (Put)}');
    checkPositive('strike', strike);
    checkTimes(0, maturity);
    checkTimes(maturity, bondStart);
    checkTimes(bondStart, bondMaturity);
    const curve = this.curve();
    const forward = curve.discount(bondMaturity, true);
    const k = strike * curve.discount(bondStart, true);
    const sp = (this.B(maturity, bondMaturity) - this.B(maturity, bondStart)) * Math.sqrt(this.stateVariance(0, maturity));
    if (!(sp > 0)) return Math.max(type * (forward - k), 0);
    const h = Math.log(forward / k) / sp + 0.5 * sp;
    return type * (forward * normalCdf(type * h) - k * normalCdf(type * (h - sp)));
  }

  /**
   * Sets a and σ without notifying (for a subclass that recomputes them lazily during a read,
   * after its observers were already notified of the change that caused it).
   */
  protected assignParameters(a: number, sigmas: ArrayLike<number>): void {
    checkNonNegative('a', a);
    if (sigmas.length !== this.#sigmas.length) throw InvalidInputError.outOfRange('sigmas.length', sigmas.length, `{${this.#sigmas.length}}`);
    Array.from(sigmas).forEach((v, k) => checkPositive(`sigmas[${k}]`, v));
    this.#a = a;
    this.#sigmas = Float64Array.from(sigmas);
  }

  /** Forwards a change of the curve. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the curve handle, so the model can be garbage-collected. */
  dispose(): void {
    this.termStructure.unregisterObserver(this);
  }

  #pieces(): PiecewiseSigma {
    return { times: this.#sigmaTimes, values: this.#sigmas };
  }
}

function checkTimes(t: number, T: number): void {
  if (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '[0, ∞), finite');
  if (typeof T !== 'number' || !(T >= t) || !Number.isFinite(T)) throw InvalidInputError.outOfRange('T', T, `[${t}, ∞), finite`);
}
