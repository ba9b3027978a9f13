// LIBOR market model path kernel: log-Euler steps of the displaced forwards from one rate time to
// the next under the spot LIBOR measure, with the predictor–corrector drift of Hunter, Jäckel &
// Joshi (2001), writing every path's state at each rate time and its deflators. Scalar loop (the
// drift is a triangular sum per forward). The same operations in the same order as
// src/kernels/lmm.reference.ts; layouts documented in src/kernels/lmm.ts.
// Source: C. J. Hunter, P. Jäckel, M. S. Joshi (2001), "Getting the drift", Risk 14(7);
// P. Glasserman (2004), Monte Carlo Methods in Financial Engineering, §3.7.
import { expS, logS } from './_lib/scalarMath';
import { invNormS } from './_lib/mcInverseNormal';
import { philoxBlock, wordToUniform, px0, px1, px2, px3 } from './_lib/mcPhilox';

@inline function ld(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
@inline function st(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}

/**
 * The spot-measure drift of forwards f…n−1 over a step: out_i = Σ_{j ≤ i} g_j C_ij with
 * g_j = τ_j(L_j + δ)/(1 + τ_jL_j) (written to gw), C the step covariance (a × a, a = n − f).
 */
@inline function drift(L: usize, f: i32, n: i32, d: f64, tau: usize, c: usize, gw: usize, out: usize): void {
  const alive = n - f;
  for (let j = f; j < n; j++) {
    const lj = ld(L, j);
    st(gw, j, (ld(tau, j) * (lj + d)) / (1.0 + ld(tau, j) * lj));
  }
  for (let i = 0; i < alive; i++) {
    let x: f64 = 0.0;
    for (let j = 0; j <= i; j++) x += ld(gw, f + j) * ld(c, i * alive + j);
    st(out, f + i, x);
  }
}

/**
 * For each of nSamples samples (normals row s of normalsIn when it is not 0, else Philox stream
 * first + s under key (k0, k1); antithetic: the sample
 * and its mirror −Z as two consecutive output paths), evolves the n forwards over n steps and
 * writes forwards (nSteps × n per path, row m = state at the end of step m), deflators (n + 1 per
 * path) and, when shocksOut ≠ 0, the shocks (nSteps × n per path). stepData per step m: k_m, the
 * first alive forward f_m, a flag (1: forward f_m is fully fixed at the step's end, giving deflator
 * f_m + 1), then C (a × a), then B (a × k_m), a = n − f_m. work holds 7n + Σk_m f64. Returns 1 if an output is not finite, else 0.
 */
export function mcLmmPaths(
  nSamples: i32, first: f64, k0: u32, k1: u32, n: i32, nSteps: i32, dims: i32, antithetic: i32, pc: i32,
  displacement: f64, p0: f64, stepData: usize, tau: usize, l0: usize,
  forwardsOut: usize, deflatorsOut: usize, shocksOut: usize, normalsIn: usize, work: usize,
): i32 {
  const L = work;
  const logL = work + (<usize>n << 3);
  const d0 = work + (<usize>(2 * n) << 3);
  const d1 = work + (<usize>(3 * n) << 3);
  const pred = work + (<usize>(4 * n) << 3);
  const shock = work + (<usize>(5 * n) << 3);
  const gw = work + (<usize>(6 * n) << 3);
  const z = work + (<usize>(7 * n) << 3);
  const d = displacement;
  const passes = antithetic != 0 ? 2 : 1;
  let bad: f64 = 0.0;
  for (let s = 0; s < nSamples; s++) {
    if (normalsIn != 0) {
      const row = normalsIn + ((<usize>s * <usize>dims) << 3);
      for (let j = 0; j < dims; j++) st(z, j, ld(row, j));
    } else {
      const p = <u64>first + <u64>s;
      const pLo = <u32>p;
      const pHi = <u32>(p >> 32);
      for (let j = 0; j < dims; j += 4) {
        philoxBlock(pLo, pHi, <u32>(j >>> 2), 0, k0, k1);
        st(z, j, invNormS(wordToUniform(px0)));
        if (j + 1 < dims) st(z, j + 1, invNormS(wordToUniform(px1)));
        if (j + 2 < dims) st(z, j + 2, invNormS(wordToUniform(px2)));
        if (j + 3 < dims) st(z, j + 3, invNormS(wordToUniform(px3)));
      }
    }
    for (let a = 0; a < passes; a++) {
      const sign: f64 = a == 0 ? 1.0 : -1.0;
      const path = s * passes + a;
      const fo = forwardsOut + (<usize>path * <usize>(nSteps * n) << 3);
      const dfo = deflatorsOut + (<usize>path * <usize>(n + 1) << 3);
      const so = shocksOut == 0 ? 0 : shocksOut + (<usize>path * <usize>(nSteps * n) << 3);
      for (let i = 0; i < n; i++) st(L, i, ld(l0, i));
      st(dfo, 0, p0);
      let off = stepData;
      let zi = 0;
      for (let m = 0; m < nSteps; m++) {
        const k = <i32>load<f64>(off);
        const f = <i32>load<f64>(off, 8);
        const fix = load<f64>(off, 16) != 0.0;
        const alive = n - f;
        const c = off + 24;
        const b = c + (<usize>(alive * alive) << 3);
        off = b + (<usize>(alive * k) << 3);
        for (let i = 0; i < alive; i++) {
          let x: f64 = 0.0;
          for (let q = 0; q < k; q++) x += ld(b, i * k + q) * ld(z, zi + q);
          st(shock, f + i, sign * x);
        }
        zi += k;
        drift(L, f, n, d, tau, c, gw, d0); // at the step's start
        for (let i = f; i < n; i++) st(logL, i, logS(ld(L, i) + d) - 0.5 * ld(c, (i - f) * alive + (i - f)) + ld(shock, i));
        if (pc != 0) {
          for (let i = f; i < n; i++) st(pred, i, expS(ld(logL, i) + ld(d0, i)) - d);
          drift(pred, f, n, d, tau, c, gw, d1); // at the Euler-predicted end
          for (let i = f; i < n; i++) st(L, i, expS(ld(logL, i) + 0.5 * (ld(d0, i) + ld(d1, i))) - d);
        } else {
          for (let i = f; i < n; i++) st(L, i, expS(ld(logL, i) + ld(d0, i)) - d);
        }
        const row = fo + (<usize>(m * n) << 3);
        for (let i = 0; i < n; i++) st(row, i, ld(L, i));
        if (so != 0) {
          const srow = so + (<usize>(m * n) << 3);
          for (let i = 0; i < f; i++) st(srow, i, 0.0);
          for (let i = f; i < n; i++) st(srow, i, ld(shock, i));
        }
        if (fix) {
          const dm = ld(dfo, f) / (1.0 + ld(tau, f) * ld(L, f));
          st(dfo, f + 1, dm);
          bad += dm - dm;
        }
      }
      for (let i = 0; i < n; i++) bad += ld(L, i) - ld(L, i);
    }
  }
  return bad == 0.0 ? 0 : 1;
}
