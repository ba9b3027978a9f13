import type { TermStructureOptions } from '../../TermStructure.js';
import type { SsviParameters } from './SsviParameters.js';
import { SsviSurface } from './SsviSurface.js';
import { fitSsviSurface, type SsviFitOptions, type SsviSurfaceFit } from './fitSsviSurface.js';
import type { VolSurfaceSliceQuotes } from './VolSurfaceSliceQuotes.js';
import { LiveSurfaceQuotes } from './_lib/LiveSurfaceQuotes.js';

/**
 * An {@link SsviSurface} fitted to live bid/ask vol quotes by {@link fitSsviSurface}: a lazy object that refits
 * once, on the first read after any of its quotes changes.
 *
 * @remarks
 * Observes every slice's forward and bid/ask vol quote handles. A tick marks the surface dirty and
 * notifies its observers once; the fit reruns at the next read — inside a `transaction()` a
 * burst of ticks costs one refit. A failed fit is cached and rethrown by every read until the
 * next tick (the pattern of `SviFittedSmileSection`).
 * Source: see {@link fitSsviSurface}; QuantLib's LazyObject (`ql/patterns/lazyobject.hpp`).
 * Checked against: one refit per tick and per transaction, no refit without reads, equal
 * parameters to {@link fitSsviSurface} on the same numbers (test/termstructures/volatility/ssvi/fittedSurfaces.test.ts).
 * @public
 */
export class SsviFittedSurface extends SsviSurface {
  private readonly live: LiveSurfaceQuotes;
  private readonly fitOptions: SsviFitOptions;
  private result: SsviSurfaceFit | undefined;

  /**
   * @param quotes - per expiry (strictly increasing times) forward and bid/ask vols, numbers or handles; at least 1 strikes each.
   * @param options - the fit's options.
   * @param termStructureOptions - reference date and day counter.
   * @throws InvalidInputError when lengths disagree or a number is out of range.
   */
  constructor(quotes: readonly VolSurfaceSliceQuotes[], options: SsviFitOptions = {}, termStructureOptions: TermStructureOptions = {}) {
    super(undefined, termStructureOptions);
    this.live = new LiveSurfaceQuotes(quotes, 1, 'SsviSurface fit');
    for (const h of this.live.handles()) this.registerWith(h);
    this.fitOptions = { ...options };
  }

  protected override performCalculations(): void {
    this.result = undefined;
    this.result = fitSsviSurface(this.live.values(), this.fitOptions);
  }

  /** The whole fit: parameters, diagnostics, quality. @throws whatever the fit throws. */
  fit(): SsviSurfaceFit {
    this.calculate();
    return this.result as SsviSurfaceFit;
  }

  /** The fitted parameters (refits first if a quote changed). @throws as {@link SsviFittedSurface.fit}. */
  override parameters(): SsviParameters {
    return this.fit().parameters;
  }
}
