import { describe, expect, it } from 'vitest';
import { SobolSequence } from '../../../engines/montecarlo/SobolSequence.js';

// Native QuantLib 1.29 SobolRsg(1024, 0, JoeKuoD6).nextInt32Sequence(): its n-th call (n = 1, 2, …)
// for dimensions 1, 2, 3, 100, 500, 1024 (generated once with the Python bindings).
const QL_POINTS: Record<number, number[]> = {
  1: [2147483648, 2147483648, 2147483648, 2147483648, 2147483648, 2147483648],
  2: [3221225472, 1073741824, 1073741824, 3221225472, 1073741824, 3221225472],
  3: [1073741824, 3221225472, 3221225472, 1073741824, 3221225472, 1073741824],
  4: [1610612736, 1610612736, 2684354560, 3758096384, 2684354560, 3758096384],
  5: [3758096384, 3758096384, 536870912, 1610612736, 536870912, 1610612736],
  6: [2684354560, 536870912, 3758096384, 536870912, 3758096384, 536870912],
  7: [536870912, 2684354560, 1610612736, 2684354560, 1610612736, 2684354560],
  8: [805306368, 1342177280, 4026531840, 4026531840, 1879048192, 268435456],
  1000: [943718400, 415236096, 2227175424, 801112064, 1094713344, 3066036224],
};
const DIMS = [1, 2, 3, 100, 500, 1024];

describe('SobolSequence (Joe–Kuo D6, 1024 dimensions)', () => {
  it('equals native QuantLib 1.29 SobolRsg(JoeKuoD6) points, by Gray-code stepping and by skipTo', () => {
    const s = new SobolSequence(1024);
    s.skipTo(1);
    for (let n = 1; n <= 1000; n++) {
      const p = s.nextUint32Point();
      const want = QL_POINTS[n];
      if (want !== undefined) expect(DIMS.map((d) => p[d - 1]), `point ${n}`).toEqual(want);
    }
    const t = new SobolSequence(1024);
    t.skipTo(1000);
    const q = t.nextUint32Point();
    expect(DIMS.map((d) => q[d - 1])).toEqual(QL_POINTS[1000]);
  });

  it('the first 2^10 points stratify every coordinate of all 1024 dimensions, scrambled or not', () => {
    for (const opts of [{}, { scrambleSeed: 99, replicate: 3 }]) {
      const s = new SobolSequence(1024, opts);
      const counts = new Uint16Array(1024 * 1024);
      const x = new Float64Array(1024);
      for (let n = 0; n < 1024; n++) {
        s.nextPoint(x);
        for (let d = 0; d < 1024; d++) counts[d * 1024 + Math.floor(x[d]! * 1024)]++;
      }
      expect(counts.every((c) => c === 1)).toBe(true);
    }
  });

  it('dimensions 1–2 form a (0, 8, 2)-net: every elementary box of area 2^-8 holds exactly one of the first 256 points', () => {
    const s = new SobolSequence(2, { scrambleSeed: 5 });
    const pts = Array.from({ length: 256 }, () => Array.from(s.nextPoint()));
    for (let a = 0; a <= 8; a++) {
      const nx = 2 ** a, ny = 2 ** (8 - a);
      const boxes = new Uint16Array(256);
      for (const [x, y] of pts) boxes[Math.floor(x! * nx) * ny + Math.floor(y! * ny)]++;
      expect(boxes.every((c) => c === 1), `boxes ${nx}×${ny}`).toBe(true);
    }
  });

  it('different replicates give different shifts; the same seed and replicate repeat', () => {
    const a = new SobolSequence(3, { scrambleSeed: 1, replicate: 0 }).nextPoint();
    const b = new SobolSequence(3, { scrambleSeed: 1, replicate: 1 }).nextPoint();
    const c = new SobolSequence(3, { scrambleSeed: 1, replicate: 0 }).nextPoint();
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(a)).toEqual(Array.from(c));
  });

  it('docstring example: point 1 of dimensions 1–2 is (2^31, 2^31)', () => {
    const s = new SobolSequence(2);
    s.skipTo(1);
    expect(Array.from(s.nextUint32Point())).toEqual([2147483648, 2147483648]);
  });

  it('refuses dimensions outside [1, 1024]', () => {
    expect(() => new SobolSequence(1025)).toThrow(/dimension = 1025/);
    expect(() => new SobolSequence(0)).toThrow(/dimension = 0/);
  });
});
