import { checkFinite, checkNonNegative } from '../../src/_lib/checks.js';
import { ArbitrageError, InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Observable } from '../../src/patterns/Observable.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { Date } from '../../src/time/Date.js';
import { TermStructure, type TermStructureOptions } from '../TermStructure.js';
import type { YieldTermStructure } from '../yield/YieldTermStructure.js';
import type { BlackVolTermStructure } from './BlackVolTermStructure.js';
import { LocalVolTermStructure } from './LocalVolTermStructure.js';
import type { TotalVarianceSurface } from './TotalVarianceSurface.js';

/**
 * Options of {@link LocalVolSurface}.
 * @public
 */
export interface LocalVolSurfaceOptions extends TermStructureOptions {
  /**
   * Local-vol floor (decimal ≥ 0). When given, local vols below it are raised to it and, where
   * Dupire's formula breaks down (∂w/∂T < 0 or a denominator ≤ 0: arbitrage in the surface), the
   * floor is returned instead of throwing `ArbitrageError`. Absent (default): no floor, and
   * arbitrage throws.
   */
  readonly floor?: number;
  /**
   * Local vol (decimal ≥ 0) returned where Dupire's formula breaks down, instead of throwing
   * (QuantLib's `illegalLocalVolOverwrite` of the FD engines); takes precedence over `floor` there.
   * Typical use: far grid nodes where a strike-clamped Black surface has a kink.
   */
  readonly illegalLocalVolOverwrite?: number;
}

/** Where the local vol comes from. */
type Source =
  | { readonly kind: 'totalVariance'; readonly surface: TotalVarianceSurface }
  | {
      readonly kind: 'black';
      readonly blackVolatility: Handle<BlackVolTermStructure>;
      readonly riskFreeRate: Handle<YieldTermStructure>;
      readonly dividendYield: Handle<YieldTermStructure>;
      readonly underlying: Handle<Quote>;
    };

/** Time at which a total-variance surface is read for t → 0 (w = 0 at t = 0). */
const T_MIN = 1e-5;

/**
 * Dupire local volatility σ_loc(t, S) of an implied-volatility surface, by Gatheral's
 * total-variance form of Dupire's equation.
 *
 * @remarks
 * With k = ln(S/F(t)) the log-forward moneyness of the level S and w(k, t) the total implied
 * variance, σ²_loc(t, S) = ∂_T w / (1 − (k/w) ∂_k w + ¼(−¼ − 1/w + k²/w²)(∂_k w)² + ½ ∂²_k w)
 * (Gatheral 2006, eq. 1.10). Two sources:
 * - {@link LocalVolSurface.fromTotalVariance}: a {@link TotalVarianceSurface} (SVI, SSVI, eSSVI)
 *   with analytic w, ∂_k w, ∂²_k w, ∂_T w, and its own forward F(t). Positive by construction on an
 *   arbitrage-free surface. For t < 10⁻⁵ the surface is read at t = 10⁻⁵ (w vanishes at 0).
 * - {@link LocalVolSurface.fromBlackVolatility} / {@link LocalVolSurface.fromProcess}: any
 *   {@link BlackVolTermStructure}, with F(t) = S₀·D_q(t)/D_r(t) from the spot quote and the curves
 *   and the derivatives by finite differences as QuantLib's `LocalVolSurface`: central in y =
 *   ln(K/F) with step dy = 10⁻⁴·y (10⁻⁶ when |y| ≤ 10⁻³), central in t with dt = min(10⁻⁴, t/2)
 *   at constant forward moneyness (the strike moved with F), forward with dt = 10⁻⁴ at t = 0.
 *   The strike range and time axis are the Black surface's (reference date delegated).
 * Where ∂_k w = ∂²_k w = 0 (a flat smile) σ²_loc = ∂_T w, without dividing by w.
 * Conventions: t in years from the reference date; S in price units; vols annualised decimals.
 * Observes: the source's handles (or the total-variance surface if it is observable).
 *
 * Source: B. Dupire (1994), "Pricing with a smile", Risk 7(1); J. Gatheral (2006), *The
 * Volatility Surface*, Wiley, ch. 1, eq. (1.10); QuantLib 1.29
 * `ql/termstructures/volatility/equityfx/localvolsurface.cpp` (the finite-difference scheme).
 * Checked against: QuantLib 1.29 `LocalVolSurface` values on bilinear and bicubic
 * `BlackVarianceSurface`s, a flat surface (σ_loc = σ) and a term-structure-only surface
 * (σ_loc = forward vol) (`test/termstructures/volatility/localvol/LocalVolSurface.test.ts`);
 * an SSVI surface's analytic Dupire vols against the finite-difference route on the same surface.
 *
 * @example
 * ```ts
 * import { LocalVolSurface } from 'quantflow';
 * const lv = LocalVolSurface.fromProcess(process); // process: a GeneralizedBlackScholesProcess
 * lv.localVol(0.5, 100, true);
 * ```
 * @public
 */
