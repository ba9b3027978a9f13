import { InvalidInputError } from '../errors.js';

/**
 * The rough Bergomi model of Bayer, Friz & Gatheral (2016) in forward-variance form:
 * V_t = ξ0(t)·exp(ηY_t − ½η²t^(2H)), Y_t = √(2H)∫₀ᵗ (t − s)^(H−½) dW_s,
 * dS_t/S_t = (r − q) dt + √V_t dZ_t, Z = ρW + √(1 − ρ²)W⊥.
 *
 * @remarks
 * Y is a Riemann–Liouville fractional Brownian motion with Var Y_t = t^(2H), so E[V_t] = ξ0(t)
 * (the forward variance curve). Units: ξ0 is a variance per year (0.235² = 23.5 % vol), η per
 * year^H, t in years. Allowed: ξ0 finite > 0 (a number, or a function of t ≥ 0 returning such),
 * η finite ≥ 0, ρ ∈ [−1, 1], H ∈ (0, ½]. H = ½ gives a lognormal (Bergomi one-factor, no mean
 * reversion) variance. Immutable: build a new model to change a parameter.
 * Source: C. Bayer, P. Friz, J. Gatheral (2016), "Pricing under rough volatility", Quant. Finance
 * 16(6), 887–904, eq. (2.1)–(2.3) (the model as simulated in §4).
 * Checked against: `test/models/RoughBergomiModel.test.ts`, `test/engines/roughbergomi/`.
 *
 * @example
 * ```ts
 * import { RoughBergomiModel } from 'quantflow';
 * const m = new RoughBergomiModel({ xi0: 0.055225, eta: 1.9, rho: -0.9, H: 0.07 });
 * m.forwardVariance(0.5); //=> 0.055225
 * ```
 * @public
 */
export class RoughBergomiModel {
  /** Vol of vol η, per year^H, ≥ 0. */
  readonly eta: number;
  /** Correlation ρ of W (variance driver) and Z (spot driver), in [−1, 1]. */
  readonly rho: number;
  /** Hurst exponent H, in (0, ½]. */
  readonly H: number;
  private readonly xi: number | ((t: number) => number);

  /**
   * @param p - `xi0`: flat forward variance (number > 0) or a curve t ↦ ξ0(t) (t in years);
   *   `eta` ≥ 0; `rho` ∈ [−1, 1]; `H` ∈ (0, ½].
   * @throws InvalidInputError naming the parameter when one is outside its range.
   */
  constructor(p: { readonly xi0: number | ((t: number) => number); readonly eta: number; readonly rho: number; readonly H: number }) {
    if (typeof p.xi0 === 'number') {
      if (!(Number.isFinite(p.xi0) && p.xi0 > 0)) throw InvalidInputError.outOfRange('xi0', p.xi0, '(0, ∞)');
    } else if (typeof p.xi0 !== 'function') {
      throw InvalidInputError.outOfRange('xi0', p.xi0, 'a number in (0, ∞) or a function of t');
    }
    if (!(Number.isFinite(p.eta) && p.eta >= 0)) throw InvalidInputError.outOfRange('eta', p.eta, '[0, ∞)');
    if (!(p.rho >= -1 && p.rho <= 1)) throw InvalidInputError.outOfRange('rho', p.rho, '[-1, 1]');
    if (!(p.H > 0 && p.H <= 0.5)) throw InvalidInputError.outOfRange('H', p.H, '(0, 0.5]');
    this.xi = p.xi0;
    this.eta = p.eta;
    this.rho = p.rho;
    this.H = p.H;
  }

  /**
   * The forward variance ξ0(t) = E[V_t].
   * @param t - time in years, finite ≥ 0.
   * @returns ξ0(t), a variance per year.
   * @throws InvalidInputError when t is negative or not finite, or a curve returns a value outside (0, ∞).
   */
  forwardVariance(t: number): number {
    if (!(Number.isFinite(t) && t >= 0)) throw InvalidInputError.outOfRange('t', t, '[0, ∞)');
    if (typeof this.xi === 'number') return this.xi;
    const v = this.xi(t);
    if (!(Number.isFinite(v) && v > 0)) throw InvalidInputError.outOfRange(`xi0(${t})`, v, '(0, ∞)');
    return v;
  }
}
