import { InvalidInputError, QuantflowError } from '../errors.js';
import { kernelExports, kernelUnavailableReason } from './_lib/kernelModule.js';
import type { KernelExports } from './_lib/kernelModule.js';
import type { BatchBackend } from './black.js';
import { mcGbmReference, philoxPathNormals } from './montecarlo.reference.js';
import type { GbmKernelInputs } from './montecarlo.reference.js';
import { withScratch } from './withScratch.js';

/** The Monte Carlo exports of the kernel module (declared here, cast from KernelExports). @internal */
interface McExports {
  mcGbm(
    kind: number, nSamples: number, first: number, k0: number, k1: number, steps: number, antithetic: number,
    uniforms: number, work: number, bridge: number, stepData: number, params: number, acc: number, paths: number,
  ): number;
  mcPhiloxPathNormals(first: number, k0: number, k1: number, n: number, dims: number, out: number): void;
  mcInverseNormalBatch(input: number, out: number, n: number): void;
}

/** Largest number of doubles copied through scratch per kernel call (4 MB). */
const CHUNK_DOUBLES = 1 << 19;

/** The kernel exports for `backend`, or undefined for the TypeScript reference. @internal */
export function resolveBackend(backend: BatchBackend | undefined): (KernelExports & McExports) | undefined {
  const b = backend ?? 'auto';
  if (b !== 'auto' && b !== 'simd' && b !== 'scalar' && b !== 'typescript') {
    throw InvalidInputError.outOfRange('options.backend', b, "{'auto', 'simd', 'scalar', 'typescript'}");
  }
  if (b === 'typescript') return undefined;
  const k = kernelExports();
  if (k === undefined && b !== 'auto') {
    throw new QuantflowError(`backend '${b}' needs the WebAssembly kernels: ${kernelUnavailableReason() ?? 'unavailable'}`, 'KERNEL_UNAVAILABLE', { backend: b });
  }
  return k as (KernelExports & McExports) | undefined;
}

/**
 * Runs the fused geometric-Brownian-motion kernel: path generation and payoff accumulation in
 * one pass, no path stored (except `kind` 3, which stores S at every step end in `paths`).
 *
 * @remarks
 * Layouts (all f64): `stepData` = 5 arrays of `steps`: log drift of each step
 * ((r − q)Δt − ½σ²Δt from the curves), σ of the step, √Δt, risk-free discount factor at the
 * step end, fixing flag (1/0). `params` = ln S0, strike K, ω (+1 call, −1 put), ln B, barrier
 * type code (0 DownIn, 1 UpIn, 2 DownOut, 3 UpOut), rebate, running sum of past fixings, running
 * sum of their logs, unused, total number of fixings, payment discount factor. `bridge` = 6
 * arrays of `steps` (see `BrownianBridge`). `acc` (length ≥ 5) receives += Σy, Σy², Σc, Σc²,
 * Σyc (y the discounted payoff, c the control; antithetic pairs averaged into one sample).
 * Philox streams: sample s uses stream `firstPath + s` under key (key0, key1), normal j from word
 * j mod 4 of block (stream_lo, stream_hi, ⌊j/4⌋, 0), u = (w + ½)·2^−32. The TypeScript reference runs the same operations in
 * the same order, so the backends agree to the last bit in practice (tests allow 1e-12 relative).
 *
 * Source: Glasserman (2004), Monte Carlo Methods in Financial Engineering, §3.2.1 (exact GBM
 * steps), §3.1 (Brownian bridge), §6.4 (barrier crossing correction); Kemna & Vorst (1990).
 * Checked against: test/kernels/montecarlo.test.ts (WASM vs reference).
 *
 * @param inp - the kernel inputs (see layouts).
 * @param acc - accumulators, `Float64Array` of length ≥ 5, added to.
 * @param paths - kind 3 only: `Float64Array` of length samples·steps (·2 with antithetic).
 * @param backend - `'auto'` (default), `'simd'`/`'scalar'` (both the scalar WASM loop: the f64x2 variant did not win), `'typescript'`.
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when an accumulated payoff is not finite.
 * @internal
 */
