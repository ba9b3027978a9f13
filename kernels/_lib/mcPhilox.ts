// Philox4x32-10 counter-based generator for the Monte Carlo kernels. Same algorithm as
// philoxBlock in src/kernels/montecarlo.reference.ts. Source: J. K. Salmon, M. A. Moraes,
// R. O. Dror, D. E. Shaw (2011), "Parallel random numbers: as easy as 1, 2, 3", SC'11, §4
// (Philox-4×32 with multipliers 0xD2511F53, 0xCD9E8D57 and Weyl key increments
// 0x9E3779B9, 0xBB67AE85; 10 rounds).

const M0: u64 = 0xd2511f53;
const M1: u64 = 0xcd9e8d57;
const W0: u32 = 0x9e3779b9;
const W1: u32 = 0xbb67ae85;
const TWO_M32: f64 = 2.3283064365386963e-10; // 2^-32

/** Output words of the last philoxBlock call (the module is single-threaded). */
export let px0: u32 = 0;
export let px1: u32 = 0;
export let px2: u32 = 0;
export let px3: u32 = 0;

/** Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1); result in px0..px3. */
// @ts-ignore: decorator
@inline
export function philoxBlock(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32): void {
  for (let r = 0; r < 10; r++) {
    const p0 = M0 * <u64>c0;
    const p1 = M1 * <u64>c2;
    const n0 = (<u32>(p1 >> 32)) ^ c1 ^ k0;
    const n2 = (<u32>(p0 >> 32)) ^ c3 ^ k1;
    c1 = <u32>p1;
    c3 = <u32>p0;
    c0 = n0;
    c2 = n2;
    k0 += W0;
    k1 += W1;
  }
  px0 = c0;
  px1 = c1;
  px2 = c2;
  px3 = c3;
}

/** A uniform in (0, 1) from one word: (w + ½)·2^−32 — never 0 or 1. */
// @ts-ignore: decorator
@inline
export function wordToUniform(w: u32): f64 {
  return (<f64>w + 0.5) * TWO_M32;
}
