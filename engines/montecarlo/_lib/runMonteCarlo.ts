// Internal: the Monte Carlo driver shared by the engines that run a fused kernel — random
// source (Philox streams, MT19937 or Sobol uniforms), batches until a tolerance, estimator with
// control variate and error estimate (randomised QMC: the spread of the shifted replicates).
import { ConvergenceError } from '../../../src/errors.js';
import { MersenneTwister } from '../MersenneTwister.js';
import { SobolSequence } from '../SobolSequence.js';
import type { ResolvedMcOptions } from './resolveMcOptions.js';

export interface McEstimate {
  readonly value: number;
  readonly errorEstimate: number;
  readonly samples: number;
  /** Pooled sums Σy, Σy², Σc, Σc², Σyc over all samples. */
  readonly sums: Float64Array;
}

/** Simulates `samples` samples and adds Σy, Σy², Σc, Σc², Σyc to acc (see runMonteCarlo). */
export type McRunner = (acc: Float64Array, samples: number, firstPath: number, uniforms: Float64Array | undefined) => void;

const INITIAL = 1024;
const UNIFORM_CHUNK = 1 << 18;

/** Mean and standard error from the sums Σy, Σy², Σc, Σc², Σyc over n samples (control if controlMean given). */
export function estimate(acc: Float64Array, n: number, controlMean: number | undefined, beta?: number): { value: number; errorEstimate: number; beta: number } {
  const my = acc[0]! / n;
  const vy = Math.max((acc[1]! - n * my * my) / (n - 1), 0);
  if (controlMean === undefined) return { value: my, errorEstimate: Math.sqrt(vy / n), beta: 0 };
  const mc = acc[2]! / n;
  const vc = Math.max((acc[3]! - n * mc * mc) / (n - 1), 0);
  const cyc = (acc[4]! - n * my * mc) / (n - 1);
  const b = beta ?? (vc > 0 ? cyc / vc : 0);
  const resid = Math.max(vy - 2 * b * cyc + b * b * vc, 0);
  return { value: my - b * (mc - controlMean), errorEstimate: Math.sqrt(resid / n), beta: b };
}

/**
 * Runs a simulation to `samples` or to `requiredTolerance`: `run(acc, samples, firstPath,
 * uniforms)` simulates `samples` samples (Philox streams from `firstPath` when `uniforms` is
 * undefined, else one row of `dims` uniforms per sample) and adds Σy, Σy², Σc, Σc², Σyc to acc.
 */
export function runMonteCarlo(dims: number, controlMean: number | undefined, o: ResolvedMcOptions, run: McRunner): McEstimate {
  if (o.rng === 'sobol') return sobol(dims, controlMean, o, run);
  const acc = new Float64Array(5);
  let done = 0;
  const mt = o.rng === 'mt19937' ? new MersenneTwister(o.seed) : undefined;
  const step = (m: number) => {
    if (mt === undefined) {
      run(acc, m, done, undefined);
    } else {
      const rows = Math.max(1, Math.floor(UNIFORM_CHUNK / dims));
      for (let s = 0; s < m; s += rows) {
        const k = Math.min(rows, m - s);
        const u = mt.fillUniforms(new Float64Array(k * dims));
        run(acc, k, done + s, u);
      }
    }
    done += m;
  };
  if (o.samples !== undefined) {
    step(o.samples);
    return { ...estimate(acc, done, controlMean), samples: done, sums: acc };
  }
  const tol = o.requiredTolerance!;
  step(Math.min(INITIAL, o.maxSamples));
  for (;;) {
    const e = estimate(acc, done, controlMean);
    if (e.errorEstimate <= tol) return { value: e.value, errorEstimate: e.errorEstimate, samples: done, sums: acc };
    if (done >= o.maxSamples) {
      throw new ConvergenceError(`Monte Carlo error estimate ${e.errorEstimate} above requiredTolerance ${tol} after maxSamples = ${done} samples`, {
        argument: 'options.requiredTolerance', value: tol, errorEstimate: e.errorEstimate, samples: done,
      });
    }
    const need = Math.ceil(done * (e.errorEstimate / tol) ** 2 * 1.05);
    step(Math.min(Math.max(need, done + 1), o.maxSamples) - done);
  }
}

/** Randomised QMC: R digitally shifted copies of the same Sobol points; the error estimate is the spread of their means. */
function sobol(n: number, controlMean: number | undefined, o: ResolvedMcOptions, runner: McRunner): McEstimate {
  const R = o.sobolReplications;
  const seqs = Array.from({ length: R }, (_, r) => new SobolSequence(n, { scrambleSeed: o.seed, replicate: r }));
  const accs = seqs.map(() => new Float64Array(5));
  let per = 0;
  const run = (m: number) => {
    const rows = Math.max(1, Math.floor(UNIFORM_CHUNK / n));
    for (let r = 0; r < R; r++) {
      for (let s = 0; s < m; s += rows) {
        const k = Math.min(rows, m - s);
        const u = new Float64Array(k * n);
        for (let i = 0; i < k; i++) seqs[r]!.nextPoint(u, i * n);
        runner(accs[r]!, k, 0, u);
      }
    }
    per += m;
  };
  const est = (): McEstimate => {
    const pooled = new Float64Array(5);
    for (const a of accs) for (let i = 0; i < 5; i++) pooled[i] = pooled[i]! + a[i]!;
    const beta = controlMean === undefined ? 0 : estimate(pooled, per * R, controlMean).beta;
    const values = accs.map((a) => estimate(a, per, controlMean, beta).value);
    const mean = values.reduce((s, v) => s + v, 0) / R;
    const v = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (R - 1);
    return { value: mean, errorEstimate: Math.sqrt(v / R), samples: per * R, sums: pooled };
  };
  if (o.samples !== undefined) {
    run(Math.max(2, Math.ceil(o.samples / R)));
    return est();
  }
  const tol = o.requiredTolerance!;
  run(Math.max(2, Math.ceil(Math.min(INITIAL, o.maxSamples) / R)));
  for (;;) {
    const e = est();
    if (e.errorEstimate <= tol) return e;
    if (e.samples >= o.maxSamples) {
      throw new ConvergenceError(`Monte Carlo error estimate ${e.errorEstimate} above requiredTolerance ${tol} after maxSamples = ${e.samples} samples`, {
        argument: 'options.requiredTolerance', value: tol, errorEstimate: e.errorEstimate, samples: e.samples,
      });
    }
    // QMC error falls faster than N^-1/2: doubling is the safe step.
    run(Math.max(1, Math.min(per, Math.floor(o.maxSamples / R) - per)));
  }
}
