import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';

/**
 * One expiry's live quotes for a fitted surface ({@link SviFittedSurface},
 * {@link SsviFittedSurface}, {@link EssviFittedSurface}): numbers or observed quote handles.
 * @public
 */
export interface VolSurfaceSliceQuotes {
  /** Expiry T in years, > 0 (strictly increasing across slices). */
  readonly time: number;
  /** Forward F (price units) > 0, or a quote handle. */
  readonly forward: number | Handle<Quote>;
  /** Strikes K > 0 (price units), ascending. */
  readonly strikes: ArrayLike<number>;
  /** Bid vols (decimals > 0) or quote handles; same length as strikes. */
  readonly bidVols: ReadonlyArray<number | Handle<Quote>>;
  /** Ask vols (≥ bid) or quote handles; same length as strikes. */
  readonly askVols: ReadonlyArray<number | Handle<Quote>>;
}
