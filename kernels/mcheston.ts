// Heston Monte Carlo kernel: Andersen's (2008) quadratic–exponential (QE) scheme for the
// variance, his log-spot step with γ1 = γ2 = ½ and the martingale correction of §4.2, fused
// with the European payoff accumulation. Scalar loop only (the step is branchy: two variance
// branches, each with its own logarithm). The same operations in the same order as
// src/kernels/mcheston.reference.ts; layouts documented in src/kernels/mcheston.ts.
// Source: L. Andersen (2008), "Simple and efficient simulation of the Heston stochastic
// volatility model", J. Comput. Finance 11(3), §3.2.3–3.2.4 (QE), eq. (33) (log spot), §4.2 (K0*).
import { expS, logS } from './_lib/scalarMath';
import { invNormS } from './_lib/mcInverseNormal';
import { philoxBlock, wordToUniform, px0, px1, px2, px3 } from './_lib/mcPhilox';
import { addSums } from './_lib/mcSums';

/**
 * For each of nSamples samples (Philox stream first + s under key (k0, k1), or the row
 * uniforms[s·2·steps …] of supplied uniforms), simulates (ln S, v) over `steps` QE steps and
 * accumulates y = payDisc·max(ω(S_T − K), 0) and c = payDisc·S_T: acc[0..5) += Σy, Σy², Σc,
 * Σc², Σyc (antithetic pairs averaged into one sample), acc[5] += the number of steps where the
 * martingale correction was unavailable (the uncorrected K0 was used). work holds 2·steps f64.
 * Returns 1 if an accumulated value is not finite, else 0.
 */
export function mcHestonQe(
  nSamples: i32, first: f64, k0: u32, k1: u32, steps: i32, antithetic: i32,
  uniforms: usize, work: usize, stepData: usize, params: usize, acc: usize,
): i32 {
  const n = steps;
  const dims = 2 * n;
  const x0 = load<f64>(params);
  const v0 = load<f64>(params, 8);
  const strike = load<f64>(params, 16);
  const omega = load<f64>(params, 24);
  const payDisc = load<f64>(params, 32);
  const theta = load<f64>(params, 40);
  const ekd = load<f64>(params, 48);
  const c1 = load<f64>(params, 56);
  const c2 = load<f64>(params, 64);
  const psiC = load<f64>(params, 72);
  const K0 = load<f64>(params, 80);
  const K1 = load<f64>(params, 88);
  const K2 = load<f64>(params, 96);
  const K3 = load<f64>(params, 104);
  const K4 = load<f64>(params, 112);
  const A = load<f64>(params, 120);
  const mart = load<f64>(params, 128) != 0.0;
  const K13 = K1 + 0.5 * K3;
  let sy: f64 = 0.0, syy: f64 = 0.0, sc: f64 = 0.0, scc: f64 = 0.0, syc: f64 = 0.0;
  let uncorrected: f64 = 0.0;
  const passes = antithetic != 0 ? 2 : 1;
  for (let s = 0; s < nSamples; s++) {
    // work[2j] = U_v (uniform of the variance step), work[2j + 1] = Z (normal of the log-spot step).
    if (uniforms == 0) {
      const p = <u64>first + <u64>s;
      const pLo = <u32>p;
      const pHi = <u32>(p >> 32);
      for (let j = 0; j < dims; j += 4) {
        philoxBlock(pLo, pHi, <u32>(j >>> 2), 0, k0, k1);
        const o = work + (<usize>j << 3);
        store<f64>(o, wordToUniform(px0));
        store<f64>(o, invNormS(wordToUniform(px1)), 8);
        if (j + 2 < dims) {
          store<f64>(o, wordToUniform(px2), 16);
          store<f64>(o, invNormS(wordToUniform(px3)), 24);
        }
      }
    } else {
      const row = uniforms + ((<usize>s * <usize>dims) << 3);
      for (let j = 0; j < dims; j += 2) {
        const o = <usize>j << 3;
        store<f64>(work + o, load<f64>(row + o));
        store<f64>(work + o, invNormS(load<f64>(row + o, 8)), 8);
      }
    }
    let y: f64 = 0.0;
    let c: f64 = 0.0;
    for (let a = 0; a < passes; a++) {
      const sign: f64 = a == 0 ? 1.0 : -1.0;
      let x = x0;
      let v = v0;
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 4;
        const u = load<f64>(work + o);
        const z = sign * load<f64>(work + o, 8);
        const m = theta + (v - theta) * ekd;
        const s2 = v * c1 + c2;
        const psi = s2 / (m * m);
        let vn: f64;
        let k0s = K0;
        if (psi <= psiC) {
          const t = 2.0 / psi;
          const b2 = t - 1.0 + sqrt<f64>(t) * sqrt<f64>(t - 1.0);
          const aq = m / (1.0 + b2);
          const bz = sqrt<f64>(b2) + sign * invNormS(u);
          vn = aq * (bz * bz);
          if (mart) {
            const q = 1.0 - 2.0 * A * aq;
            if (q > 0.0) k0s = -(A * b2 * aq) / q + 0.5 * logS(q) - K13 * v;
            else uncorrected += 1.0;
          }
        } else {
          const pe = (psi - 1.0) / (psi + 1.0);
          const beta = (1.0 - pe) / m;
          const uu = a == 0 ? u : 1.0 - u;
          vn = uu <= pe ? 0.0 : logS((1.0 - pe) / (1.0 - uu)) / beta;
          if (mart) {
            if (beta > A) k0s = -logS(pe + (beta * (1.0 - pe)) / (beta - A)) - K13 * v;
            else uncorrected += 1.0;
          }
        }
        x = x + load<f64>(stepData + (<usize>j << 3)) + k0s + K1 * v + K2 * vn + sqrt<f64>(K3 * v + K4 * vn) * z;
        v = vn;
      }
      const sT = expS(x);
      y += payDisc * max<f64>(omega * (sT - strike), 0.0);
      c += payDisc * sT;
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
  store<f64>(acc, load<f64>(acc, 40) + uncorrected, 40);
  return addSums(acc, sy, syy, sc, scc, syc);
}
