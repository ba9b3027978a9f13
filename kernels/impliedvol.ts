// Implied Black-76 volatility batch by Jäckel's "Let's Be Rational" over struct-of-arrays f64
// buffers: per option (ω = +1 call, −1 put) p = price/D, s = impliedStdDev(p, F, K, ω) (the
// four-branch rational guess and at most two Householder(3) steps, kernels/_lib/impliedVolMath.ts),
// σ = s/√T. Inputs are validated by the TypeScript wrapper (F, K, T, D > 0; ω = ±1;
// (ω(F − K))⁺ ≤ p < F or K), so the loops never branch on bad data.
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision.
import { impliedStdDev } from './_lib/impliedVolMath';

/**
 * Scalar loop over n options. Pointers are byte offsets of f64 arrays of length n: prices
 * (discounted), forwards, strikes, expiries (years), discount factors, option types (±1);
 * `vol` receives σ (annualised).
 */
export function impliedVolScalar(n: i32, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize, vol: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const s = impliedStdDev(load<f64>(price + o) / load<f64>(D + o), load<f64>(F + o), load<f64>(K + o), load<f64>(w + o));
    store<f64>(vol + o, s / sqrt<f64>(load<f64>(T + o)));
  }
}

/** Placeholder until the f64x2 loop lands: the scalar loop. */
export function impliedVolSimd(n: i32, price: usize, F: usize, K: usize, T: usize, D: usize, w: usize, vol: usize): void {
  impliedVolScalar(n, price, F, K, T, D, w, vol);
}