export class LocalVolSurface extends LocalVolTermStructure {
  private readonly source: Source;
  private readonly floor: number | undefined;
  private readonly overwrite: number | undefined;
  private readonly ownReferenceDate: boolean;

  private constructor(source: Source, options: LocalVolSurfaceOptions) {
    super(options);
    if (options.floor !== undefined) {
      checkFinite('options.floor', options.floor);
      checkNonNegative('options.floor', options.floor);
    }
    this.floor = options.floor;
    if (options.illegalLocalVolOverwrite !== undefined) {
      checkFinite('options.illegalLocalVolOverwrite', options.illegalLocalVolOverwrite);
      checkNonNegative('options.illegalLocalVolOverwrite', options.illegalLocalVolOverwrite);
    }
    this.overwrite = options.illegalLocalVolOverwrite;
    this.source = source;
    this.ownReferenceDate = options.referenceDate !== undefined;
    if (source.kind === 'black') {
      for (const h of [source.blackVolatility, source.riskFreeRate, source.dividendYield, source.underlying]) this.registerWith(h);
    } else if (source.surface instanceof Observable) this.registerWith(source.surface);
  }

  /**
   * Local vol of a total-variance surface with analytic derivatives (SVI / SSVI / eSSVI).
   * @param surface - the surface; its `forward(t)` defines k = ln(S/F(t)).
   * @param options - time axis (when `surface` is a `TermStructure` its reference date and day
   *   counter are used unless given), `floor`, `illegalLocalVolOverwrite`.
   * @returns the local-vol surface.
   * @throws InvalidInputError when `surface` lacks `totalVarianceDerivatives`/`forward`, or an option is negative.
   */
  static fromTotalVariance(surface: TotalVarianceSurface, options: LocalVolSurfaceOptions = {}): LocalVolSurface {
    if (typeof surface?.totalVarianceDerivatives !== 'function' || typeof surface.forward !== 'function') {
      throw InvalidInputError.outOfRange('surface', surface, 'a TotalVarianceSurface');
    }
    const timeAxis: TermStructureOptions =
      surface instanceof TermStructure && options.referenceDate === undefined
        ? { dayCounter: surface.dayCounter, calendar: surface.calendar, settlementDays: surface.settlementDays }
        : {};
    return new LocalVolSurface({ kind: 'totalVariance', surface }, { ...timeAxis, ...options });
  }

  /**
   * Local vol of a Black vol surface by finite differences (QuantLib's `LocalVolSurface`).
   * @param blackVolatility - the implied-vol surface σ(t, K).
   * @param riskFreeRate - risk-free curve r (forward and drift).
   * @param dividendYield - dividend / foreign-rate curve q.
   * @param underlying - spot quote S₀ (> 0).
   * @param options - `floor`, `illegalLocalVolOverwrite`; the time axis is the Black surface's.
   * @returns the local-vol surface.
   * @throws InvalidInputError when an argument is not a `Handle` or an option is negative.
   */
  static fromBlackVolatility(
    blackVolatility: Handle<BlackVolTermStructure>,
    riskFreeRate: Handle<YieldTermStructure>,
    dividendYield: Handle<YieldTermStructure>,
    underlying: Handle<Quote>,
    options: Pick<LocalVolSurfaceOptions, 'floor' | 'illegalLocalVolOverwrite'> = {},
  ): LocalVolSurface {
    const named = { blackVolatility, riskFreeRate, dividendYield, underlying };
    for (const [name, h] of Object.entries(named)) if (!(h instanceof Handle)) throw InvalidInputError.outOfRange(name, h, 'a Handle');
    const bv = blackVolatility.currentLink();
    return new LocalVolSurface(
      { kind: 'black', blackVolatility, riskFreeRate, dividendYield, underlying },
      { dayCounter: bv.dayCounter, calendar: bv.calendar, settlementDays: bv.settlementDays, ...options },
    );
  }

  /**
   * Local vol of a Black–Scholes–Merton process's surface, spot and curves (QuantLib's
   * `GeneralizedBlackScholesProcess::localVolatility()`).
   * @param process - the process; its four handles are observed.
   * @param options - `floor`, `illegalLocalVolOverwrite`.
   * @returns the local-vol surface.
   * @throws InvalidInputError when an option is negative or not finite.
   */
  static fromProcess(process: GeneralizedBlackScholesProcess, options: Pick<LocalVolSurfaceOptions, 'floor' | 'illegalLocalVolOverwrite'> = {}): LocalVolSurface {
    return LocalVolSurface.fromBlackVolatility(process.blackVolatility, process.riskFreeRate, process.dividendYield, process.x0, options);
  }

  override referenceDate(): Date {
    const s = this.source;
    if (s.kind === 'black') return s.blackVolatility.currentLink().referenceDate();
    // A term-structure surface lends its (possibly moving) reference date unless one was given.
    if (s.surface instanceof TermStructure && !this.ownReferenceDate) return s.surface.referenceDate();
    return super.referenceDate();
  }

