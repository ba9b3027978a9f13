// Twins of the @example blocks in src/kernels and src/math docstrings: each asserts the
// value the example prints (exactly, since the example shows the full double).
import { describe, expect, it } from 'vitest';
import { blackScholesBatch } from '../../src/kernels/black.js';
import { black76Batch } from '../../src/kernels/black76Batch.js';
import { kernelBackend } from '../../src/kernels/kernelBackend.js';
import { init } from '../../src/kernels/init.js';
import { erfc } from '../../src/math/special/erfc.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';

describe('docstring examples', () => {
  it('blackScholesBatch', () => {
    const out = blackScholesBatch({
      spots: 100, strikes: Float64Array.of(90, 100, 110), expiries: 1,
      rates: 0.05, dividendYields: 0.02, volatilities: 0.2, optionTypes: 1,
    });
    expect(out.prices[1]).toBe(9.227005508154036);
  });
  it('black76Batch', () => {
    expect(black76Batch({ forwards: 100, strikes: 100, expiries: 1, discountRates: 0.05, volatilities: 0.2, optionTypes: 1 }).prices[0]).toBe(7.577082146427273);
  });
  it('kernelBackend and init', async () => {
    expect(kernelBackend()).toBe('simd');
    await expect(init()).resolves.toBe('simd');
  });
  it('erfc, normalCdf, normalPdf', () => {
    expect(erfc(1)).toBe(0.15729920705028516);
    expect(normalCdf(1)).toBe(0.841344746068543);
    expect(normalPdf(0)).toBe(0.3989422804014327);
  });
});
