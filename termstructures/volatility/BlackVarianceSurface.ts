import { InvalidInputError } from '../../src/errors.js';
import { BilinearInterpolation } from '../../src/math/interpolation/BilinearInterpolation.js';
import { checkGrid } from '../../src/math/interpolation/_lib/checkGrid.js';
import type { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { BlackVolTermStructure } from './BlackVolTermStructure.js';
import { BicubicVariance } from './_lib/BicubicVariance.js';

/**
 * Options of {@link BlackVarianceSurface}: the term-structure options and the interpolation of
 * total variance.
 * @public
 */
export interface BlackVarianceSurfaceOptions extends TermStructureOptions {
  /**
   * `'bilinear'` (default, QuantLib's default) or `'bicubic'`: the tensor-product natural cubic
   * spline (QuantLib's `setInterpolation<Bicubic>()`), C² in (t, K) so Dupire's formula sees no
   * kinks at the node strikes.
   */
  readonly interpolation?: 'bilinear' | 'bicubic';
}

/**
 * A Black vol surface from a strike × expiry matrix of vols, interpolated in total variance.
 *
 * @remarks
 * Total variance w = σ² t is interpolated bilinearly in (strike, t) on the grid extended by a
 * t = 0 column of zeros; strikes outside the grid take the nearest strike's variance (flat
 * extrapolation, enabled by `enableExtrapolation()`); beyond the last expiry the variance grows
 * linearly in t at the last expiry's vol. Interpolating variance rather than vol keeps w
 * non-decreasing in t at each strike when the inputs are free of calendar arbitrage.
 * With `interpolation: 'bicubic'` w is instead the tensor-product natural cubic spline through the
 * same nodes (a natural spline in t through each strike's column, then one in K through those
 * values; zero second derivative at the ends), as QuantLib's `BicubicSpline`; it is smooth enough
 * for a local vol by Dupire's formula, but a spline in t need not stay monotone between expiries.
 * Source: QuantLib `ql/termstructures/volatility/equityfx/blackvariancesurface.hpp` (bilinear,
 * constant extrapolation); Gatheral (2006), The Volatility Surface, ch. 1 (total variance).
 * Checked against: `test/termstructures/volatility.test.ts` (nodes reproduced, variance linear
 * in t between expiries, flat-surface limit equals BlackConstantVol); bicubic: QuantLib 1.29's
 * interpolated vols (`test/termstructures/volatility/localvol/BlackVarianceSurfaceBicubic.test.ts`).
 *
 * @public
 */
export class BlackVarianceSurface extends BlackVolTermStructure {
  private readonly dates: readonly Date[];
  private readonly strikes: Float64Array;
  private readonly times: Float64Array;
  private readonly variances: BilinearInterpolation | BicubicVariance;

  /**
   * @param dates - expiries, strictly increasing, after the reference date; length m ≥ 1.
   * @param strikes - strikes in price units, strictly increasing; length n ≥ 2.
   * @param volatilities - Black vols (decimals ≥ 0): `volatilities[i][j]` at `strikes[i]`,
   * `dates[j]` (QuantLib's strikes × dates matrix).
   * @param options - must give a fixed `referenceDate`; `interpolation` `'bilinear'` (default) or
   * `'bicubic'`.
   * @throws InvalidInputError when shapes disagree, a vol is negative or not finite, dates are not
   * after the reference date, no fixed reference date is given, or `interpolation` is unknown.
   */
  constructor(dates: readonly Date[], strikes: ArrayLike<number>, volatilities: ReadonlyArray<ArrayLike<number>>, options: BlackVarianceSurfaceOptions) {
    super(options);
    if (options.referenceDate === undefined) {
      throw InvalidInputError.outOfRange('options.referenceDate', undefined, 'a fixed Date (expiries are dates)');
    }
    if (dates.length < 1) throw InvalidInputError.outOfRange('dates.length', dates.length, '[1, ∞)');
    if (volatilities.length !== strikes.length) {
      throw InvalidInputError.outOfRange('volatilities.length', volatilities.length, `{${strikes.length}} (strikes.length)`);
    }
    this.dates = [...dates];
    this.strikes = Float64Array.from(strikes);
    this.times = Float64Array.from(dates, (d) => this.timeFromReference(d));
    if (!((this.times[0] as number) > 0)) {
      throw InvalidInputError.outOfRange('dates[0]', dates[0]?.toISOString(), `(${options.referenceDate.toISOString()}, ∞)`);
    }
    // Row j of the grid is time j (t = 0 first), column i is strike i.
    const rows: number[][] = [Array.from(strikes, () => 0)];
    this.times.forEach((t, j) => {
      rows.push(
        Array.from(strikes, (_k, i) => {
          const row = volatilities[i] as ArrayLike<number>;
          if (row.length !== dates.length) {
            throw InvalidInputError.outOfRange(`volatilities[${i}].length`, row.length, `{${dates.length}} (dates.length)`);
          }
          const vol = row[j] as number;
          if (!(vol >= 0) || !Number.isFinite(vol)) throw InvalidInputError.outOfRange(`volatilities[${i}][${j}]`, vol, '[0, ∞)');
          return vol * vol * t;
        }),
      );
    });
    const interpolation = options.interpolation ?? 'bilinear';
    if (interpolation === 'bilinear') this.variances = new BilinearInterpolation(this.strikes, [0, ...this.times], rows);
    else if (interpolation === 'bicubic') {
      const times = Float64Array.from([0, ...this.times]);
      checkGrid('strikes', this.strikes);
      checkGrid('times (of dates, with 0)', times);
      this.variances = new BicubicVariance(times, this.strikes, rows);
    } else throw InvalidInputError.outOfRange('options.interpolation', interpolation, "{'bilinear', 'bicubic'}");
  }

  override maxDate(): Date {
    return this.dates[this.dates.length - 1] as Date;
  }

  override minStrike(): number {
    return this.strikes[0] as number;
  }

  override maxStrike(): number {
    return this.strikes[this.strikes.length - 1] as number;
  }

  protected blackVarianceImpl(t: number, strike: number): number {
    const k = Math.min(Math.max(strike, this.minStrike()), this.maxStrike());
    const tMax = this.times[this.times.length - 1] as number;
    if (this.variances instanceof BicubicVariance) {
      if (t === 0) return 0;
      return t <= tMax ? this.variances.value(t, k) : (this.variances.value(tMax, k) * t) / tMax;
    }
    if (t <= tMax) return this.variances.value(k, t);
    return (this.variances.value(k, tMax) * t) / tMax;
  }
}