  override maxDate(): Date {
    return this.source.kind === 'black' ? this.source.blackVolatility.currentLink().maxDate() : super.maxDate();
  }

  override maxTime(): number {
    return this.source.kind === 'black' ? this.source.blackVolatility.currentLink().maxTime() : this.source.surface.maxTime();
  }

  override minStrike(): number {
    return this.source.kind === 'black' ? this.source.blackVolatility.currentLink().minStrike() : 0;
  }

  override maxStrike(): number {
    return this.source.kind === 'black' ? this.source.blackVolatility.currentLink().maxStrike() : Infinity;
  }

  /**
   * @throws ArbitrageError (no `floor` or `illegalLocalVolOverwrite`) when ∂_T w < 0 or the Dupire denominator is ≤ 0 at (t, S);
   * the message and `details` name t, S and the offending values.
   * @throws InvalidInputError when the source returns a non-finite variance or the spot quote is not > 0.
   */
  protected localVolImpl(t: number, underlyingLevel: number): number {
    const s = this.source;
    let y: number;
    let w: number;
    let dwdy: number;
    let d2wdy2: number;
    let dwdt: number;
    if (s.kind === 'totalVariance') {
      const tt = Math.max(t, T_MIN);
      y = Math.log(underlyingLevel / s.surface.forward(tt));
      const d = s.surface.totalVarianceDerivatives(y, tt);
      ({ w, dwdk: dwdy, d2wdk2: d2wdy2, dwdt } = d);
    } else {
      const black = s.blackVolatility.currentLink();
      const riskFree = s.riskFreeRate.currentLink();
      const dividend = s.dividendYield.currentLink();
      const dr = riskFree.discount(t, true);
      const dq = dividend.discount(t, true);
      const spot = s.underlying.currentLink().value();
      if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('underlying (spot quote)', spot, '(0, ∞)');
      const forward = (spot * dq) / dr;
      const strike = underlyingLevel;
      y = Math.log(strike / forward);
      const dy = Math.abs(y) > 0.001 ? y * 0.0001 : 0.000001;
      w = black.blackVariance(t, strike, true);
      const wp = black.blackVariance(t, strike * Math.exp(dy), true);
      const wm = black.blackVariance(t, strike / Math.exp(dy), true);
      dwdy = (wp - wm) / (2.0 * dy);
      d2wdy2 = (wp - 2.0 * w + wm) / (dy * dy);
      // Strike at t ± dt with the same forward moneyness: K·F(t ± dt)/F(t).
      if (t === 0) {
        const dt = 0.0001;
        const strikept = (strike * dr * dividend.discount(t + dt, true)) / (riskFree.discount(t + dt, true) * dq);
        dwdt = (black.blackVariance(t + dt, strikept, true) - w) / dt;
      } else {
        const dt = Math.min(0.0001, t / 2.0);
        const strikept = (strike * dr * dividend.discount(t + dt, true)) / (riskFree.discount(t + dt, true) * dq);
        const strikemt = (strike * dr * dividend.discount(t - dt, true)) / (riskFree.discount(t - dt, true) * dq);
        dwdt = (black.blackVariance(t + dt, strikept, true) - black.blackVariance(t - dt, strikemt, true)) / (2.0 * dt);
      }
    }
    if (!Number.isFinite(w + dwdy + d2wdy2 + dwdt)) {
      for (const [name, v] of [['w', w], ['dw/dk', dwdy], ['d2w/dk2', d2wdy2], ['dw/dT', dwdt]] as const) {
        if (!Number.isFinite(v)) throw InvalidInputError.outOfRange(`${name} at (t = ${t}, S = ${underlyingLevel})`, v, 'finite numbers');
      }
    }
    let variance: number;
    let denominator = 1;
    if (dwdy === 0.0 && d2wdy2 === 0.0) variance = dwdt;
    else {
      const den1 = 1.0 - (y / w) * dwdy;
      const den2 = 0.25 * (-0.25 - 1.0 / w + (y * y) / w / w) * dwdy * dwdy;
      const den3 = 0.5 * d2wdy2;
      denominator = den1 + den2 + den3;
      variance = dwdt / denominator;
    }
    if (!(dwdt >= 0) || !(denominator > 0) || !Number.isFinite(variance)) {
      if (this.overwrite !== undefined) return this.overwrite;
      if (this.floor !== undefined) return this.floor;
      const what = !(dwdt >= 0) ? `calendar arbitrage: dw/dT = ${dwdt} < 0` : `butterfly arbitrage: Dupire denominator ${denominator} ≤ 0`;
      throw new ArbitrageError(`LocalVolSurface: ${what} at (t = ${t}, S = ${underlyingLevel}); no local vol (set options.illegalLocalVolOverwrite or options.floor)`, {
        t,
        underlyingLevel,
        w,
        dwdk: dwdy,
        d2wdk2: d2wdy2,
        dwdt,
        denominator,
      });
    }
    const vol = Math.sqrt(variance);
    return this.floor !== undefined ? Math.max(vol, this.floor) : vol;
  }
}
