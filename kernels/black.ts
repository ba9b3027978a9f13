// Generalized Black–Scholes–Merton batch: price and Greeks over struct-of-arrays f64 buffers.
//
// Per option (ω = +1 call, −1 put):
//   Df = e^(−rT), Dq = e^(−qT), sd = σ√T, d1 = (ln(S/K) + (r−q)T)/sd + sd/2, d2 = d1 − sd
//   V = ω(S·Dq·Φ(ωd1) − K·Df·Φ(ωd2))                      (clamped at 0)
//   Δ = ω·Dq·Φ(ωd1), Γ = Dq·φ(d1)/(S·sd), vega = S·Dq·φ(d1)·√T
//   θ = −S·Dq·φ(d1)·σ/(2√T) + ω(q·S·Dq·Φ(ωd1) − r·K·Df·Φ(ωd2))  (dV/dt per year)
//   ρ = ω·K·T·Df·Φ(ωd2), ρq = −ω·S·T·Dq·Φ(ωd1)
// sd = 0 (σ = 0 or T = 0) takes the limit: discounted intrinsic on the forward.
// K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1) exactly (d1·sd − sd²/2 = ln(F/K)), so the d2 term is
// K·Df·Φ(ωd2) = ncdfScaled(ωd2, K·Df, S·Dq·e^(−d1²/2)): one Gaussian factor per option, and
// where V = ω(a − b) cancels both terms carry the same rounded factor.
// Source: Black & Scholes (1973); Merton (1973); Haug, The Complete Guide to Option Pricing
// Formulas, 2nd ed. (2007), §1.1.6 and §2.1 (Greeks).
import { INV_SQRT_2PI } from './_lib/constants';
import { expS, logS, gaussS, ncdfS, ncdfScaledS } from './_lib/scalarMath';
import { expV, logV, gaussV, ncdfV, ncdfScaledV } from './_lib/simdMath';

let pS: usize = 0;
let pK: usize = 0;
let pT: usize = 0;
let pR: usize = 0;
let pQ: usize = 0;
let pV: usize = 0;
let pW: usize = 0;
let oPrice: usize = 0;
let oDelta: usize = 0;
let oGamma: usize = 0;
let oVega: usize = 0;
let oTheta: usize = 0;
let oRho: usize = 0;
let oDivRho: usize = 0;

// @ts-ignore: decorator
@inline
function setPointers(
  S: usize, K: usize, T: usize, r: usize, q: usize, vol: usize, w: usize,
  price: usize, delta: usize, gamma: usize, vega: usize, theta: usize, rho: usize, divRho: usize,
): void {
  pS = S; pK = K; pT = T; pR = r; pQ = q; pV = vol; pW = w;
  oPrice = price; oDelta = delta; oGamma = gamma; oVega = vega; oTheta = theta; oRho = rho; oDivRho = divRho;
}

// Below this σ√T the zero-vol limit is used: the price differs from it by < 0.4·F·σ√T (relative
// 1e-100), while ln(F/K)/σ√T would overflow double precision for σ√T near the subnormals.
const SD_MIN: f64 = 1e-100;

/**
 * One option, scalar arithmetic; byte offset o = 8·index. Returns 1 when an output is unusable
 * (price not finite, or a Greek NaN: valid inputs that overflow double precision together).
 */
function blackOne(o: usize): i32 {
  const S = load<f64>(pS + o);
  const K = load<f64>(pK + o);
  const T = load<f64>(pT + o);
  const r = load<f64>(pR + o);
  const q = load<f64>(pQ + o);
  const vol = load<f64>(pV + o);
  const w = load<f64>(pW + o);
  const sqrtT = sqrt<f64>(T);
  const sd = vol * sqrtT;
  const Df = expS(-r * T);
  const Dq = q == r ? Df : expS(-q * T); // same value either way; Black-76 (q = r) skips an exp
  const Sq = S * Dq;
  const Kr = K * Df;
  if (sd > SD_MIN) {
    const d1 = (logS(S / K) + (r - q) * T) / sd + 0.5 * sd;
    const d2 = d1 - sd;
    const g1 = gaussS(d1);
    const N1 = ncdfS(w * d1, g1);
    const pdf = INV_SQRT_2PI * g1;
    const a = Sq * N1;
    // K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1): the d2 tail reuses d1's Gaussian factor.
    const b = ncdfScaledS(w * d2, Kr, Sq * g1);
    return finish(o, max<f64>(w * (a - b), 0.0), w * Dq * N1, (Dq * pdf) / (S * sd), Sq * pdf * sqrtT,
      -(Sq * pdf * vol) / (2.0 * sqrtT) + w * (q * a - r * b), w * T * b, -w * T * a);
  } else {
    // Limit sd → 0: Φ(ωd) → 1, 0 or ½ (exactly at the forward), φ(d1) → 0 or 1/√(2π).
    const s: f64 = Sq > Kr ? 1.0 : Sq < Kr ? -1.0 : 0.0;
    const ws = w * s;
    const N: f64 = ws > 0.0 ? 1.0 : ws < 0.0 ? 0.0 : 0.5;
    const atm = s == 0.0;
    const pdf: f64 = atm ? INV_SQRT_2PI : 0.0;
    const a = Sq * N;
    const b = Kr * N;
    let volTerm: f64 = 0.0;
    if (atm && vol > 0.0) volTerm = T > 0.0 ? -(Sq * pdf * vol) / (2.0 * sqrtT) : -Infinity;
    return finish(o, max<f64>(w * (Sq - Kr), 0.0), w * Dq * N, atm ? Infinity : 0.0, Sq * pdf * sqrtT,
      volTerm + w * (q * a - r * b), w * T * b, -w * T * a);
  }
}

