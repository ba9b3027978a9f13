// Internal: a bump allocator over the kernel module's linear memory, above heapBase().
import { QuantflowError } from '../../errors.js';

const PAGE = 65536;
/** Alignment of every block: 16 bytes, one v128. */
export const SCRATCH_ALIGN = 16;

/**
 * A block of `length` doubles in the module's memory. `view` is re-derived whenever
 * `memory.grow` has replaced (and detached) the underlying ArrayBuffer.
 * @internal
 */
export class ScratchBlock {
  private cachedBuffer: ArrayBuffer | undefined;
  private cachedView: Float64Array | undefined;

  constructor(
    private readonly memory: WebAssembly.Memory,
    /** Byte offset in linear memory, a multiple of 16: the pointer to pass to kernels. */
    readonly byteOffset: number,
    /** Number of doubles. */
    readonly length: number,
  ) {}

  /** A Float64Array over the block, valid until the next memory.grow (read it again after allocating). */
  get view(): Float64Array {
    const buffer = this.memory.buffer;
    if (buffer !== this.cachedBuffer || this.cachedView === undefined) {
      this.cachedBuffer = buffer;
      this.cachedView = new Float64Array(buffer, this.byteOffset, this.length);
    }
    return this.cachedView;
  }
}

/** Bump allocator with stack-like release (`mark` / `release`). @internal */
export class ScratchArena {
  private top: number;
  /** Bytes requested from memory.grow so far (for tests and diagnostics). */
  grownPages = 0;

  constructor(
    readonly memory: WebAssembly.Memory,
    readonly base: number,
  ) {
    this.top = alignUp(base);
  }

  /** Current top of the arena (byte offset). */
  mark(): number {
    return this.top;
  }

  /** Frees everything allocated since `mark`. */
  release(mark: number): void {
    this.top = mark;
  }

  /** Allocates `length` doubles, 16-byte aligned, growing the memory if needed. */
  allocF64(length: number): ScratchBlock {
    if (!Number.isInteger(length) || length < 0) {
      throw new QuantflowError(`scratch length ${length} is not a non-negative integer`, 'INVALID_INPUT', { length });
    }
    const offset = alignUp(this.top);
    const end = offset + 8 * length;
    this.ensure(end);
    this.top = end;
    return new ScratchBlock(this.memory, offset, length);
  }

  private ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = Math.ceil((end - have) / PAGE);
    try {
      this.memory.grow(pages);
    } catch (e) {
      throw new QuantflowError(`kernel memory could not grow by ${pages} pages`, 'OUT_OF_MEMORY', { pages }, { cause: e });
    }
    this.grownPages += pages;
  }
}

function alignUp(x: number): number {
  return Math.ceil(x / SCRATCH_ALIGN) * SCRATCH_ALIGN;
}
