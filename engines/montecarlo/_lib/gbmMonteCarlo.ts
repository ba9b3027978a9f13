// Internal: drives the fused GBM kernel for the Black–Scholes Monte Carlo engines through the
// shared Monte Carlo driver (random source, batches until a tolerance, estimator).
import { mcGbmRun } from '../../../src/kernels/montecarlo.js';
import type { GbmKernelInputs } from '../../../src/kernels/montecarlo.reference.js';
import { BrownianBridge } from '../BrownianBridge.js';
import { runMonteCarlo, type McEstimate } from './runMonteCarlo.js';
import type { ResolvedMcOptions } from './resolveMcOptions.js';

export { estimate, type McEstimate } from './runMonteCarlo.js';

export interface GbmProblem {
  readonly kind: 0 | 1 | 2;
  /** Step end times (vol time), strictly increasing, > 0. */
  readonly times: Float64Array;
  readonly stepData: Float64Array;
  readonly params: Float64Array;
  /** Exact mean of the control (kind 2); the control is not used when absent. */
  readonly controlMean?: number;
}

function kernelInputs(p: GbmProblem, o: ResolvedMcOptions, bridge: Float64Array | undefined, samples: number, firstPath: number, uniforms?: Float64Array): GbmKernelInputs {
  return {
    kind: p.kind, samples, firstPath, key0: o.seed, key1: 0, steps: p.times.length, antithetic: o.antithetic,
    uniforms, bridge, stepData: p.stepData, params: p.params,
  };
}

/** Runs the simulation to `samples` or to `requiredTolerance`. */
export function gbmMonteCarlo(p: GbmProblem, o: ResolvedMcOptions): McEstimate {
  const bridge = o.brownianBridge ? new BrownianBridge(p.times).packed : undefined;
  return runMonteCarlo(p.times.length, p.controlMean, o, (acc, samples, firstPath, uniforms) => {
    mcGbmRun(kernelInputs(p, o, bridge, samples, firstPath, uniforms), acc, undefined, o.backend);
  });
}