// @ts-ignore: decorator
@inline
function finish(o: usize, price: f64, delta: f64, gamma: f64, vega: f64, theta: f64, rho: f64, divRho: f64): i32 {
  store<f64>(oPrice + o, price);
  store<f64>(oDelta + o, delta);
  store<f64>(oGamma + o, gamma);
  store<f64>(oVega + o, vega);
  store<f64>(oTheta + o, theta);
  store<f64>(oRho + o, rho);
  store<f64>(oDivRho + o, divRho);
  const finitePrice = price - price == 0.0;
  const nanGreek = delta != delta || gamma != gamma || vega != vega || theta != theta || rho != rho || divRho != divRho;
  return !finitePrice || nanGreek ? 1 : 0;
}

/**
 * Scalar WASM loop over n options. Pointers are byte offsets of f64 arrays of length n.
 * Returns 1 if some output is unusable (see blackOne), else 0.
 */
export function blackScalar(
  n: i32,
  S: usize, K: usize, T: usize, r: usize, q: usize, vol: usize, w: usize,
  price: usize, delta: usize, gamma: usize, vega: usize, theta: usize, rho: usize, divRho: usize,
): i32 {
  setPointers(S, K, T, r, q, vol, w, price, delta, gamma, vega, theta, rho, divRho);
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) bad |= blackOne(<usize>i << 3);
  return bad;
}

/**
 * f64x2 loop over n options: two options per step; odd tail and sd = 0 pairs go through blackOne.
 * Returns 1 if some output is unusable (see blackOne), else 0.
 */
export function blackSimd(
  n: i32,
  S: usize, K: usize, T: usize, r: usize, q: usize, vol: usize, w: usize,
  price: usize, delta: usize, gamma: usize, vega: usize, theta: usize, rho: usize, divRho: usize,
): i32 {
  setPointers(S, K, T, r, q, vol, w, price, delta, gamma, vega, theta, rho, divRho);
  let bad: i32 = 0;
  let badV = f64x2.splat(0.0);
  const zero = f64x2.splat(0.0);
  const half = f64x2.splat(0.5);
  const two = f64x2.splat(2.0);
  const invSqrt2Pi = f64x2.splat(INV_SQRT_2PI);
  const pairs = n & ~1;
  for (let i: i32 = 0; i < pairs; i += 2) {
    const o = <usize>i << 3;
    const vT = v128.load(pT + o);
    const vVol = v128.load(pV + o);
    const sqrtT = f64x2.sqrt(vT);
    const sd = f64x2.mul(vVol, sqrtT);
    if (!v128.all_true<i64>(f64x2.gt(sd, f64x2.splat(SD_MIN)))) {
      bad |= blackOne(o);
      bad |= blackOne(o + 8);
      continue;
    }
    const vS = v128.load(pS + o);
    const vK = v128.load(pK + o);
    const vr = v128.load(pR + o);
    const vq = v128.load(pQ + o);
    const vw = v128.load(pW + o);
    const Df = expV(f64x2.neg(f64x2.mul(vr, vT)));
    // Same value either way; a pair with q = r in both lanes (Black-76) skips an exp.
    let Dq = Df;
    if (!v128.all_true<i64>(f64x2.eq(vq, vr))) Dq = expV(f64x2.neg(f64x2.mul(vq, vT)));
    const Sq = f64x2.mul(vS, Dq);
    const Kr = f64x2.mul(vK, Df);
    const d1 = f64x2.add(
      f64x2.div(f64x2.add(logV(f64x2.div(vS, vK)), f64x2.mul(f64x2.sub(vr, vq), vT)), sd),
      f64x2.mul(half, sd),
    );
    const d2 = f64x2.sub(d1, sd);
    const g1 = gaussV(d1);
    const N1 = ncdfV(f64x2.mul(vw, d1), g1);
    const pdf = f64x2.mul(invSqrt2Pi, g1);
    const a = f64x2.mul(Sq, N1);
    // K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1): the d2 tail reuses d1's Gaussian factor.
    const b = ncdfScaledV(f64x2.mul(vw, d2), Kr, f64x2.mul(Sq, g1));
    const SqPdf = f64x2.mul(Sq, pdf);
    const vPrice = f64x2.max(f64x2.mul(vw, f64x2.sub(a, b)), zero);
    const vDelta = f64x2.mul(f64x2.mul(vw, Dq), N1);
    const vGamma = f64x2.div(f64x2.mul(Dq, pdf), f64x2.mul(vS, sd));
    const vVega = f64x2.mul(SqPdf, sqrtT);
    const vTheta = f64x2.add(
      f64x2.neg(f64x2.div(f64x2.mul(SqPdf, vVol), f64x2.mul(two, sqrtT))),
      f64x2.mul(vw, f64x2.sub(f64x2.mul(vq, a), f64x2.mul(vr, b))),
    );
    const vRho = f64x2.mul(f64x2.mul(vw, vT), b);
    const vDivRho = f64x2.mul(f64x2.neg(f64x2.mul(vw, vT)), a);
    v128.store(oPrice + o, vPrice);
    v128.store(oDelta + o, vDelta);
    v128.store(oGamma + o, vGamma);
    v128.store(oVega + o, vVega);
    v128.store(oTheta + o, vTheta);
    v128.store(oRho + o, vRho);
    v128.store(oDivRho + o, vDivRho);
    // Unusable outputs: price − price is NaN iff price is ±∞ or NaN; Greeks x ≠ x iff NaN.
    badV = v128.or(badV, f64x2.ne(f64x2.sub(vPrice, vPrice), zero));
    badV = v128.or(badV, v128.or(f64x2.ne(vDelta, vDelta), f64x2.ne(vGamma, vGamma)));
    badV = v128.or(badV, v128.or(f64x2.ne(vVega, vVega), f64x2.ne(vTheta, vTheta)));
    badV = v128.or(badV, v128.or(f64x2.ne(vRho, vRho), f64x2.ne(vDivRho, vDivRho)));
  }
  if (pairs < n) bad |= blackOne(<usize>pairs << 3);
  return bad | (v128.any_true(badV) ? 1 : 0);
}

