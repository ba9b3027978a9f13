// Rough Bergomi Monte Carlo kernel: the Volterra process Y by the hybrid scheme (κ = 1) of
// Bennedsen, Lunde & Pakkanen (2017) — exact joint Gaussian of the first cell, Riemann sum at
// the optimal points b*_k for the rest, by direct convolution — then the variance
// V = exp(ηY + m(t)) and the log-forward Euler step, fused with European payoffs over many
// strikes. The same operations in the same order as src/kernels/rbergomi.reference.ts; layouts
// documented in src/kernels/rbergomi.ts. The convolution runs two output times per f64x2 (lane
// sums in ascending k, as the reference), so the result is the same bits as the scalar loop.
// Sources: Bayer, Friz & Gatheral (2016), Quant. Finance 16(6), §2; Bennedsen, Lunde & Pakkanen
// (2017), Finance Stoch. 21, eqs. (4.1)–(4.5) and Prop. 2.8 (b*); McCrickerd & Pakkanen (2018),
// Quant. Finance 18(11), §2 (κ = 1, the 2 × 2 covariance of the first cell).
import { expS, gaussS, ncdfS } from './_lib/scalarMath';
import { invNormS } from './_lib/mcInverseNormal';
import { philoxBlock, wordToUniform, px0, px1, px2, px3 } from './_lib/mcPhilox';

/**
 * For each of nSamples samples (Philox stream first + s under key (k0, k1); normal 3j, 3j+1,
 * 3j+2 of the stream drive step j: ΔW, the first-cell integral, ΔW⊥) simulates Y on the grid and
 * X = ln(S/F) by the left-point Euler step, and accumulates c = e^{X_T} and per strike
 * y_m = max(ω_m(e^{X_T} − K_m), 0) (antithetic pairs averaged). Mixed estimator (params[8] ≠ 0):
 * two normals per step (no ΔW⊥), c = F1 = exp(ρ∫√V dW − ½ρ²∫V dt) and y_m = the Black price
 * at forward F1, total variance (1 − ρ²)∫V dt (strikes holds K_m, then ln K_m). acc[0] += Σc, acc[1] += Σc²,
 * acc[2 + 3m ..] += Σy_m, Σy_m², Σy_m·c. With paths ≠ 0, row s of paths receives Y at t_1 … t_n
 * (first pass). work holds 5·steps + nStrikes (+ 2M with the FFT) f64. With params[9] = M > 0
 * (a power of two ≥ 2·steps) the convolution is circular of size M by FFT instead: gamma then
 * holds Γ (steps + 1), its transform (M real parts, M imaginary parts), cos and sin of 2πj/M (M/2 each). Returns 1 if an accumulator is not finite.
 */
