import { describe, expect, it } from 'vitest';
import { Philox4x32 } from '../../../engines/montecarlo/Philox4x32.js';
import { philoxNormals } from '../../../src/kernels/montecarlo.js';
import { InvalidInputError } from '../../../src/errors.js';

// Random123 known-answer vectors (kat_vectors, "philox4x32 10" lines): counter, key → output.
// Source: Salmon et al. (2011), Random123 distribution, examples/kat_vectors.
const KAT: Array<[number[], number[], number[]]> = [
  [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
  [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
];

describe('Philox4x32', () => {
  it('reproduces the Random123 known-answer vectors exactly', () => {
    for (const [ctr, key, out] of KAT) expect(Array.from(Philox4x32.block(ctr, key))).toEqual(out);
  });

  it('path i is reproducible alone: a stream computed by itself equals its row in a batch (WASM and TypeScript)', () => {
    const seed = 2 ** 40 + 12345;
    const batch = philoxNormals(seed, 1000, 64, 7);
    const ts = philoxNormals(seed, 1000, 64, 7, { backend: 'typescript' });
    expect(Array.from(batch)).toEqual(Array.from(ts));
    const g = new Philox4x32(seed);
    expect(Array.from(g.normals(1037, 7))).toEqual(Array.from(batch.subarray(37 * 7, 38 * 7)));
  });

  it('uniforms lie strictly inside (0, 1) and normals have mean 0, variance 1, kurtosis 3 (within 5 standard errors)', () => {
    const g = new Philox4x32(1);
    const n = 1 << 17;
    const u = g.uniforms(3, n);
    expect(u.every((x) => x > 0 && x < 1)).toBe(true);
    const z = philoxNormals(1, 0, n, 1);
    let m1 = 0, m2 = 0, m4 = 0;
    for (const x of z) { m1 += x; m2 += x * x; m4 += x ** 4; }
    m1 /= n; m2 /= n; m4 /= n;
    // Standard errors of the sample moments of N(0,1): √(1/n), √(2/n), √(96/n).
    expect(Math.abs(m1)).toBeLessThan(5 * Math.sqrt(1 / n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });

  it('refuses bad seeds, counters and streams, naming them', () => {
    expect(() => new Philox4x32(-1)).toThrow(/seed = -1/);
    expect(() => Philox4x32.block([0, 0, 2 ** 32, 0], [0, 0])).toThrow(/counter\[2\]/);
    expect(() => new Philox4x32(1).normals(0.5, 2)).toThrow(InvalidInputError);
    expect(() => philoxNormals(1, 0, 1, 0)).toThrow(/dims = 0/);
  });
});
