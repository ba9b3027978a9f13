import { QuantflowError } from '../errors.js';
import { kernelArena } from './_lib/kernelArena.js';
import { kernelExports, kernelUnavailableReason } from './_lib/kernelModule.js';
import type { KernelExports } from './_lib/kernelModule.js';
import type { ScratchBlock } from './_lib/ScratchArena.js';

/**
 * Scratch space handed out inside {@link withScratch}.
 * @internal
 */
export interface Scratch {
  /** The kernel module's exports (kernels take byte offsets into its memory). */
  readonly kernels: KernelExports;
  /**
   * Allocates `length` doubles, 16-byte aligned, in the module's linear memory. May grow the
   * memory; read `.view` again after any later allocation or kernel call.
   */
  f64(length: number): ScratchBlock;
}

let depth = 0;

/**
 * Runs `fn` with a scratch allocator over the WebAssembly module's linear memory, and frees
 * everything it allocated when `fn` returns or throws.
 *
 * @remarks
 * A bump allocator: allocation is a pointer increment; blocks are 16-byte aligned (one v128);
 * calls nest, each level freeing only its own blocks. Memory grows in 64 KiB pages when needed
 * and never shrinks. Each block's `view` is re-derived after `memory.grow` detaches the old
 * ArrayBuffer, so views obtained through `.view` survive growth. Kernel hot loops allocate
 * nothing; wrappers allocate their blocks once per call.
 *
 * Source: region ("arena") allocation, Hanson (1990), "Fast allocation and deallocation of
 * memory based on object lifetimes", Software: Practice and Experience 20(1).
 *
 * Checked against: test/kernels/withScratch.test.ts (alignment, nesting, release on throw,
 * contents preserved across a forced memory.grow).
 *
 * @param fn - receives the {@link Scratch} allocator; valid only during the call.
 * @returns whatever `fn` returns.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when the WebAssembly module is not
 * available (no SIMD support, or not initialised in a browser's main thread); (code
 * `OUT_OF_MEMORY`) when memory cannot grow.
 * @internal
 */
export function withScratch<R>(fn: (scratch: Scratch) => R): R {
  const exports = kernelExports();
  if (exports === undefined) {
    throw new QuantflowError(`WebAssembly kernels unavailable: ${kernelUnavailableReason() ?? 'unknown reason'}`, 'KERNEL_UNAVAILABLE');
  }
  const arena = kernelArena(exports);
  const mark = arena.mark();
  const level = ++depth;
  const scratch: Scratch = {
    kernels: exports,
    f64(length: number): ScratchBlock {
      if (level !== depth) {
        throw new QuantflowError('a Scratch was used outside its own withScratch level', 'SCRATCH_MISUSE', { level, depth });
      }
      return arena.allocF64(length);
    },
  };
  try {
    return fn(scratch);
  } finally {
    depth--;
    arena.release(mark);
  }
}
