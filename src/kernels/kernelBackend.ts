import { kernelExports } from './_lib/kernelModule.js';

/**
 * Which implementation the batch kernels run on: the SIMD WebAssembly module, or the
 * pure-TypeScript reference (the fallback where WebAssembly SIMD is missing).
 * @public
 */
export type KernelBackend = 'simd' | 'typescript';

/**
 * Tells which implementation the `…Batch` kernels use with `backend: 'auto'`.
 *
 * @remarks
 * Calling it loads the WebAssembly module synchronously if it is not loaded yet (as the first
 * kernel call would). Support is detected by validating a tiny SIMD module. In a browser's
 * main thread, where synchronous compilation is refused, it reports `'typescript'` until
 * `await init()` has run.
 *
 * Source: WebAssembly fixed-width SIMD proposal (W3C, 2021; part of WebAssembly 2.0).
 *
 * Checked against: a forced-fallback test that disables the module and expects `'typescript'`.
 *
 * @returns `'simd'` when the WebAssembly module is in use, else `'typescript'`.
 *
 * @example
 * ```ts
 * import { kernelBackend } from 'quantflow';
 * kernelBackend();
 * //=> 'simd'   (Node ≥ 20)
 * ```
 * @public
 */
export function kernelBackend(): KernelBackend {
  return kernelExports() === undefined ? 'typescript' : 'simd';
}
