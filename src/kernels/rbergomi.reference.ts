// The rough Bergomi hybrid-scheme Monte Carlo kernel in plain TypeScript: the same algorithm,
// operation for operation, as kernels/rbergomi.ts. The oracle in tests and the fallback where
// WebAssembly SIMD is unavailable. Layouts: see ./rbergomi.ts.
import { refExp, refGauss, refNormalCdf } from './_lib/referenceMath.js';
import { invNormAS241, philoxBlock, wordToUniform } from './montecarlo.reference.js';

/** Inputs of the fused rough Bergomi kernel (layouts: see mcRoughBergomiRun in ./rbergomi.ts). @internal */
export interface RoughBergomiKernelInputs {
  readonly samples: number;
  /** Global index of the first sample's Philox stream (integer, < 2^53). */
  readonly firstPath: number;
  readonly key0: number;
  readonly key1: number;
  readonly steps: number;
  readonly antithetic: boolean;
  /**
   * steps + 1 numbers: Γ_k = √(2H)·(b*_k·Δ)^(H−½) at index k (k ≥ 2 used); with the FFT (params[9]
   * = M > 0) followed by the transform of Γ (M real, M imaginary parts), cos and sin of 2πj/M (M/2 each).
   */
  readonly gamma: Float64Array;
  /** steps numbers: m_j = ln ξ0(t_{j+1}) − ½η²·t_{j+1}^(2H). */
  readonly drift: Float64Array;
  /** 10 numbers: √Δ, c1, c2, η, ρ, √(1 − ρ²), Δ/2, V0 = ξ0(0), mixed-estimator flag (1/0), FFT size M (0 = direct). */
  readonly params: Float64Array;
  /** Strikes relative to the forward, K/F (nStrikes numbers), then their logarithms ln(K/F) (nStrikes more). */
  readonly strikes: Float64Array;
  /** ω per strike: +1 call, −1 put. */
  readonly omegas: Float64Array;
}

const block = new Uint32Array(4);

/**
 * The fused rough Bergomi kernel in TypeScript; acc (length ≥ 2 + 3·nStrikes) is added to; paths
 * (samples·steps) receives Y when given. Returns 1 if an accumulator is not finite. @internal
 */
export function mcRoughBergomiReference(inp: RoughBergomiKernelInputs, acc: Float64Array, paths?: Float64Array): number {
  const n = inp.steps;
  const pr = inp.params;
  const mixed = pr[8]! !== 0;
  const per = mixed ? 2 : 3;
  const dims = per * n;
  const nk = inp.omegas.length;
  const z = new Float64Array(dims);
  const dw = new Float64Array(n);
  const ey = new Float64Array(n);
  const ys = new Float64Array(nk);
  const loc = new Float64Array(2 + 3 * nk);
  const g = inp.gamma;
  const md = inp.drift;
  const K = inp.strikes;
  const om = inp.omegas;
  const sqrtDt = pr[0]!, c1 = pr[1]!, c2 = pr[2]!, eta = pr[3]!, rho = pr[4]!, rhoBar = pr[5]!, halfDt = pr[6]!, v0 = pr[7]!;
  const fftM = pr[9]!;
  const fre = fftM > 0 ? new Float64Array(fftM) : undefined;
  const fim = fftM > 0 ? new Float64Array(fftM) : undefined;
  const rho2 = rho * rho;
  const rhoBar2 = rhoBar * rhoBar;
  const passes = inp.antithetic ? 2 : 1;
  for (let s = 0; s < inp.samples; s++) {
    const p = inp.firstPath + s;
    const lo = p >>> 0;
    const hi = Math.floor(p / 4294967296) >>> 0;
    for (let j = 0; j < dims; j += 4) {
      philoxBlock(lo, hi, j >>> 2, 0, inp.key0, inp.key1, block);
      for (let w = 0; w < 4 && j + w < dims; w++) z[j + w] = invNormAS241(wordToUniform(block[w]!));
    }
    for (let j = 0; j < n; j++) {
      dw[j] = sqrtDt * z[per * j]!;
      ey[j] = c1 * z[per * j]! + c2 * z[per * j + 1]!;
    }
    if (fftM > 0) {
      fftConvolve(n, fftM, dw, ey, fre!, fim!, g);
    } else {
      for (let j = 0; j < n; j++) {
        let y = ey[j]!;
        for (let k = 2; k <= j + 1; k++) y = y + g[k]! * dw[j + 1 - k]!;
        ey[j] = y;
      }
    }
    if (paths !== undefined) paths.set(ey, s * n);
    for (let i = 0; i < n; i++) ey[i] = eta * ey[i]!;
    ys.fill(0);
    let c = 0;
    for (let a = 0; a < passes; a++) {
      const sign = a === 0 ? 1 : -1;
      let x = 0;
      let v = v0;
      if (mixed) {
        let q = 0;
        for (let i = 0; i < n; i++) {
          x = x + Math.sqrt(v) * (sign * dw[i]!);
          q = q + v;
          v = refExp(sign * ey[i]! + md[i]!);
        }
        const Q = 2 * halfDt * q;
        const lnF = rho * x - 0.5 * rho2 * Q;
        const sd = Math.sqrt(rhoBar2 * Q);
        const f1 = refExp(lnF);
        c += f1;
        for (let m = 0; m < nk; m++) {
          const w = om[m]!;
          let pv: number;
          if (sd > 1e-100) {
            const d1 = (lnF - K[nk + m]!) / sd + 0.5 * sd;
            const d2 = d1 - sd;
            pv = Math.max(w * (f1 * refNormalCdf(w * d1, refGauss(d1)) - K[m]! * refNormalCdf(w * d2, refGauss(d2))), 0);
          } else {
            pv = Math.max(w * (f1 - K[m]!), 0);
          }
          ys[m] = ys[m]! + pv;
        }
        continue;
      }
      for (let i = 0; i < n; i++) {
        const dz = rho * dw[i]! + rhoBar * (sqrtDt * z[3 * i + 2]!);
        x = x + (sign * (Math.sqrt(v) * dz) - halfDt * v);
        v = refExp(sign * ey[i]! + md[i]!);
      }
      const sT = refExp(x);
      c += sT;
      for (let m = 0; m < nk; m++) ys[m] = ys[m]! + Math.max(om[m]! * (sT - K[m]!), 0);
    }
    if (passes === 2) c *= 0.5;
    loc[0] = loc[0]! + c;
    loc[1] = loc[1]! + c * c;
    for (let m = 0; m < nk; m++) {
      let y = ys[m]!;
      if (passes === 2) y *= 0.5;
      const o = 2 + 3 * m;
      loc[o] = loc[o]! + y;
      loc[o + 1] = loc[o + 1]! + y * y;
      loc[o + 2] = loc[o + 2]! + y * c;
    }
  }
  let t = 0;
  for (let i = 0; i < loc.length; i++) {
    t += loc[i]!;
    acc[i] = acc[i]! + loc[i]!;
  }
  return t - t === 0 ? 0 : 1;
}

