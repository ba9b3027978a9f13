// Maximum-error tests of the kernel's own lane-wise transcendentals (exp, log, Φ) over the
// whole range the Black kernel feeds them, for the f64x2 path, the scalar WASM path and the
// TypeScript reference, against Math.exp / Math.log / the scalar normalCdf (Cody erfc).
import { describe, expect, it } from 'vitest';
import { withScratch } from '../../src/kernels/withScratch.js';
import { refExp, refGauss, refLog, refNormalCdf } from '../../src/kernels/_lib/referenceMath.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import type { KernelExports } from '../../src/kernels/_lib/kernelModule.js';

const N = 100_001; // odd: the f64x2 loops also run their scalar tail
const MIN_NORMAL = 2.2250738585072014e-308;

type Probe = 'expBatch' | 'logBatch' | 'normalCdfBatch';

function runProbe(name: Probe, xs: Float64Array, simd: boolean): Float64Array {
  return withScratch((s) => {
    const a = s.f64(xs.length);
    const b = s.f64(xs.length);
    a.view.set(xs);
    (s.kernels as KernelExports)[name](simd ? 1 : 0, a.byteOffset, b.byteOffset, xs.length);
    return b.view.slice();
  });
}

function grid(lo: number, hi: number): Float64Array {
  return new Float64Array(N).map((_, i) => lo + ((hi - lo) * i) / (N - 1));
}

/** Largest relative error where the exact value is a normal double, largest absolute error elsewhere. */
function maxErrors(xs: Float64Array, got: ArrayLike<number>, exact: (x: number) => number): { rel: number; absSub: number; at: number } {
  let rel = 0;
  let absSub = 0;
  let at = Number.NaN;
  for (let i = 0; i < xs.length; i++) {
    const e = exact(xs[i]);
    const d = Math.abs(got[i] - e);
    if (Math.abs(e) < MIN_NORMAL) absSub = Math.max(absSub, d);
    else if (d / Math.abs(e) > rel) {
      rel = d / Math.abs(e);
      at = xs[i];
    }
  }
  return { rel, absSub, at };
}

const paths: ReadonlyArray<readonly [string, (name: Probe, xs: Float64Array) => ArrayLike<number>]> = [
  ['simd', (name, xs) => runProbe(name, xs, true)],
  ['scalar wasm', (name, xs) => runProbe(name, xs, false)],
  [
    'reference',
    (name, xs) =>
      xs.map(name === 'expBatch' ? refExp : name === 'logBatch' ? refLog : (x: number) => refNormalCdf(x, refGauss(x))),
  ],
];

describe.each(paths)('kernel transcendentals (%s)', (_label, evaluate) => {
  it('exp: ≤ 3e-16 relative on [−745, 709.7] (every argument the kernel uses, down to subnormal results)', () => {
    // Math.exp (fdlibm in V8) is itself within 1 ulp; Cody–Waite reduction + degree-13 Taylor
    // adds ≤ 1 ulp: 3e-16 ≈ 1.35 ulp at the top of a binade. Subnormal results: ≤ 1 unit 2^-1074.
    const xs = grid(-745, 709.7);
    const e = maxErrors(xs, evaluate('expBatch', xs), Math.exp);
    expect(e.rel, `worst at x=${e.at}`).toBeLessThan(3e-16);
    expect(e.absSub).toBeLessThanOrEqual(5e-324);
    // The small arguments exp(−rT), exp(−qT) see most, densely.
    const small = grid(-3, 1);
    expect(maxErrors(small, evaluate('expBatch', small), Math.exp).rel).toBeLessThan(3e-16);
  });

  it('exp saturates: 0 below −746, +∞ above 709.79', () => {
    const xs = Float64Array.of(-800, -746, 709.8, 1000);
    expect(Array.from(evaluate('expBatch', xs))).toEqual([0, 0, Infinity, Infinity]);
  });

  it('exp around the underflow threshold: within 1 unit of 2^-1074 of Math.exp on [−746, −744], +0 below −745.2', () => {
    // Below EXP_ZERO = −745.2 the kernels return +0 without computing (the approximation gives +0
    // there as well, through slow denormal arithmetic); e^(−745.2) ≈ 2.4e-324 < 2^-1075, so +0 is
    // the correctly rounded value. The grid crosses the threshold.
    const xs = grid(-746, -744);
    const got = evaluate('expBatch', xs);
    let worst = 0;
    for (let i = 0; i < xs.length; i++) worst = Math.max(worst, Math.abs(got[i] - Math.exp(xs[i])));
    expect(worst).toBeLessThanOrEqual(5e-324);
    for (let i = 0; i < xs.length; i++) if (xs[i] < -745.2) expect(Object.is(got[i], 0), `x=${xs[i]}`).toBe(true);
  });

  it('log: ≤ 4e-16 relative (or 1e-300 absolute near 1) on (0, ∞), subnormals included', () => {
    // The kernel takes log(S/K); S/K can be anything representable. Geometric grid over every
    // binade from 2^-1074 to 2^1023, plus a dense linear grid around 1 where log → 0.
    // 4e-16 ≈ 2 ulp: the worst case is just below √½, where k·ln2 + log(1+f) cancels to ≈ −0.35
    // and the ≤ 1 ulp errors of both terms (measured at 0.35's scale) add up.
    const geo = new Float64Array(N).map((_, i) => Math.pow(2, -1074 + (2097 * i) / (N - 1)));
    const near1 = grid(0.5, 2);
    for (const xs of [geo, near1]) {
      const got = evaluate('logBatch', xs);
      let worst = 0;
      let at = Number.NaN;
      for (let i = 0; i < xs.length; i++) {
        const e = Math.log(xs[i]);
        const excess = Math.abs(got[i] - e) / (4e-16 * Math.abs(e) + 1e-300);
        if (excess > worst) {
          worst = excess;
          at = xs[i];
        }
      }
      expect(worst, `error / tolerance, worst at x=${at}`).toBeLessThanOrEqual(1);
    }
  });

  it('Φ: ≤ 1e-15 relative vs the scalar normalCdf on [−38, 38]', () => {
    // Two independent evaluations of Cody's erfc: the kernel's (own exp, Dekker-exact x²) and
    // normalCdf (Math.exp with Cody's 1/16 split). Each is within ~4e-16; the difference peaks at
    // 7e-16 near x = −35 where Φ ~ 1e-263. 1e-15 = 4.5 ulp.
    const xs = grid(-38, 38);
    const e = maxErrors(xs, evaluate('normalCdfBatch', xs), normalCdf);
    expect(e.rel, `worst at x=${e.at}`).toBeLessThan(1e-15);
    expect(e.absSub).toBeLessThan(1e-320);
  });
});
