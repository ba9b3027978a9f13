// Local-volatility Monte Carlo kernel: log-Euler steps of dS/S = μ dt + σ_loc(t, S) dW with
// σ_loc read from a grid (step times × uniform log-spot nodes, linear in ln S on the step's row,
// flat beyond the ends), fused with European payoffs over many strikes and an optional discretely
// monitored barrier. Scalar loop only (the interpolation is an indexed load per path and step).
// The same operations in the same order as src/kernels/mclocalvol.reference.ts; layouts in
// src/kernels/mclocalvol.ts.
// Source: P. Glasserman (2004), Monte Carlo Methods in Financial Engineering, §6.1 (Euler scheme
// for ln S), §4.2 (antithetic); B. Dupire (1994), "Pricing with a smile", Risk 7(1).
import { expS } from './_lib/scalarMath';
import { invNormS } from './_lib/mcInverseNormal';
import { philoxBlock, wordToUniform, px0, px1, px2, px3 } from './_lib/mcPhilox';
import { addSums } from './_lib/mcSums';

/**
 * For each of nSamples samples (Philox stream first + s under key (k0, k1): normal j = word j mod 4
 * of block ⌊j/4⌋; or AS241 of uniforms[s·steps + j]) walks x = ln S over `steps` log-Euler steps
 * and accumulates, per payoff k, y_k = payDisc·max(ω_k(S_T − K_k), 0)·(barrier factor) and
 * c = payDisc·S_T: acc[5k .. 5k+5) += Σy_k, Σy_k², Σc, Σc², Σy_k·c (antithetic pairs averaged).
 * work holds steps + 6·nPayoffs f64. Returns 1 if an accumulated value is not finite, else 0.
 */
export function mcLocalVol(
  nSamples: i32, first: f64, k0: u32, k1: u32, steps: i32, antithetic: i32,
  uniforms: usize, work: usize, stepData: usize, volGrid: usize, nx: i32, params: usize,
  payoffs: usize, nPayoffs: i32, acc: usize,
): i32 {
  const n = steps;
  const nb = <usize>n << 3;
  const np = <usize>nPayoffs << 3;
  const z = work;
  const ys = work + nb;
  const sums = ys + np;
  const drift = stepData;
  const dt = stepData + nb;
  const sqrtDt = stepData + 2 * nb;
  const strikes = payoffs;
  const omegas = payoffs + np;
  const x0 = load<f64>(params);
  const xMin = load<f64>(params, 8);
  const invDx = load<f64>(params, 16);
  const payDisc = load<f64>(params, 24);
  const lnLo = load<f64>(params, 32);
  const lnHi = load<f64>(params, 40);
  const kind = <i32>load<f64>(params, 48);
  const last = <f64>(nx - 1);
  const rowBytes = <usize>nx << 3;
  const passes = antithetic != 0 ? 2 : 1;
  for (let k = 0; k < 5 * nPayoffs; k++) store<f64>(sums + (<usize>k << 3), 0.0);
  for (let s = 0; s < nSamples; s++) {
    if (uniforms == 0) {
      const p = <u64>first + <u64>s;
      const pLo = <u32>p;
      const pHi = <u32>(p >> 32);
      for (let j = 0; j < n; j += 4) {
        philoxBlock(pLo, pHi, <u32>(j >>> 2), 0, k0, k1);
        const o = z + (<usize>j << 3);
        store<f64>(o, invNormS(wordToUniform(px0)));
        if (j + 1 < n) store<f64>(o, invNormS(wordToUniform(px1)), 8);
        if (j + 2 < n) store<f64>(o, invNormS(wordToUniform(px2)), 16);
        if (j + 3 < n) store<f64>(o, invNormS(wordToUniform(px3)), 24);
      }
    } else {
      const row = uniforms + ((<usize>s * <usize>n) << 3);
      for (let j = 0; j < n; j++) store<f64>(z + (<usize>j << 3), invNormS(load<f64>(row + (<usize>j << 3))));
    }
    for (let k = 0; k < nPayoffs; k++) store<f64>(ys + (<usize>k << 3), 0.0);
    let c: f64 = 0.0;
    for (let a = 0; a < passes; a++) {
      const sign: f64 = a == 0 ? 1.0 : -1.0;
      let x = x0;
      let alive: f64 = 1.0;
      let row = volGrid;
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        const u = (x - xMin) * invDx;
        let sig: f64;
        if (u > 0.0 && u < last) {
          const i = <i32>u;
          const w = u - <f64>i;
          const q = row + (<usize>i << 3);
          const lo = load<f64>(q);
          sig = lo + w * (load<f64>(q, 8) - lo);
        } else if (u >= last) {
          sig = load<f64>(row + rowBytes - 8);
        } else {
          sig = load<f64>(row);
        }
        x = x + ((load<f64>(drift + o) - 0.5 * sig * sig * load<f64>(dt + o)) + sig * load<f64>(sqrtDt + o) * (sign * load<f64>(z + o)));
        if (x <= lnLo || x >= lnHi) alive = 0.0;
        row += rowBytes;
      }
      const sT = expS(x);
      const f: f64 = kind == 0 ? 1.0 : kind == 1 ? alive : 1.0 - alive;
      for (let k = 0; k < nPayoffs; k++) {
        const o = <usize>k << 3;
        store<f64>(ys + o, load<f64>(ys + o) + payDisc * max<f64>(load<f64>(omegas + o) * (sT - load<f64>(strikes + o)), 0.0) * f);
      }
      c += payDisc * sT;
    }
    if (passes == 2) c *= 0.5;
    for (let k = 0; k < nPayoffs; k++) {
      const o = <usize>k << 3;
      let y = load<f64>(ys + o);
      if (passes == 2) y *= 0.5;
      const sk = sums + ((<usize>k * 5) << 3);
      store<f64>(sk, load<f64>(sk) + y);
      store<f64>(sk, load<f64>(sk, 8) + y * y, 8);
      store<f64>(sk, load<f64>(sk, 16) + c, 16);
      store<f64>(sk, load<f64>(sk, 24) + c * c, 24);
      store<f64>(sk, load<f64>(sk, 32) + y * c, 32);
    }
  }
  let bad = 0;
  for (let k = 0; k < nPayoffs; k++) {
    const sk = sums + ((<usize>k * 5) << 3);
    bad |= addSums(acc + ((<usize>k * 5) << 3), load<f64>(sk), load<f64>(sk, 8), load<f64>(sk, 16), load<f64>(sk, 24), load<f64>(sk, 32));
  }
  return bad;
}
