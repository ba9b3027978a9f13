import { checkFinite, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { LazyObject } from '../../../src/patterns/LazyObject.js';
import type { SabrParameters } from './SabrParameters.js';
import { SabrSmileSection } from './SabrSmileSection.js';
import { sabrVolatility } from './sabrVolatility.js';

/**
 * Options of {@link SabrSurface}.
 * @public
 */
export interface SabrSurfaceOptions {
  /**
   * How α, ρ, ν are interpolated between the slices' expiries: `'linear'` (default) linear in T;
   * `'sqrtTime'` linear in √T. Flat beyond the first and last expiries.
   */
  readonly interpolation?: 'linear' | 'sqrtTime';
}

/**
 * A SABR volatility surface: per-expiry SABR slices (fixed or fitted) with their parameters
 * interpolated in maturity.
 *
 * @remarks
 * For T between two slices' expiries T₁ < T₂, with w = (T − T₁)/(T₂ − T₁) (or (√T − √T₁)/(√T₂ − √T₁)
 * with `'sqrtTime'`): α(T), ρ(T), ν(T) = (1 − w)·x₁ + w·x₂ — a convex combination, so the
 * parameters stay valid (α > 0, |ρ| < 1, ν ≥ 0); β and the shift are common to all slices. The
 * forward is interpolated with ln(F + s) linear in T (a constant carry between expiries); beyond
 * the ends the parameters are flat and ln(F + s) continues the nearest segment's slope (flat for a
 * single slice). vol(T, K) = {@link sabrVolatility}(K, F(T), T, {α(T), β, ν(T), ρ(T)}).
 * A lazy object observing every slice: a slice's quote tick (a refit of a
 * {@link SabrFittedSmileSection}) notifies the surface once, and it rereads the slices at the
 * next query. No calendar-arbitrage check is made.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott (one parameter set per
 * expiry, §3); QuantLib `ql/experimental/volatility/sabrvolsurface.hpp` (a SABR surface over
 * per-expiry fits).
 * Checked against: the slices' vols at their own expiries to 1e-15, hand-interpolated parameters
 * between them (both rules), one notification per slice tick, and the 48 fitted SPX slices
 * (test/termstructures/volatility/sabrSurface.test.ts).
 *
 * @public
 */
export class SabrSurface extends LazyObject {
  private readonly slices: readonly SabrSmileSection[];
  private readonly rule: 'linear' | 'sqrtTime';
  private times = new Float64Array(0);
  private logForwards = new Float64Array(0);
  private params: SabrParameters[] = [];

  /**
   * @param slices - SABR sections (length ≥ 1) with strictly increasing expiries, one β, one
   *   shift, one vol convention and one expansion.
   * @param options - the interpolation rule ({@link SabrSurfaceOptions}).
   * @throws InvalidInputError when there are no slices, the expiries are not strictly increasing,
   *   or the shifts, conventions or expansions differ (naming the slice, the value and the allowed one).
   */
  constructor(slices: readonly SabrSmileSection[], options: SabrSurfaceOptions = {}) {
    super();
    if (!Array.isArray(slices) || slices.length < 1) throw InvalidInputError.outOfRange('slices.length', slices?.length, '[1, ∞)');
    const rule = options.interpolation ?? 'linear';
    if (rule !== 'linear' && rule !== 'sqrtTime') throw InvalidInputError.outOfRange('options.interpolation', rule, "{'linear', 'sqrtTime'}");
    this.rule = rule;
    const first = slices[0] as SabrSmileSection;
    slices.forEach((s, i) => {
      if (!(s instanceof SabrSmileSection)) throw InvalidInputError.outOfRange(`slices[${i}]`, s, 'a SabrSmileSection');
      if (i > 0 && !(s.exerciseTime() > (slices[i - 1] as SabrSmileSection).exerciseTime())) {
        throw InvalidInputError.outOfRange(`slices[${i}].exerciseTime()`, s.exerciseTime(), `(${(slices[i - 1] as SabrSmileSection).exerciseTime()}, ∞) (strictly increasing expiries)`);
      }
      if (s.shift() !== first.shift()) throw InvalidInputError.outOfRange(`slices[${i}].shift()`, s.shift(), `{${first.shift()}} (slices[0]'s)`);
      if (s.volatilityType() !== first.volatilityType()) throw InvalidInputError.outOfRange(`slices[${i}].volatilityType()`, s.volatilityType(), `{${first.volatilityType()}} (slices[0]'s)`);
      if (s.approximation() !== first.approximation()) throw InvalidInputError.outOfRange(`slices[${i}].approximation()`, s.approximation(), `{${first.approximation()}} (slices[0]'s)`);
      this.registerWith(s);
    });
    this.slices = [...slices];
  }

  protected performCalculations(): void {
    const n = this.slices.length;
    const times = new Float64Array(n);
    const logForwards = new Float64Array(n);
    const params: SabrParameters[] = [];
    const shift = (this.slices[0] as SabrSmileSection).shift();
    this.slices.forEach((s, i) => {
      const p = s.parameters();
      if (i > 0 && p.beta !== (params[0] as SabrParameters).beta) throw InvalidInputError.outOfRange(`slices[${i}].parameters().beta`, p.beta, `{${(params[0] as SabrParameters).beta}} (slices[0]'s β)`);
      params.push(p);
      times[i] = s.exerciseTime();
      logForwards[i] = Math.log(s.forward() + shift);
    });
    this.times = times;
    this.logForwards = logForwards;
    this.params = params;
  }

  /** The slices' expiries T (years), increasing. */
  expiries(): Float64Array {
    this.calculate();
    return Float64Array.from(this.times);
  }

  /** The shift s common to the slices. */
  shift(): number {
    return (this.slices[0] as SabrSmileSection).shift();
  }

  /**
   * α, β, ρ, ν at maturity T, interpolated between the slices (flat beyond them).
   * @param time - T > 0 in years.
   * @throws InvalidInputError when T is not > 0; whatever a slice's fit throws.
   */
  parameters(time: number): SabrParameters {
    checkPositive('time', time);
    this.calculate();
    const { i, w } = this.locate(time, true);
    const a = this.params[i] as SabrParameters;
    if (w === 0) return a;
    const b = this.params[i + 1] as SabrParameters;
    return { alpha: (1 - w) * a.alpha + w * b.alpha, beta: a.beta, rho: (1 - w) * a.rho + w * b.rho, nu: (1 - w) * a.nu + w * b.nu };
  }

  /**
   * The forward F(T): ln(F + s) linear in T between the slices, continued beyond them.
   * @param time - T > 0 in years.
   * @throws InvalidInputError when T is not > 0.
   */
  forward(time: number): number {
    checkPositive('time', time);
    this.calculate();
    const n = this.times.length;
    if (n === 1) return Math.exp(this.logForwards[0] as number) - this.shift();
    const { i } = this.locate(time, false);
    const t0 = this.times[i] as number;
    const t1 = this.times[i + 1] as number;
    const y0 = this.logForwards[i] as number;
    const y1 = this.logForwards[i + 1] as number;
    return Math.exp(y0 + ((y1 - y0) * (time - t0)) / (t1 - t0)) - this.shift();
  }

  /**
   * The implied vol at (T, K), in the slices' convention (Black or normal).
   * @param time - T > 0 in years.
   * @param strike - K with K + shift > 0.
   * @throws InvalidInputError when T ≤ 0 or K + shift ≤ 0.
   */
  volatility(time: number, strike: number): number {
    checkFinite('strike', strike);
    const s0 = this.slices[0] as SabrSmileSection;
    return sabrVolatility(strike, this.forward(time), time, this.parameters(time), { shift: s0.shift(), volatilityType: s0.volatilityType(), approximation: s0.approximation() });
  }

  /**
   * vol(T, K)²·T (Black total variance, or normal variance in price units²).
   * @param time - T > 0 in years.
   * @param strike - K with K + shift > 0.
   * @throws InvalidInputError when T ≤ 0 or K + shift ≤ 0.
   */
  variance(time: number, strike: number): number {
    const v = this.volatility(time, strike);
    return v * v * time;
  }

  /**
   * Segment index i and weight w of T: between times[i] and times[i + 1]. With `clamp`, w is 0
   * before the first expiry (i = 0) and beyond the last (i = n − 1); without it, the end segments
   * are continued (w unused).
   */
  private locate(time: number, clamp: boolean): { i: number; w: number } {
    const t = this.times;
    const n = t.length;
    if (clamp && time <= (t[0] as number)) return { i: 0, w: 0 };
    if (clamp && time >= (t[n - 1] as number)) return { i: n - 1, w: 0 };
    let i = 0;
    while (i < n - 2 && time > (t[i + 1] as number)) i++;
    const x = this.rule === 'sqrtTime' ? Math.sqrt : (u: number) => u;
    const w = (x(time) - x(t[i] as number)) / (x(t[i + 1] as number) - x(t[i] as number));
    return { i, w };
  }
}
