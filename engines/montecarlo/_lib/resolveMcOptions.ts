// Internal: validates McEngineOptions and fills the defaults.
import { InvalidInputError } from '../../../src/errors.js';
import type { BatchBackend } from '../../../src/kernels/black.js';
import type { McEngineOptions, McRng } from '../McEngineOptions.js';

export interface ResolvedMcOptions {
  readonly samples: number | undefined;
  readonly requiredTolerance: number | undefined;
  readonly maxSamples: number;
  readonly seed: number;
  readonly rng: McRng;
  readonly antithetic: boolean;
  readonly brownianBridge: boolean;
  readonly timeSteps: number | undefined;
  readonly sobolReplications: number;
  readonly backend: BatchBackend;
}

function intIn(name: string, v: number | undefined, lo: number, hi: number, allowed: string): void {
  if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi)) throw InvalidInputError.outOfRange(name, v, allowed);
}

export function resolveMcOptions(o: McEngineOptions = {}): ResolvedMcOptions {
  intIn('options.samples', o.samples, 2, 2 ** 31 - 1, 'integers in [2, 2^31)');
  intIn('options.maxSamples', o.maxSamples, 2, 2 ** 31 - 1, 'integers in [2, 2^31)');
  intIn('options.seed', o.seed, 0, 0xffffffff, 'integers in [0, 2^32)');
  intIn('options.timeSteps', o.timeSteps, 1, 100000, 'integers in [1, 100000]');
  intIn('options.sobolReplications', o.sobolReplications, 2, 1024, 'integers in [2, 1024]');
  if (o.requiredTolerance !== undefined && !(o.requiredTolerance > 0 && Number.isFinite(o.requiredTolerance))) {
    throw InvalidInputError.outOfRange('options.requiredTolerance', o.requiredTolerance, '(0, ∞)');
  }
  if (o.samples !== undefined && o.requiredTolerance !== undefined) {
    throw InvalidInputError.outOfRange('options', 'samples and requiredTolerance', 'one of samples, requiredTolerance');
  }
  const rng = o.rng ?? 'philox';
  if (rng !== 'philox' && rng !== 'mt19937' && rng !== 'sobol') throw InvalidInputError.outOfRange('options.rng', rng, "{'philox', 'mt19937', 'sobol'}");
  for (const k of ['antithetic', 'brownianBridge'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') throw InvalidInputError.outOfRange(`options.${k}`, o[k], '{true, false}');
  }
  return {
    samples: o.requiredTolerance === undefined ? (o.samples ?? 65536) : undefined,
    requiredTolerance: o.requiredTolerance,
    maxSamples: o.maxSamples ?? 2 ** 22,
    seed: o.seed ?? 42,
    rng,
    antithetic: o.antithetic ?? false,
    brownianBridge: o.brownianBridge ?? rng === 'sobol',
    timeSteps: o.timeSteps,
    sobolReplications: o.sobolReplications ?? 16,
    backend: o.backend ?? 'auto',
  };
}
