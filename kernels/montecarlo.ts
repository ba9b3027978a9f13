// Monte Carlo kernels: Philox4x32-10 normals and fused geometric-Brownian-motion path
// generation with payoff accumulation (European, barrier with Brownian-bridge crossing
// correction, discrete arithmetic Asian with geometric control, stored paths for
// Longstaff–Schwartz). Scalar loops only: an f64x2 AS241 (central rational on two lanes, scalar
// fallback for tail lanes) and an i64x2 two-block Philox were measured slower than the scalar
// loop (60 vs 62 M normals/s; the tail lanes of 28 % of pairs and the lane shuffles cost more
// than the halved multiplies), so they were removed; the same algorithm, operation for operation, as
// src/kernels/montecarlo.reference.ts. Memory layouts are documented in src/kernels/montecarlo.ts.
import { expS } from './_lib/scalarMath';
import { invNormS } from './_lib/mcInverseNormal';
import { philoxBlock, wordToUniform, px0, px1, px2, px3 } from './_lib/mcPhilox';
import { addSums } from './_lib/mcSums';

// Payoff kinds.
const EUROPEAN: i32 = 0;
const BARRIER: i32 = 1;
const ASIAN: i32 = 2;
const PATHS: i32 = 3;

/** Fills out[0..dims) with normals 0 … dims−1 of one Philox stream (scalar loop). */
export function mcPhiloxNormals(pathLo: u32, pathHi: u32, k0: u32, k1: u32, dims: i32, out: usize): void {
  fillPhilox(pathLo, pathHi, k0, k1, dims, out);
}

/** Fills out[0..n) with normals of paths first … first+n−1, `dims` per path (row-major), as the fused kernel draws them. */
export function mcPhiloxPathNormals(first: f64, k0: u32, k1: u32, n: i32, dims: i32, out: usize): void {
  for (let s = 0; s < n; s++) {
    const p = <u64>first + <u64>s;
    const row = out + ((<usize>s * <usize>dims) << 3);
    fillPhilox(<u32>p, <u32>(p >> 32), k0, k1, dims, row);
  }
}

/** Probe: out[i] = Φ⁻¹(in[i]) by AS241. */
export function mcInverseNormalBatch(input: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, invNormS(load<f64>(input + o)));
  }
}

// Normal j of a path: word j mod 4 of Philox block (path_lo, path_hi, ⌊j/4⌋, 0), u = (w + ½)·2^−32, AS241.
// @ts-ignore: decorator
@inline
function fillPhilox(pLo: u32, pHi: u32, k0: u32, k1: u32, dims: i32, z: usize): void {
  for (let j = 0; j < dims; j += 4) {
    philoxBlock(pLo, pHi, <u32>(j >>> 2), 0, k0, k1);
    const o = z + (<usize>j << 3);
    store<f64>(o, invNormS(wordToUniform(px0)));
    if (j + 1 < dims) store<f64>(o, invNormS(wordToUniform(px1)), 8);
    if (j + 2 < dims) store<f64>(o, invNormS(wordToUniform(px2)), 16);
    if (j + 3 < dims) store<f64>(o, invNormS(wordToUniform(px3)), 24);
  }
}

/**
 * Brownian increments dW[j] (written over w) from normals z: either dW = sign·z·√Δt, or through
 * the Brownian bridge (6 arrays of n at bridge: bridge index, left index (−1 = time 0),
 * right index (−1 = none), left weight, right weight, conditional standard deviation).
 */
// @ts-ignore: decorator
@inline
function increments(sign: f64, n: i32, z: usize, w: usize, bridge: usize, sqrtDt: usize): void {
  if (bridge == 0) {
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      store<f64>(w + o, sign * load<f64>(z + o) * load<f64>(sqrtDt + o));
    }
    return;
  }
  const nb = <usize>n << 3;
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    const bi = <i32>load<f64>(bridge + o);
    const li = <i32>load<f64>(bridge + nb + o);
    const ri = <i32>load<f64>(bridge + 2 * nb + o);
    let v = load<f64>(bridge + 5 * nb + o) * (sign * load<f64>(z + o));
    if (li >= 0) v = load<f64>(bridge + 3 * nb + o) * load<f64>(w + (<usize>li << 3)) + v;
    if (ri >= 0) v = load<f64>(bridge + 4 * nb + o) * load<f64>(w + (<usize>ri << 3)) + v;
    store<f64>(w + (<usize>bi << 3), v);
  }
  for (let j = n - 1; j > 0; j--) {
    const o = <usize>j << 3;
    store<f64>(w + o, load<f64>(w + o) - load<f64>(w + o - 8));
  }
}

