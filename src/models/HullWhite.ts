import { checkFinite, checkNonNegative, checkPositive } from '../_lib/checks.js';
import { InvalidInputError } from '../errors.js';
import { normalCdf } from '../math/distributions/normalCdf.js';
import { Handle } from '../patterns/Handle.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import { OptionType } from '../../instruments/OptionType.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { hullWhiteB, hullWhiteVariance } from './_lib/hullWhiteFactors.js';

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
 * Times are year fractions on the curve's day counter from its reference date; rates are
 * continuously compounded decimals; σ is absolute (rate units per √year).
 * The instantaneous forward f(0, t) is the curve's `forwardRate(t, t)` (a central difference over
 * 1e-4 years); `discountBondX` avoids it altogether by working in x = r − f(0, t), where
 * P(t, T) = P(0, T)/P(0, t) · exp(−B x − ½ B² V(t)), V(t) = σ²(1 − e^{−2at})/(2a).
 * Observes: the curve handle (a relink or a curve tick notifies every engine on the model).
 *
 * Source: J. Hull, A. White (1990), "Pricing interest-rate-derivative securities", Rev.
 * Financial Studies 3(4); D. Brigo, F. Mercurio (2006), *Interest Rate Models — Theory and
 * Practice*, 2nd ed., §3.3.2 (eqs. 3.33–3.41); F. Jamshidian (1989), "An exact bond option
 * formula", J. Finance 44(1).
 * Checked against: `test/models/HullWhite.test.ts` — QuantLib 1.29 zero-coupon bond options
 * (`test/reference/quantlib-1.29-hull-white.json`) at 1e-8, put–call parity, P(0, T) repriced,
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
  #sigma: number;

  /**
   * @param termStructure - handle of the curve the model is fitted to (not empty when used).
   * @param a - mean-reversion speed a, per year; finite, ≥ 0; default 0.1.
   * @param sigma - short-rate volatility σ, absolute per √year; finite, > 0; default 0.01.
   * @throws InvalidInputError when `termStructure` is not a Handle or a parameter is out of range.
   */
  constructor(
    readonly termStructure: Handle<YieldTermStructure>,
    a = 0.1,
    sigma = 0.01,
  ) {
    super();
    if (!(termStructure instanceof Handle)) throw InvalidInputError.outOfRange('termStructure', termStructure, 'a Handle<YieldTermStructure>');
    checkNonNegative('a', a);
    checkPositive('sigma', sigma);
    this.#a = a;
    this.#sigma = sigma;
    termStructure.registerObserver(this);
  }

  /** Mean-reversion speed a, per year. */
  get a(): number {
    return this.#a;
  }

  /** Short-rate volatility σ, absolute per √year. */
  get sigma(): number {
    return this.#sigma;
  }

  /** The parameters as [a, σ] (QuantLib's `params()` order). */
  params(): [number, number] {
    return [this.#a, this.#sigma];
  }

  /**
   * Sets a and/or σ (a calibration step, a scenario) and notifies observers when a value changed.
   * @param update - `a` (finite, ≥ 0) and/or `sigma` (finite, > 0); the other keeps its value.
   * @throws InvalidInputError when a value is out of range; nothing changes then.
   */
  setParameters(update: { readonly a?: number; readonly sigma?: number }): void {
    const a = update.a ?? this.#a;
    const sigma = update.sigma ?? this.#sigma;
    checkNonNegative('a', a);
    checkPositive('sigma', sigma);
    if (a === this.#a && sigma === this.#sigma) return;
    this.#a = a;
    this.#sigma = sigma;
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
    return hullWhiteB(this.#a, T - t);
  }

  /**
   * A(t, T) of P(t, T) = A e^{−B r(t)} (Brigo & Mercurio eq. 3.39).
   * @param t - years ≥ 0. @param T - years ≥ t.
   * @throws InvalidInputError for bad times; whatever the curve throws.
   */
  A(t: number, T: number): number {
    checkTimes(t, T);
    const curve = this.curve();
    const B = hullWhiteB(this.#a, T - t);
    const f = curve.forwardRate(t, t, true);
    return (curve.discount(T, true) / curve.discount(t, true)) * Math.exp(B * f - 0.5 * hullWhiteVariance(this.#a, this.#sigma, t) * B * B);
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
   * P(t, T) given x(t) = r(t) − f(0, t): P(0, T)/P(0, t) · exp(−B x − ½B² V(t)) — the same bond as
   * {@link HullWhite.discountBond}, free of the instantaneous forward.
   * @param t - years ≥ 0. @param T - years ≥ t. @param x - the state x(t), decimal, finite.
   * @throws InvalidInputError for bad times or a non-finite state.
   */
  discountBondX(t: number, T: number, x: number): number {
    checkTimes(t, T);
    checkFinite('x', x);
    const curve = this.curve();
    const B = hullWhiteB(this.#a, T - t);
    return (curve.discount(T, true) / curve.discount(t, true)) * Math.exp(-B * x - 0.5 * B * B * hullWhiteVariance(this.#a, this.#sigma, t));
  }

  /** Today's short rate r(0) = f(0, 0), decimal. @throws whatever the curve throws. */
  shortRate0(): number {
    return this.curve().forwardRate(0, 0, true);
  }

  /**
   * α(t) = f(0, t) + σ²/(2a²)(1 − e^{−at})², the deterministic part of r(t) = x(t) + α(t)
   * (Brigo & Mercurio eq. 3.36). @param t - years ≥ 0.
   * @throws InvalidInputError for a bad time; whatever the curve throws.
   */
  alpha(t: number): number {
    checkTimes(0, t);
    const b = hullWhiteB(this.#a, t);
    return this.curve().forwardRate(t, t, true) + 0.5 * this.#sigma * this.#sigma * b * b;
  }

  /**
   * E[r(t) | r(s)] = r(s)e^{−a(t−s)} + α(t) − α(s)e^{−a(t−s)} (Brigo & Mercurio eq. 3.37).
   * @param s - years ≥ 0. @param t - years ≥ s. @param rs - r(s), decimal, finite.
   * @throws InvalidInputError for bad times or a non-finite rate.
   */
  shortRateMean(s: number, t: number, rs: number): number {
    checkTimes(s, t);
    checkFinite('rs', rs);
    const decay = Math.exp(-this.#a * (t - s));
    return rs * decay + this.alpha(t) - this.alpha(s) * decay;
  }

  /**
   * Var[r(t) | r(s)] = σ²(1 − e^{−2a(t−s)})/(2a) (σ²(t − s) at a = 0), decimal².
   * @param s - years ≥ 0. @param t - years ≥ s.
   * @throws InvalidInputError for bad times.
   */
  shortRateVariance(s: number, t: number): number {
    checkTimes(s, t);
    return hullWhiteVariance(this.#a, this.#sigma, t - s);
  }

  /**
   * θ(t) = ∂f/∂T(0, t) + a f(0, t) + σ²/(2a)(1 − e^{−2at}) (Brigo & Mercurio eq. 3.34), the drift
   * that fits the curve; ∂f/∂T by a central difference of the curve's forwards over 1e-4 years.
   * @param t - years ≥ 0.
   * @throws InvalidInputError for a bad time; whatever the curve throws.
   */
  theta(t: number): number {
    checkTimes(0, t);
    const curve = this.curve();
    const h = 1e-4;
    const lo = Math.max(t - h, 0);
    const dfdT = (curve.forwardRate(t + h, t + h, true) - curve.forwardRate(lo, lo, true)) / (t + h - lo);
    return dfdT + this.#a * curve.forwardRate(t, t, true) + this.#sigma * this.#sigma * hullWhiteB(2 * this.#a, t);
  }

  /**
   * Price today of a European option expiring at T on the zero-coupon bond maturing at S:
   * payoff max(ω(P(T, S) − X), 0), ω = +1 call, −1 put, paid at T.
   *
   * @remarks
   * Jamshidian (1989); Brigo & Mercurio eqs. 3.40–3.41: ZBC = P(0, S)Φ(h) − X P(0, T)Φ(h − σ_p),
   * ZBP = X P(0, T)Φ(−h + σ_p) − P(0, S)Φ(−h), σ_p = σ B(T, S)√((1 − e^{−2aT})/(2a)),
   * h = ln(P(0, S)/(X P(0, T)))/σ_p + σ_p/2. With `bondStart` = U in [T, S] it prices the
   * forward bond instead: payoff max(ω(P(T, S) − X P(T, U)), 0) at T, whose log has volatility
   * σ (B(T, S) − B(T, U)) √((1 − e^{−2aT})/(2a)) (the same formula with P(0, U) for P(0, T)).
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
    const sp = this.#sigma * (hullWhiteB(this.#a, bondMaturity - maturity) - hullWhiteB(this.#a, bondStart - maturity)) * Math.sqrt(hullWhiteB(2 * this.#a, maturity));
    if (!(sp > 0)) return Math.max(type * (forward - k), 0);
    const h = Math.log(forward / k) / sp + 0.5 * sp;
    return type * (forward * normalCdf(type * h) - k * normalCdf(type * (h - sp)));
  }

  /** Forwards a change of the curve. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the curve handle, so the model can be garbage-collected. */
  dispose(): void {
    this.termStructure.unregisterObserver(this);
  }
}

function checkTimes(t: number, T: number): void {
  if (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '[0, ∞), finite');
  if (typeof T !== 'number' || !(T >= t) || !Number.isFinite(T)) throw InvalidInputError.outOfRange('T', T, `[${t}, ∞), finite`);
}
