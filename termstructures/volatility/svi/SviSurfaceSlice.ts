import type { SviRawParameters } from './SviRawParameters.js';

/**
 * One expiry of an {@link SviSurface}: its time, forward and raw SVI slice.
 * @public
 */
export interface SviSurfaceSlice {
  /** Expiry T in years, > 0. */
  readonly time: number;
  /** Forward F(T) (price units), > 0; k = ln(K/F). */
  readonly forward: number;
  /** The slice's raw SVI parameters (total variance in k). */
  readonly parameters: SviRawParameters;
}