/**
 * Index of the first option whose inputs are outside the kernel's domain, or −1: S, K finite
 * and > 0; T, σ finite and ≥ 0; r, q finite; w = ±1. The TypeScript wrapper calls it on each
 * chunk it copies in and, on a hit, re-checks in TypeScript to name the argument.
 */
export function blackValidate(n: i32, S: usize, K: usize, T: usize, r: usize, q: usize, vol: usize, w: usize): i32 {
  const zero = f64x2.splat(0.0);
  const inf = f64x2.splat(Infinity);
  const ninf = f64x2.splat(-Infinity);
  const one = f64x2.splat(1.0);
  const mone = f64x2.splat(-1.0);
  const pairs = n & ~1;
  for (let i: i32 = 0; i < pairs; i += 2) {
    const o = <usize>i << 3;
    const s = v128.load(S + o);
    const k = v128.load(K + o);
    const t = v128.load(T + o);
    const rr = v128.load(r + o);
    const qq = v128.load(q + o);
    const v = v128.load(vol + o);
    const ww = v128.load(w + o);
    let ok = v128.and(f64x2.gt(s, zero), f64x2.lt(s, inf));
    ok = v128.and(ok, v128.and(f64x2.gt(k, zero), f64x2.lt(k, inf)));
    ok = v128.and(ok, v128.and(f64x2.ge(t, zero), f64x2.lt(t, inf)));
    ok = v128.and(ok, v128.and(f64x2.gt(rr, ninf), f64x2.lt(rr, inf)));
    ok = v128.and(ok, v128.and(f64x2.gt(qq, ninf), f64x2.lt(qq, inf)));
    ok = v128.and(ok, v128.and(f64x2.ge(v, zero), f64x2.lt(v, inf)));
    ok = v128.and(ok, v128.or(f64x2.eq(ww, one), f64x2.eq(ww, mone)));
    if (!v128.all_true<i64>(ok)) return i64x2.extract_lane(ok, 0) != 0 ? i + 1 : i;
  }
  if (pairs < n) {
    const o = <usize>pairs << 3;
    const s = load<f64>(S + o);
    const k = load<f64>(K + o);
    const t = load<f64>(T + o);
    const rr = load<f64>(r + o);
    const qq = load<f64>(q + o);
    const v = load<f64>(vol + o);
    const ww = load<f64>(w + o);
    const ok = s > 0.0 && s < Infinity && k > 0.0 && k < Infinity && t >= 0.0 && t < Infinity
      && rr - rr == 0.0 && qq - qq == 0.0 && v >= 0.0 && v < Infinity && (ww == 1.0 || ww == -1.0);
    if (!ok) return pairs;
  }
  return -1;
}
