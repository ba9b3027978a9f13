// Batch entry points for the transcendentals, so tests can measure their maximum error
// (scalar and lane-wise paths) against Math.exp / Math.log / the scalar normalCdf.
import { expS, logS, gaussS, ncdfS } from './_lib/scalarMath';
import { expV, logV, gaussV, ncdfV } from './_lib/simdMath';

/** out[i] = e^(in[i]); simd != 0 selects the f64x2 path (odd tail scalar). */
export function expBatch(simd: i32, input: usize, out: usize, n: i32): void {
  let i: i32 = 0;
  if (simd) for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), expV(v128.load(input + (<usize>i << 3))));
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), expS(load<f64>(input + (<usize>i << 3))));
}

/** out[i] = ln(in[i]), in[i] > 0. */
export function logBatch(simd: i32, input: usize, out: usize, n: i32): void {
  let i: i32 = 0;
  if (simd) for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), logV(v128.load(input + (<usize>i << 3))));
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), logS(load<f64>(input + (<usize>i << 3))));
}

/** out[i] = Φ(in[i]) through gauss + Cody's erfc factor, exactly as the Black kernel does it. */
export function normalCdfBatch(simd: i32, input: usize, out: usize, n: i32): void {
  let i: i32 = 0;
  if (simd) {
    for (; i + 1 < n; i += 2) {
      const x = v128.load(input + (<usize>i << 3));
      v128.store(out + (<usize>i << 3), ncdfV(x, gaussV(x)));
    }
  }
  for (; i < n; i++) {
    const x = load<f64>(input + (<usize>i << 3));
    store<f64>(out + (<usize>i << 3), ncdfS(x, gaussS(x)));
  }
}
