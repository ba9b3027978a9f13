import { checkFinite, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { TermStructureOptions } from '../../TermStructure.js';
import { BlackVolTermStructure } from '../BlackVolTermStructure.js';
import type { TotalVarianceDerivatives, TotalVarianceSurface } from '../TotalVarianceSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from '../ssvi/VolSurfaceArbitrageDiagnostics.js';
import { LogLinearForward } from '../ssvi/_lib/LogLinearForward.js';
import { defaultKGrid, surfaceDiagnostics } from '../ssvi/_lib/surfaceDiagnostics.js';
import type { SviSurfaceSlice } from './SviSurfaceSlice.js';
import { checkSviRawParameters } from './_lib/checkSviRawParameters.js';

/**
 * A surface of raw SVI slices, one per expiry, with total variance interpolated linearly in T at
 * fixed log-forward moneyness k = ln(K/F(T)).
 *
 * @remarks
 * For T_{i−1} < T ≤ T_i: w(k, T) = w_{i−1}(k) + (T − T_{i−1})/(T_i − T_{i−1})·(w_i(k) − w_{i−1}(k)),
 * with w_0 ≡ 0 at T_0 = 0 (so w ∝ T before the first slice); beyond the last slice
 * w(k, T) = (T/T_n)·w_n(k). ∂w/∂T is the segment's slope (≥ 0 wherever the slices do not cross,
 * which {@link fitSviSurface} enforces), ∂w/∂k and ∂²w/∂k² are the same combination of the slices'
 * analytic derivatives. Interpolating total variance, not vol, is Gatheral's (2006, ch. 1) rule
 * for keeping calendar spreads non-negative. A {@link BlackVolTermStructure} in strike space
 * through the forward (ln F linear in T between the slices) and a {@link TotalVarianceSurface}.
 * Source: J. Gatheral (2006), The Volatility Surface, Wiley, ch. 1 and 3; J. Gatheral,
 * A. Jacquier (2014), Quant. Finance 14(1), 59–71, eq. (3.1), §2 (calendar: ∂w/∂T ≥ 0).
 * Checked against: the slices at their own expiries, hand interpolation, derivatives by finite
 * differences (test/termstructures/volatility/svi/sviSurface.test.ts).
 *
 * @example
 * ```ts
 * import { SviSurface } from 'quantflow';
 * const s = new SviSurface([{ time: 1, forward: 100, parameters: { a: 0.02, b: 0.1, rho: -0.4, m: 0, sigma: 0.2 } }]);
 * s.totalVarianceDerivatives(0, 0.5).w; //=> 0.020000000000000004
 * ```
 * @public
 */
export class SviSurface extends BlackVolTermStructure implements TotalVarianceSurface {
  private readonly fixed: readonly SviSurfaceSlice[] | undefined;
  private state: { of: readonly SviSurfaceSlice[]; times: Float64Array; forwards: LogLinearForward } | undefined;

  /**
   * @param slices - expiries strictly increasing, each with F > 0 and a valid raw slice; length ≥ 1.
   *   Omitted only by fitted subclasses.
   * @param options - reference date and day counter (times are given in years).
   * @throws InvalidInputError when a slice is out of range (naming `slices[i].<field>`).
   */
  constructor(slices?: readonly SviSurfaceSlice[], options: TermStructureOptions = {}) {
    super(options);
    if (slices !== undefined) checkSlices(slices);
    this.fixed = slices === undefined ? undefined : Object.freeze(slices.map((s) => Object.freeze({ time: s.time, forward: s.forward, parameters: Object.freeze({ ...s.parameters }) })));
  }

  /** The slices (a fitted subclass refits first if a quote changed). @throws a fit's errors. */
  slices(): readonly SviSurfaceSlice[] {
    this.calculate();
    if (this.fixed === undefined) throw InvalidInputError.outOfRange('slices', undefined, 'SVI slices (or a subclass that fits them)');
    return this.fixed;
  }

  private current(): { slices: readonly SviSurfaceSlice[]; times: Float64Array; forwards: LogLinearForward } {
    const slices = this.slices();
    if (this.state === undefined || this.state.of !== slices) {
      this.state = { of: slices, times: Float64Array.from(slices, (s) => s.time), forwards: new LogLinearForward(slices.map((s) => s.time), slices.map((s) => s.forward)) };
    }
    return { slices, times: this.state.times, forwards: this.state.forwards };
  }

  /** Forward F(T) (price units). @param t - years ≥ 0. */
  forward(t: number): number {
    checkFinite('t', t);
    return this.current().forwards.forward(t);
  }

  override maxTime(): number {
    const s = this.current().slices;
    return (s[s.length - 1] as SviSurfaceSlice).time;
  }

  /**
   * w, ∂w/∂k, ∂²w/∂k², ∂w/∂T at (k, T), analytic.
   * @param k - log-forward moneyness, finite. @param t - years > 0.
   * @throws InvalidInputError when k is not finite or t is not > 0.
   */
  totalVarianceDerivatives(k: number, t: number): TotalVarianceDerivatives {
    checkFinite('k', k);
    checkPositive('t', t);
    return this.evaluate(k, t);
  }

  /**
   * Butterfly (min g per slice) and calendar (min ∂w/∂T per strike) diagnostics on a grid.
   * @param kGrid - log-moneyness grid; default 241 points over [−3, 1.5].
   */
  arbitrageDiagnostics(kGrid: ArrayLike<number> = defaultKGrid()): VolSurfaceArbitrageDiagnostics {
    const { times } = this.current();
    return surfaceDiagnostics((k, t) => this.evaluate(k, t), times, Float64Array.from(kGrid));
  }

  protected blackVarianceImpl(t: number, strike: number): number {
    if (t === 0) return 0;
    return this.evaluate(Math.log(strike / this.current().forwards.forward(t)), t).w;
  }

  private evaluate(k: number, t: number): TotalVarianceDerivatives {
    const { slices, times } = this.current();
    const n = times.length;
    const last = slices[n - 1] as SviSurfaceSlice;
    if (t > last.time) {
      const d = sliceDerivatives(last, k);
      const r = t / last.time;
      return { w: r * d.w, dwdk: r * d.dwdk, d2wdk2: r * d.d2wdk2, dwdt: d.w / last.time };
    }
    let i = 0;
    while ((times[i] as number) < t) i++;
    const hi = sliceDerivatives(slices[i] as SviSurfaceSlice, k);
    const lo = i === 0 ? { w: 0, dwdk: 0, d2wdk2: 0 } : sliceDerivatives(slices[i - 1] as SviSurfaceSlice, k);
    const t0 = i === 0 ? 0 : (times[i - 1] as number);
    const h = (times[i] as number) - t0;
    const a = (t - t0) / h;
    return {
      w: lo.w + a * (hi.w - lo.w),
      dwdk: lo.dwdk + a * (hi.dwdk - lo.dwdk),
      d2wdk2: lo.d2wdk2 + a * (hi.d2wdk2 - lo.d2wdk2),
      dwdt: (hi.w - lo.w) / h,
    };
  }
}

function sliceDerivatives(s: SviSurfaceSlice, k: number): { w: number; dwdk: number; d2wdk2: number } {
  const p = s.parameters;
  const x = k - p.m;
  const r = Math.sqrt(x * x + p.sigma * p.sigma);
  return { w: p.a + p.b * (p.rho * x + r), dwdk: p.b * (p.rho + x / r), d2wdk2: (p.b * p.sigma * p.sigma) / (r * r * r) };
}

function checkSlices(slices: readonly SviSurfaceSlice[]): void {
  if (!Array.isArray(slices) || slices.length < 1) throw InvalidInputError.outOfRange('slices.length', (slices as unknown[] | undefined)?.length, '[1, ∞)');
  slices.forEach((s, i) => {
    if (typeof s !== 'object' || s === null) throw InvalidInputError.outOfRange(`slices[${i}]`, s, 'an object { time, forward, parameters }');
    checkPositive(`slices[${i}].time`, s.time);
    checkPositive(`slices[${i}].forward`, s.forward);
    if (i > 0 && !(s.time > (slices[i - 1] as SviSurfaceSlice).time)) throw InvalidInputError.outOfRange(`slices[${i}].time`, s.time, `(${(slices[i - 1] as SviSurfaceSlice).time}, ∞) (strictly increasing)`);
    checkSviRawParameters(`slices[${i}].parameters`, s.parameters);
  });
}
