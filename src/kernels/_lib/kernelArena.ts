// Internal: the one ScratchArena of the loaded kernel module.
import { ScratchArena } from './ScratchArena.js';
import type { KernelExports } from './kernelModule.js';

let arena: ScratchArena | undefined;
let owner: KernelExports | undefined;

/** The arena over `exports.memory` (created on first use). @internal */
export function kernelArena(exports: KernelExports): ScratchArena {
  if (arena === undefined || owner !== exports) {
    arena = new ScratchArena(exports.memory, exports.heapBase());
    owner = exports;
  }
  return arena;
}