export function mcRoughBergomi(
  nSamples: i32, first: f64, k0: u32, k1: u32, steps: i32, antithetic: i32, simd: i32,
  work: usize, gamma: usize, drift: usize, params: usize,
  nStrikes: i32, strikes: usize, omegas: usize, acc: usize, paths: usize,
): i32 {
  const n = steps;
  const dims = (load<f64>(params, 64) != 0.0 ? 2 : 3) * n;
  const z = work;
  const dw = work + ((<usize>dims) << 3);
  const ey = dw + ((<usize>n) << 3);
  const ys = ey + ((<usize>n) << 3);
  const sqrtDt = load<f64>(params);
  const c1 = load<f64>(params, 8);
  const c2 = load<f64>(params, 16);
  const eta = load<f64>(params, 24);
  const rho = load<f64>(params, 32);
  const rhoBar = load<f64>(params, 40);
  const halfDt = load<f64>(params, 48);
  const v0 = load<f64>(params, 56);
  const mixed = load<f64>(params, 64) != 0.0;
  const per = mixed ? 2 : 3;
  const rho2 = rho * rho;
  const rhoBar2 = rhoBar * rhoBar;
  const logStrikes = strikes + ((<usize>nStrikes) << 3);
  const fftM = <i32>load<f64>(params, 72);
  const fre = ys + ((<usize>nStrikes) << 3);
  const fim = fre + ((<usize>fftM) << 3);
  const passes = antithetic != 0 ? 2 : 1;
  for (let s = 0; s < nSamples; s++) {
    const p = <u64>first + <u64>s;
    const pLo = <u32>p;
    const pHi = <u32>(p >> 32);
    for (let j = 0; j < dims; j += 4) {
      philoxBlock(pLo, pHi, <u32>(j >>> 2), 0, k0, k1);
      const o = z + (<usize>j << 3);
      store<f64>(o, invNormS(wordToUniform(px0)));
      if (j + 1 < dims) store<f64>(o, invNormS(wordToUniform(px1)), 8);
      if (j + 2 < dims) store<f64>(o, invNormS(wordToUniform(px2)), 16);
      if (j + 3 < dims) store<f64>(o, invNormS(wordToUniform(px3)), 24);
    }
    // ΔW of each cell; Y's own-cell part c1·z1 + c2·z2 (exact joint law with ΔW).
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      const zj = z + ((<usize>(per * j)) << 3);
      store<f64>(dw + o, sqrtDt * load<f64>(zj));
      store<f64>(ey + o, c1 * load<f64>(zj) + c2 * load<f64>(zj, 8));
    }
    // Y(t_{j+1}) = own cell + Σ_{k=2}^{j+1} Γ_k ΔW_{j+1−k}, k ascending (or by FFT when fftM > 0).
    let j = fftM > 0 ? n : 0;
    if (fftM > 0) fftConvolve(n, fftM, dw, ey, fre, fim, gamma + ((<usize>(n + 1)) << 3));
    if (simd != 0) {
      for (; j + 1 < n; j += 2) {
        let a = v128.load(ey + (<usize>j << 3));
        for (let k = 2; k <= j + 1; k++) {
          const g = v128.load64_splat(gamma + (<usize>k << 3));
          const d = v128.load(dw + (<usize>(j + 1 - k) << 3));
          a = f64x2.add(a, f64x2.mul(g, d));
        }
        const y0 = f64x2.extract_lane(a, 0);
        const y1 = f64x2.extract_lane(a, 1) + load<f64>(gamma + (<usize>(j + 2) << 3)) * load<f64>(dw);
        store<f64>(ey + (<usize>j << 3), y0);
        store<f64>(ey + (<usize>(j + 1) << 3), y1);
      }
    }
    for (; j < n; j++) {
      let y = load<f64>(ey + (<usize>j << 3));
      for (let k = 2; k <= j + 1; k++) {
        y = y + load<f64>(gamma + (<usize>k << 3)) * load<f64>(dw + (<usize>(j + 1 - k) << 3));
      }
      store<f64>(ey + (<usize>j << 3), y);
    }
    if (paths != 0) {
      const row = paths + ((<usize>s * <usize>n) << 3);
      for (let i = 0; i < n; i++) store<f64>(row + (<usize>i << 3), load<f64>(ey + (<usize>i << 3)));
    }
    for (let i = 0; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(ey + o, eta * load<f64>(ey + o));
    }
    for (let m = 0; m < nStrikes; m++) store<f64>(ys + (<usize>m << 3), 0.0);
    let c: f64 = 0.0;
    for (let a = 0; a < passes; a++) {
      const sign: f64 = a == 0 ? 1.0 : -1.0;
      let x: f64 = 0.0;
      let v = v0;
      if (mixed) {
        // Conditional on W: ln(S_T/F) ~ N(ln F1 − ½(1 − ρ²)Q, (1 − ρ²)Q), F1 = exp(ρ∫√V dW − ½ρ²Q), Q = ∫V dt.
        let q: f64 = 0.0;
        for (let i = 0; i < n; i++) {
          const o = <usize>i << 3;
          x = x + sqrt<f64>(v) * (sign * load<f64>(dw + o));
          q = q + v;
          v = expS(sign * load<f64>(ey + o) + load<f64>(drift + o));
        }
        const Q = 2.0 * halfDt * q;
        const lnF = rho * x - 0.5 * rho2 * Q;
        const sd = sqrt<f64>(rhoBar2 * Q);
        const f1 = expS(lnF);
        c += f1;
        for (let m = 0; m < nStrikes; m++) {
          const o = <usize>m << 3;
          const w = load<f64>(omegas + o);
          const K = load<f64>(strikes + o);
          let pv: f64;
          if (sd > 1e-100) {
            const d1 = (lnF - load<f64>(logStrikes + o)) / sd + 0.5 * sd;
            const d2 = d1 - sd;
            pv = max<f64>(w * (f1 * ncdfS(w * d1, gaussS(d1)) - K * ncdfS(w * d2, gaussS(d2))), 0.0);
          } else {
            pv = max<f64>(w * (f1 - K), 0.0);
          }
          store<f64>(ys + o, load<f64>(ys + o) + pv);
        }
        continue;
      }
      for (let i = 0; i < n; i++) {
        const o = <usize>i << 3;
        const dz = rho * load<f64>(dw + o) + rhoBar * (sqrtDt * load<f64>(z + ((<usize>(3 * i + 2)) << 3)));
        x = x + (sign * (sqrt<f64>(v) * dz) - halfDt * v);
        v = expS(sign * load<f64>(ey + o) + load<f64>(drift + o));
      }
      const sT = expS(x);
      c += sT;
      for (let m = 0; m < nStrikes; m++) {
        const o = <usize>m << 3;
        store<f64>(ys + o, load<f64>(ys + o) + max<f64>(load<f64>(omegas + o) * (sT - load<f64>(strikes + o)), 0.0));
      }
    }
    if (passes == 2) c *= 0.5;
    store<f64>(acc, load<f64>(acc) + c);
    store<f64>(acc, load<f64>(acc, 8) + c * c, 8);
    for (let m = 0; m < nStrikes; m++) {
      let y = load<f64>(ys + (<usize>m << 3));
      if (passes == 2) y *= 0.5;
      const o = acc + ((<usize>(2 + 3 * m)) << 3);
      store<f64>(o, load<f64>(o) + y);
      store<f64>(o, load<f64>(o, 8) + y * y, 8);
      store<f64>(o, load<f64>(o, 16) + y * c, 16);
    }
  }
  let t: f64 = 0.0;
  for (let i = 0; i < 2 + 3 * nStrikes; i++) t += load<f64>(acc + (<usize>i << 3));
  return t - t == 0.0 ? 0 : 1;
}

