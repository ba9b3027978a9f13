import { loadKernelsAsync } from './_lib/kernelModule.js';
import { kernelBackend } from './kernelBackend.js';
import type { KernelBackend } from './kernelBackend.js';

/**
 * Compiles and instantiates the WebAssembly kernels asynchronously.
 *
 * @remarks
 * Optional in Node, where the first kernel call instantiates the module synchronously.
 * Needed once in a browser's main thread (which refuses synchronous compilation of modules
 * larger than 4 kB) before kernels can run on WebAssembly; until then they run on the
 * TypeScript reference. Safe to call repeatedly.
 *
 * Source: WebAssembly JavaScript Interface, `WebAssembly.compile` (W3C).
 *
 * Checked against: the kernel test suite, which runs after `await init()`.
 *
 * @returns the backend in use afterwards: `'simd'`, or `'typescript'` if WebAssembly SIMD is
 * unsupported.
 *
 * @example
 * ```ts
 * import { init } from 'quantflow';
 * await init();
 * //=> 'simd'
 * ```
 * @public
 */
export async function init(): Promise<KernelBackend> {
  await loadKernelsAsync();
  return kernelBackend();
}