/** In place radix-2 DIT FFT with tabulated twiddles (as kernels/rbergomi.ts fftInPlace). */
function fftInPlace(m: number, re: Float64Array, im: Float64Array, tab: Float64Array, cosOff: number, sinOff: number, inverse: boolean): void {
  for (let i = 1, j = 0; i < m; i++) {
    let bit = m >> 1;
    for (; (j & bit) !== 0; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  const sgn = inverse ? 1 : -1;
  for (let len = 2; len <= m; len <<= 1) {
    const half = len >> 1;
    const step = m / len;
    for (let i = 0; i < m; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = tab[cosOff + k * step]!;
        const wi = sgn * tab[sinOff + k * step]!;
        const a = i + k;
        const b = a + half;
        const xr = re[b]!;
        const xi = im[b]!;
        const vr = xr * wr - xi * wi;
        const vi = xr * wi + xi * wr;
        const ur = re[a]!;
        const ui = im[a]!;
        re[a] = ur + vr;
        im[a] = ui + vi;
        re[b] = ur - vr;
        im[b] = ui - vi;
      }
    }
  }
}

/** ey[j] += (Γ ⊛ ΔW)[j + 1] by a circular convolution of size m ≥ 2n (as kernels/rbergomi.ts fftConvolve). */
function fftConvolve(n: number, m: number, dw: Float64Array, ey: Float64Array, re: Float64Array, im: Float64Array, g: Float64Array): void {
  const gre = n + 1;
  const gim = gre + m;
  const cosOff = gim + m;
  const sinOff = cosOff + m / 2;
  for (let i = 0; i < m; i++) {
    re[i] = i < n ? dw[i]! : 0;
    im[i] = 0;
  }
  fftInPlace(m, re, im, g, cosOff, sinOff, false);
  for (let i = 0; i < m; i++) {
    const a = re[i]!;
    const b = im[i]!;
    const c = g[gre + i]!;
    const d = g[gim + i]!;
    re[i] = a * c - b * d;
    im[i] = a * d + b * c;
  }
  fftInPlace(m, re, im, g, cosOff, sinOff, true);
  const inv = 1 / m;
  for (let j = 0; j < n; j++) ey[j] = ey[j]! + re[j + 1]! * inv;
}
