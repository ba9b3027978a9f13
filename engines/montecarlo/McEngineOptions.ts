import type { BatchBackend } from '../../src/kernels/black.js';

/**
 * The random source of a Monte Carlo engine: `'philox'` (Philox4x32-10, counter-based: path i
 * is reproducible alone), `'mt19937'` (Mersenne Twister, one sequential stream), `'sobol'`
 * (Joe–Kuo Sobol points with random digital shifts, randomised QMC).
 * @public
 */
export type McRng = 'philox' | 'mt19937' | 'sobol';

/**
 * Options of the Monte Carlo engines (McEuropeanEngine, McBarrierEngine,
 * McDiscreteArithmeticAsianEngine, McAmericanEngine).
 *
 * @remarks
 * Give either `samples` or `requiredTolerance` (not both). A sample is one path, or one
 * antithetic pair averaged. The same options and seed give the same number on any machine
 * (the kernels use only IEEE-754 double arithmetic and their own exp/log).
 * @public
 */
export interface McEngineOptions {
  /** Number of samples; integer in [2, 2^31). Default 65 536 when `requiredTolerance` is absent. */
  readonly samples?: number;
  /** Target standard error (price units, > 0): samples are added until the error estimate is below it. */
  readonly requiredTolerance?: number;
  /** Cap on samples with `requiredTolerance`; default 2^22. */
  readonly maxSamples?: number;
  /** Seed; integer in [0, 2^32). Default 42. */
  readonly seed?: number;
  /** Random source; default `'philox'`. */
  readonly rng?: McRng;
  /** Antithetic variates (z and −z averaged into one sample); default false. */
  readonly antithetic?: boolean;
  /** Build paths by Brownian bridge; default true with `'sobol'`, false otherwise. */
  readonly brownianBridge?: boolean;
  /** Time steps per path; integer ≥ 1. Each engine states its default and what it ignores. */
  readonly timeSteps?: number;
  /** Independent digital shifts for `'sobol'` (the error estimate is their spread); integer in [2, 1024], default 16. */
  readonly sobolReplications?: number;
  /** Kernel backend: `'auto'` (default), `'simd'`/`'scalar'` (WebAssembly), `'typescript'` (reference). */
  readonly backend?: BatchBackend;
}