/**
 * The fused GBM kernel: for each of nSamples samples (path index first + s), draws normals
 * (Philox inline when uniforms = 0 else AS241 of uniforms[s·steps + j]), builds Brownian
 * increments (optionally by Brownian bridge), walks ln S over the steps and accumulates the
 * discounted payoff y and control c: acc[0..5) += y, y², c, c², y·c (antithetic pairs averaged
 * into one sample). kind 3 writes S at each step end to paths[(row)·steps + j] instead, one row
 * per path (two per sample with antithetic). Returns 1 if an accumulated value is not finite.
 */
export function mcGbm(
  kind: i32, nSamples: i32, first: f64, k0: u32, k1: u32, steps: i32, antithetic: i32,
  uniforms: usize, work: usize, bridge: usize, stepData: usize, params: usize, acc: usize, paths: usize,
): i32 {
  const n = steps;
  const nb = <usize>n << 3;
  const z = work;
  const w = work + nb;
  const drift = stepData;
  const vol = stepData + nb;
  const sqrtDt = stepData + 2 * nb;
  const disc = stepData + 3 * nb;
  const fix = stepData + 4 * nb;
  const x0 = load<f64>(params);
  const strike = load<f64>(params, 8);
  const omega = load<f64>(params, 16);
  const b = load<f64>(params, 24);
  const barrierType = <i32>load<f64>(params, 32);
  const rebate = load<f64>(params, 40);
  const runSum = load<f64>(params, 48);
  const runLog = load<f64>(params, 56);
  const nFix = load<f64>(params, 72);
  const payDisc = load<f64>(params, 80);
  const isIn = barrierType == 0 || barrierType == 1;
  let sy: f64 = 0.0, syy: f64 = 0.0, sc: f64 = 0.0, scc: f64 = 0.0, syc: f64 = 0.0;
  const passes = antithetic != 0 ? 2 : 1;
  for (let s = 0; s < nSamples; s++) {
    if (uniforms == 0) {
      const p = <u64>first + <u64>s;
      fillPhilox(<u32>p, <u32>(p >> 32), k0, k1, n, z);
    } else {
      const row = uniforms + ((<usize>s * <usize>n) << 3);
      for (let j = 0; j < n; j++) store<f64>(z + (<usize>j << 3), invNormS(load<f64>(row + (<usize>j << 3))));
    }
    let y: f64 = 0.0;
    let c: f64 = 0.0;
    for (let a = 0; a < passes; a++) {
      increments(a == 0 ? 1.0 : -1.0, n, z, w, bridge, sqrtDt);
      let x = x0;
      if (kind == EUROPEAN) {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          x = x + (load<f64>(drift + o) + load<f64>(vol + o) * load<f64>(w + o));
        }
        y += payDisc * max<f64>(omega * (expS(x) - strike), 0.0);
      } else if (kind == BARRIER) {
        let alive: f64 = 1.0;
        let rebatePv: f64 = 0.0;
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          const xPrev = x;
          const sd = load<f64>(vol + o) * load<f64>(sqrtDt + o);
          x = x + (load<f64>(drift + o) + load<f64>(vol + o) * load<f64>(w + o));
          const d0 = xPrev - b;
          const d1 = x - b;
          let stay: f64;
          if ((barrierType & 1) == 0 ? d1 <= 0.0 : d1 >= 0.0) {
            stay = 0.0;
          } else {
            const v = sd * sd;
            stay = v > 0.0 ? 1.0 - expS((-2.0 * d0 * d1) / v) : 1.0;
          }
          rebatePv += alive * (1.0 - stay) * load<f64>(disc + o);
          alive *= stay;
        }
        const vanilla = payDisc * max<f64>(omega * (expS(x) - strike), 0.0);
        y += isIn ? (1.0 - alive) * vanilla + alive * rebate * payDisc : alive * vanilla + rebate * rebatePv;
      } else if (kind == ASIAN) {
        let sumS = runSum;
        let sumX = runLog;
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          x = x + (load<f64>(drift + o) + load<f64>(vol + o) * load<f64>(w + o));
          if (load<f64>(fix + o) != 0.0) {
            sumS += expS(x);
            sumX += x;
          }
        }
        y += payDisc * max<f64>(omega * (sumS / nFix - strike), 0.0);
        c += payDisc * max<f64>(omega * (expS(sumX / nFix) - strike), 0.0);
      } else if (kind == PATHS) {
        const row = paths + (((<usize>s * <usize>passes + <usize>a) * <usize>n) << 3);
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          x = x + (load<f64>(drift + o) + load<f64>(vol + o) * load<f64>(w + o));
          store<f64>(row + o, expS(x));
        }
      }
    }
    if (passes == 2) {
      y *= 0.5;
      c *= 0.5;
    }
    sy += y;
    syy += y * y;
    sc += c;
    scc += c * c;
    syc += y * c;
  }
  return addSums(acc, sy, syy, sc, scc, syc);
}
