import { QuantflowError } from '../errors.js';
import type { BatchBackend } from './black.js';
import { mcLmmPathsReference, type LmmPathKernelInputs, type LmmPathKernelOutputs } from './lmm.reference.js';
import { resolveBackend } from './montecarlo.js';
import { withScratch } from './withScratch.js';

/** Largest number of output doubles per kernel call through scratch (8 MB). */
const CHUNK_DOUBLES = 1 << 20;

/**
 * Runs the LIBOR market model path kernel: log-Euler steps of the displaced forwards from rate
 * time to rate time under the spot measure, predictor–corrector drift, every path's state written.
 *
 * @remarks
 * Layouts (all f64): `stepData` = for each step m (the step ending at T_m; `steps` = n for term
 * rates, n + 1 for backward-looking ones) with alive forwards f_m…n−1 (a = n − f_m): k_m (factors),
 * f_m, a flag (1 when forward f_m is fully fixed at the step's end), the step covariance C (a × a
 * row-major), its root B (a × k_m). Path p (antithetic: sample s gives paths 2s and 2s + 1, the
 * second with −Z) writes forwards [p·steps·n + m·n + i] = L_i(T_m) (fixed forwards keep their
 * fixings), deflators [p·(n + 1) + j] = P(0,T_0)/Π_{l<j}(1 + τ_lL_l(fixing)), and optionally the
 * shocks (B·Z)_i of each step. Random numbers:
 * sample s uses the row s of `normals` when given, else Philox stream firstPath + s under key
 * (key0, key1), words in order (block ⌊j/4⌋) through AS241: the normals of step m are z[Σ_{l<m} k_l …]. The TypeScript reference performs the
 * same operations in the same order with the same exp/log approximations (bitwise equal in tests).
 * Source: Hunter, Jäckel & Joshi (2001), "Getting the drift", Risk 14(7); Glasserman (2004) §3.7.
 * Checked against: test/kernels/lmm.test.ts (WASM vs reference).
 *
 * @param inp - the kernel inputs.
 * @param out - output arrays sized for `samples × (antithetic ? 2 : 1)` paths.
 * @param backend - `'auto'` (default), `'simd'`/`'scalar'` (the scalar WASM loop), `'typescript'`.
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when a forward or deflator is not finite.
 * @internal
 */
export function mcLmmPathsRun(inp: LmmPathKernelInputs, out: LmmPathKernelOutputs, backend?: BatchBackend): void {
  const k = resolveBackend(backend);
  let flag = 0;
  if (k === undefined) {
    flag = mcLmmPathsReference(inp, out);
  } else {
    flag = withScratch((scratch) => {
      const n = inp.size;
      const passes = inp.antithetic ? 2 : 1;
      const rows = inp.steps * n;
      const perSample = passes * (rows * (out.shocks !== undefined ? 2 : 1) + n + 1) + (inp.normals !== undefined ? inp.dims : 0);
      const chunk = Math.max(1, Math.min(inp.samples, Math.floor(CHUNK_DOUBLES / perSample)));
      const step = scratch.f64(inp.stepData.length);
      const tau = scratch.f64(n);
      const l0 = scratch.f64(n);
      const work = scratch.f64(7 * n + inp.dims);
      const fo = scratch.f64(chunk * passes * rows);
      const dfo = scratch.f64(chunk * passes * (n + 1));
      const so = out.shocks !== undefined ? scratch.f64(chunk * passes * rows) : undefined;
      const zi = inp.normals !== undefined ? scratch.f64(chunk * inp.dims) : undefined;
      step.view.set(inp.stepData);
      tau.view.set(inp.accruals.subarray(0, n));
      l0.view.set(inp.initialForwards.subarray(0, n));
      let bad = 0;
      for (let start = 0; start < inp.samples; start += chunk) {
        const m = Math.min(chunk, inp.samples - start);
        if (zi !== undefined) zi.view.set(inp.normals!.subarray(start * inp.dims, (start + m) * inp.dims));
        bad |= k.mcLmmPaths(
          m, inp.firstPath + start, inp.key0, inp.key1, n, inp.steps, inp.dims, passes - 1, inp.predictorCorrector ? 1 : 0,
          inp.displacement, inp.firstDiscount, step.byteOffset, tau.byteOffset, l0.byteOffset,
          fo.byteOffset, dfo.byteOffset, so?.byteOffset ?? 0, zi?.byteOffset ?? 0, work.byteOffset,
        );
        out.forwards.set(fo.view.subarray(0, m * passes * rows), start * passes * rows);
        out.deflators.set(dfo.view.subarray(0, m * passes * (n + 1)), start * passes * (n + 1));
        if (so !== undefined) out.shocks!.set(so.view.subarray(0, m * passes * rows), start * passes * rows);
      }
      return bad;
    });
  }
  if (flag !== 0) {
    throw new QuantflowError('LMM Monte Carlo overflowed double precision (a simulated forward or deflator is not finite)', 'NUMERICAL_OVERFLOW', {});
  }
}
