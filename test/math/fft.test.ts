import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { fft } from '../../src/math/fft/fft.js';

/** Direct O(N²) DFT, X_k = Σ x_j e^(−2πijk/N), with the phase reduced exactly mod N. */
function dft(re: ArrayLike<number>, im: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      sr += re[j]! * Math.cos(a) - im[j]! * Math.sin(a);
      si += re[j]! * Math.sin(a) + im[j]! * Math.cos(a);
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  return { re: outRe, im: outIm };
}

function random(n: number, seed: number): { re: Float64Array; im: Float64Array } {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    re[i] = next();
    im[i] = next();
  }
  return { re, im };
}

describe('fft (radix-2, in place)', () => {
  it('equals a direct DFT for N = 1 … 1024 to 1e-12 relative to the largest |X_k|', () => {
    for (let n = 1; n <= 1024; n *= 2) {
      const x = random(n, n);
      const ref = dft(x.re, x.im);
      const re = x.re.slice();
      const im = x.im.slice();
      fft(re, im);
      const scale = Math.max(1, ...Array.from(ref.re, (r, k) => Math.hypot(r, ref.im[k]!)));
      for (let k = 0; k < n; k++) {
        expect(Math.abs(re[k]! - ref.re[k]!), `N=${n} k=${k}`).toBeLessThan(1e-12 * scale);
        expect(Math.abs(im[k]! - ref.im[k]!), `N=${n} k=${k}`).toBeLessThan(1e-12 * scale);
      }
    }
  });

  it("Parseval's identity Σ|X_k|² = N·Σ|x_j|² to 1e-13 relative, N up to 2^16, and the inverse round trip to 1e-14", () => {
    for (const n of [2, 8, 256, 4096, 1 << 16]) {
      const x = random(n, 7 * n + 1);
      const re = x.re.slice();
      const im = x.im.slice();
      fft(re, im);
      let e0 = 0;
      let e1 = 0;
      for (let i = 0; i < n; i++) {
        e0 += x.re[i]! ** 2 + x.im[i]! ** 2;
        e1 += re[i]! ** 2 + im[i]! ** 2;
      }
      expect(Math.abs(e1 / (n * e0) - 1), `N=${n}`).toBeLessThan(1e-13);
      fft(re, im, true);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(re[i]! - x.re[i]!), Math.abs(im[i]! - x.im[i]!));
      expect(worst, `N=${n}`).toBeLessThan(1e-14);
    }
  });

  it('known transforms: a delta at 0 is flat, a pure tone e^(2πi·3j/N) is N at k = 3 (fast-check on N)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (m) => {
        const n = 1 << m;
        const re = new Float64Array(n);
        const im = new Float64Array(n);
        re[0] = 1;
        fft(re, im);
        expect(re.every((v) => v === 1) && im.every((v) => v === 0)).toBe(true);
        for (let j = 0; j < n; j++) {
          re[j] = Math.cos((2 * Math.PI * 3 * j) / n);
          im[j] = Math.sin((2 * Math.PI * 3 * j) / n);
        }
        fft(re, im);
        let worst = 0;
        for (let k = 0; k < n; k++) worst = Math.max(worst, Math.abs(re[k]! - (k === 3 ? n : 0)), Math.abs(im[k]!));
        expect(worst, `N=${n}`).toBeLessThan(1e-12 * n);
      }),
      { numRuns: 20 },
    );
  });

  it('docstring example', () => {
    const re = Float64Array.of(1, 1, 1, 1);
    const im = new Float64Array(4);
    fft(re, im);
    expect(Array.from(re)).toEqual([4, 0, 0, 0]);
  });

  it('throws InvalidInputError for a length that is not a power of two, or unequal lengths', () => {
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(InvalidInputError);
    expect(() => fft(new Float64Array(0), new Float64Array(0))).toThrow(/re\.length = 0/);
    expect(() => fft(new Float64Array(4), new Float64Array(8))).toThrow(/im\.length = 8/);
  });
});