export function mcGbmRun(inp: GbmKernelInputs, acc: Float64Array, paths?: Float64Array, backend?: BatchBackend): void {
  const k = resolveBackend(backend);
  let flag = 0;
  if (k === undefined) {
    flag = mcGbmReference(inp, acc, paths);
  } else {
    flag = withScratch((scratch) => {
      const n = inp.steps;
      const passes = inp.antithetic ? 2 : 1;
      const perSample = Math.max(inp.uniforms !== undefined ? n : 0, inp.kind === 3 ? n * passes : 0, 1);
      const chunk = Math.max(1, Math.min(inp.samples, Math.floor(CHUNK_DOUBLES / perSample)));
      const work = scratch.f64(2 * n);
      const step = scratch.f64(5 * n);
      const params = scratch.f64(16);
      const accB = scratch.f64(8);
      const bridge = inp.bridge !== undefined ? scratch.f64(6 * n) : undefined;
      const uni = inp.uniforms !== undefined ? scratch.f64(chunk * n) : undefined;
      const pathB = inp.kind === 3 ? scratch.f64(chunk * n * passes) : undefined;
      step.view.set(inp.stepData.subarray(0, 5 * n));
      params.view.fill(0);
      params.view.set(inp.params.subarray(0, 11));
      accB.view.fill(0);
      if (bridge !== undefined) bridge.view.set(inp.bridge!.subarray(0, 6 * n));
      let bad = 0;
      for (let start = 0; start < inp.samples; start += chunk) {
        const m = Math.min(chunk, inp.samples - start);
        if (uni !== undefined) uni.view.set(inp.uniforms!.subarray(start * n, (start + m) * n));
        bad |= k.mcGbm(
          inp.kind, m, inp.firstPath + start, inp.key0, inp.key1, n, inp.antithetic ? 1 : 0,
          uni?.byteOffset ?? 0, work.byteOffset, bridge?.byteOffset ?? 0, step.byteOffset, params.byteOffset,
          accB.byteOffset, pathB?.byteOffset ?? 0,
        );
        if (pathB !== undefined && paths !== undefined) paths.set(pathB.view.subarray(0, m * n * passes), start * n * passes);
      }
      const a = accB.view;
      for (let i = 0; i < 5; i++) acc[i] = acc[i]! + a[i]!;
      return bad;
    });
  }
  if (flag !== 0) {
    throw new QuantflowError('Monte Carlo payoff overflowed double precision (a simulated price or payoff is not finite)', 'NUMERICAL_OVERFLOW', {});
  }
}

/**
 * Standard normals from Philox4x32-10 streams, as the Monte Carlo engines draw them: row s
 * (of `dims` normals) is stream `firstStream + s`; normal j is word j mod 4 of counter block
 * (stream_lo, stream_hi, ⌊j/4⌋, 0) under the 64-bit key (seed_lo, seed_hi), mapped to
 * (w + ½)·2^−32 ∈ (0, 1) and through Wichura's AS241 inverse normal CDF.
 *
 * @remarks
 * Counter-based: any stream is computable alone, in any order, on any machine, with the
 * same bits. Source: Salmon et al. (2011), SC'11; Wichura (1988), AS241.
 * Checked against: test/kernels/montecarlo.test.ts (WASM vs TypeScript reference, Random123
 * known-answer vectors through `Philox4x32`, moments).
 *
 * @param seed - integer in [0, 2^53).
 * @param firstStream - integer in [0, 2^53 − streams).
 * @param streams - number of rows; integer ≥ 0.
 * @param dims - normals per row; integer ≥ 1.
 * @param options - `backend`: `'auto'` (default), `'simd'`/`'scalar'` (the scalar WASM loop), `'typescript'`; `out`: a
 * `Float64Array` of length ≥ streams·dims to fill.
 * @returns the normals, row-major, length streams·dims.
 * @throws InvalidInputError when an argument is out of range.
 * @public
 */
export function philoxNormals(
  seed: number, firstStream: number, streams: number, dims: number,
  options?: { readonly backend?: BatchBackend; readonly out?: Float64Array },
): Float64Array {
  checkIndex('seed', seed, 2 ** 53);
  checkIndex('firstStream', firstStream, 2 ** 53);
  checkIndex('streams', streams, 2 ** 31);
  checkIndex('dims', dims, 2 ** 31);
  if (dims < 1) throw InvalidInputError.outOfRange('dims', dims, '[1, 2^31)');
  const total = streams * dims;
  const out = options?.out ?? new Float64Array(total);
  if (out.length < total) throw InvalidInputError.outOfRange('options.out.length', out.length, `[${total}, ∞)`);
  const k0 = seed >>> 0;
  const k1 = Math.floor(seed / 4294967296) >>> 0;
  const k = resolveBackend(options?.backend);
  if (k === undefined) {
    for (let s = 0; s < streams; s++) philoxPathNormals(firstStream + s, k0, k1, dims, out, s * dims);
    return out;
  }
  withScratch((scratch) => {
    const rows = Math.max(1, Math.min(streams, Math.floor(CHUNK_DOUBLES / dims)));
    const block = scratch.f64(rows * dims);
    for (let s = 0; s < streams; s += rows) {
      const m = Math.min(rows, streams - s);
      k.mcPhiloxPathNormals(firstStream + s, k0, k1, m, dims, block.byteOffset);
      out.set(block.view.subarray(0, m * dims), s * dims);
    }
  });
  return out;
}

/**
 * Φ⁻¹ on a batch by Wichura's AS241 in the WASM module (the probe behind the max-error test).
 * @param input - uniforms in (0, 1).
 * @returns Φ⁻¹(input[i]).
 * @internal
 */
export function inverseNormalBatchWasm(input: Float64Array): Float64Array {
  const k = resolveBackend('simd')!;
  const out = new Float64Array(input.length);
  withScratch((scratch) => {
    const a = scratch.f64(input.length);
    const b = scratch.f64(input.length);
    a.view.set(input);
    k.mcInverseNormalBatch(a.byteOffset, b.byteOffset, input.length);
    out.set(b.view);
  });
  return out;
}

function checkIndex(name: string, v: number, limit: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= limit) throw InvalidInputError.outOfRange(name, v, `integers in [0, ${limit === 2 ** 53 ? '2^53' : '2^31'})`);
}