/**
 * In place radix-2 decimation-in-time FFT of (re, im), length m = 2^p; twiddles w_j = cos(2πj/m)
 * ∓ i·sin(2πj/m) from tables (forward: −, inverse: +, unscaled).
 */
function fftInPlace(m: i32, re: usize, im: usize, cosT: usize, sinT: usize, inverse: bool): void {
  for (let i = 1, j = 0; i < m; i++) {
    let bit = m >> 1;
    for (; (j & bit) != 0; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const oi = <usize>i << 3;
      const oj = <usize>j << 3;
      const tr = load<f64>(re + oi);
      store<f64>(re + oi, load<f64>(re + oj));
      store<f64>(re + oj, tr);
      const ti = load<f64>(im + oi);
      store<f64>(im + oi, load<f64>(im + oj));
      store<f64>(im + oj, ti);
    }
  }
  const sgn: f64 = inverse ? 1.0 : -1.0;
  for (let len = 2; len <= m; len <<= 1) {
    const half = len >> 1;
    const step = m / len;
    for (let i = 0; i < m; i += len) {
      for (let k = 0; k < half; k++) {
        const t = <usize>(k * step) << 3;
        const wr = load<f64>(cosT + t);
        const wi = sgn * load<f64>(sinT + t);
        const a = <usize>(i + k) << 3;
        const b = <usize>(i + k + half) << 3;
        const xr = load<f64>(re + b);
        const xi = load<f64>(im + b);
        const vr = xr * wr - xi * wi;
        const vi = xr * wi + xi * wr;
        const ur = load<f64>(re + a);
        const ui = load<f64>(im + a);
        store<f64>(re + a, ur + vr);
        store<f64>(im + a, ui + vi);
        store<f64>(re + b, ur - vr);
        store<f64>(im + b, ui - vi);
      }
    }
  }
}

/** ey[j] += (Γ ⊛ ΔW)[j + 1], j < n, by a circular convolution of size m ≥ 2n (no wrap-around). */
function fftConvolve(n: i32, m: i32, dw: usize, ey: usize, re: usize, im: usize, spec: usize): void {
  const gre = spec;
  const gim = spec + ((<usize>m) << 3);
  const cosT = gim + ((<usize>m) << 3);
  const sinT = cosT + ((<usize>(m >> 1)) << 3);
  for (let i = 0; i < m; i++) {
    const o = <usize>i << 3;
    store<f64>(re + o, i < n ? load<f64>(dw + o) : 0.0);
    store<f64>(im + o, 0.0);
  }
  fftInPlace(m, re, im, cosT, sinT, false);
  for (let i = 0; i < m; i++) {
    const o = <usize>i << 3;
    const a = load<f64>(re + o);
    const b = load<f64>(im + o);
    const c = load<f64>(gre + o);
    const d = load<f64>(gim + o);
    store<f64>(re + o, a * c - b * d);
    store<f64>(im + o, a * d + b * c);
  }
  fftInPlace(m, re, im, cosT, sinT, true);
  const inv: f64 = 1.0 / <f64>m;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 3;
    store<f64>(ey + o, load<f64>(ey + o) + load<f64>(re + o + 8) * inv);
  }
}
