import type { TermStructureOptions } from '../../TermStructure.js';
import type { SviSurfaceSlice } from './SviSurfaceSlice.js';
import { SviSurface } from './SviSurface.js';
import { fitSviSurface, type SviSurfaceFit } from './fitSviSurface.js';
import type { VolSurfaceFitOptions } from '../ssvi/VolSurfaceFitOptions.js';
import type { VolSurfaceSliceQuotes } from '../ssvi/VolSurfaceSliceQuotes.js';
import { LiveSurfaceQuotes } from '../ssvi/_lib/LiveSurfaceQuotes.js';

/**
 * An {@link SviSurface} fitted to live bid/ask vol quotes by {@link fitSviSurface}: a lazy object that refits
 * once, on the first read after any of its quotes changes.
 *
 * @remarks
 * Observes every slice's forward and bid/ask vol quote handles. A tick marks the surface dirty and
 * notifies its observers once; the fit reruns at the next read — inside a `transaction()` a
 * burst of ticks costs one refit. A failed fit is cached and rethrown by every read until the
 * next tick (the pattern of `SviFittedSmileSection`).
 * Source: see {@link fitSviSurface}; QuantLib's LazyObject (`ql/patterns/lazyobject.hpp`).
 * Checked against: one refit per tick and per transaction, no refit without reads, equal
 * parameters to {@link fitSviSurface} on the same numbers (test/termstructures/volatility/ssvi/fittedSurfaces.test.ts).
 * @public
 */
export class SviFittedSurface extends SviSurface {
  private readonly live: LiveSurfaceQuotes;
  private readonly fitOptions: VolSurfaceFitOptions;
  private result: SviSurfaceFit | undefined;

  /**
   * @param quotes - per expiry (strictly increasing times) forward and bid/ask vols, numbers or handles; at least 5 strikes each.
   * @param options - the fit's options.
   * @param termStructureOptions - reference date and day counter.
   * @throws InvalidInputError when lengths disagree or a number is out of range.
   */
  constructor(quotes: readonly VolSurfaceSliceQuotes[], options: VolSurfaceFitOptions = {}, termStructureOptions: TermStructureOptions = {}) {
    super(undefined, termStructureOptions);
    this.live = new LiveSurfaceQuotes(quotes, 5, 'SviSurface fit');
    for (const h of this.live.handles()) this.registerWith(h);
    this.fitOptions = { ...options };
  }

  protected override performCalculations(): void {
    this.result = undefined;
    this.result = fitSviSurface(this.live.values(), this.fitOptions);
  }

  /** The whole fit: parameters, diagnostics, quality. @throws whatever the fit throws. */
  fit(): SviSurfaceFit {
    this.calculate();
    return this.result as SviSurfaceFit;
  }

  /** The fitted parameters (refits first if a quote changed). @throws as {@link SviFittedSurface.fit}. */
  override slices(): readonly SviSurfaceSlice[] {
    return this.fit().parameters;
  }
}
