/**
 * Grid settings of the Hull–White FD engines ({@link FdHullWhiteSwaptionEngine},
 * {@link FdHullWhiteCallableFixedRateBondEngine}).
 * @public
 */
export interface FdHullWhiteGridOptions {
  /** Time steps, integer ≥ 1; default 100. */
  readonly tGrid?: number;
  /** x nodes, integer ≥ 5; default 100. */
  readonly xGrid?: number;
  /** Half-width of the x domain in standard deviations of x at the last time; default 4.5, > 0. */
  readonly stdDevs?: number;
  /** Sinh concentration around x = 0 as a fraction of the width (smaller: denser); default 0.5, > 0. */
  readonly density?: number;
  /** Rannacher damping: implicit-Euler double half steps where the first (latest) exercise enters; integer ≥ 0, default 1. */
  readonly dampingSteps?: number;
}

