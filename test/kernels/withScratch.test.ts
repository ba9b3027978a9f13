import { describe, expect, it } from 'vitest';
import { withScratch } from '../../src/kernels/withScratch.js';
import { kernelBackend } from '../../src/kernels/kernelBackend.js';
import { init } from '../../src/kernels/init.js';
import { forceTypeScriptKernels } from '../../src/kernels/_lib/kernelModule.js';
import { QuantflowError } from '../../src/errors.js';

describe('kernel loader', () => {
  it('loads the SIMD module synchronously in Node and init() agrees', async () => {
    expect(kernelBackend()).toBe('simd');
    await expect(init()).resolves.toBe('simd');
  });

  it('falls back to the TypeScript reference when the module is unavailable', () => {
    forceTypeScriptKernels(true);
    try {
      expect(kernelBackend()).toBe('typescript');
      expect(() => withScratch(() => 0)).toThrow(QuantflowError);
    } finally {
      forceTypeScriptKernels(false);
    }
    expect(kernelBackend()).toBe('simd');
  });
});

describe('withScratch', () => {
  it('hands out 16-byte aligned, non-overlapping Float64Array blocks', () => {
    withScratch((s) => {
      const blocks = [1, 3, 0, 7, 2].map((n) => s.f64(n));
      for (const b of blocks) expect(b.byteOffset % 16).toBe(0);
      for (let i = 1; i < blocks.length; i++) {
        expect(blocks[i].byteOffset).toBeGreaterThanOrEqual(blocks[i - 1].byteOffset + 8 * blocks[i - 1].length);
      }
      blocks[1].view.set([1, 2, 3]);
      blocks[3].view.fill(9);
      expect([...blocks[1].view]).toEqual([1, 2, 3]);
    });
  });

  it('frees each level on return and on throw; nested levels stack', () => {
    const first = withScratch((s) => s.f64(10).byteOffset);
    const again = withScratch((s) => s.f64(10).byteOffset);
    expect(again).toBe(first);
    expect(() =>
      withScratch((s) => {
        s.f64(1000);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(withScratch((s) => s.f64(10).byteOffset)).toBe(first);
    withScratch((outer) => {
      const a = outer.f64(4);
      const innerOffset = withScratch((inner) => {
        expect(() => outer.f64(1)).toThrow(QuantflowError); // outer level is suspended
        return inner.f64(4).byteOffset;
      });
      expect(innerOffset).toBeGreaterThan(a.byteOffset);
      expect(outer.f64(4).byteOffset).toBe(innerOffset); // the inner block was freed
    });
  });

  it('keeps block contents and refreshes views across a memory.grow forced mid-use', () => {
    withScratch((s) => {
      const a = s.f64(1000);
      for (let i = 0; i < a.length; i++) a.view[i] = i * 0.5 - 3;
      const staleView = a.view;
      const before = s.kernels.memory.buffer.byteLength;
      // Ask for more than the remaining memory: the arena must grow it by whole pages.
      const big = s.f64((before - a.byteOffset) / 8 + 70_000);
      const after = s.kernels.memory.buffer.byteLength;
      expect(after).toBeGreaterThan(before);
      expect(staleView.length).toBe(0); // the pre-grow ArrayBuffer is detached …
      expect(a.view.length).toBe(1000); // … the block's view is re-derived
      for (let i = 0; i < a.length; i++) expect(a.view[i]).toBe(i * 0.5 - 3);
      big.view[big.length - 1] = 42; // the new block is usable up to its last element
      expect(big.view[big.length - 1]).toBe(42);
      // Pointers are unchanged, so kernels still read the old block: exp(a) through the module.
      const out = s.f64(1000);
      s.kernels.expBatch(1, a.byteOffset, out.byteOffset, 1000);
      for (let i = 0; i < 1000; i++) {
        const e = Math.exp(i * 0.5 - 3);
        expect(Math.abs(out.view[i] - e)).toBeLessThanOrEqual(3e-16 * e); // kernel exp accuracy (transcendentals.test.ts)
      }
    });
  });
});
