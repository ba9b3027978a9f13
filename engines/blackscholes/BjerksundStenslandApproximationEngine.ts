import { InvalidInputError } from '../../src/errors.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';
import { americanInputs } from './_lib/americanInputs.js';
import { bivariateNormalCdf } from './_lib/bivariateNormalCdf.js';

/**
 * Bjerksund–Stensland approximation of American vanilla options under Black–Scholes–Merton:
 * by default the 2002 version (exercise at a flat boundary I₂ on [0, t₁] and I₁ on [t₁, T],
 * t₁ = ½(√5 − 1)T), optionally the 1993 version (one flat boundary, what QuantLib 1.29 computes).
 *
 * @remarks
 * Call, with b = r − q (for b ≥ r, i.e. q ≤ 0, the call is European):
 * β = (½ − b/σ²) + √((b/σ² − ½)² + 2r/σ²), B∞ = βK/(β − 1), B₀ = max(K, rK/(r − b)),
 * hᵢ = −(b tᵢ + 2σ√tᵢ) K²/((B∞ − B₀)B₀), Iᵢ = B₀ + (B∞ − B₀)(1 − e^{hᵢ}) (t₂ = T),
 * αᵢ = (Iᵢ − K) Iᵢ^{−β}; for S ≥ I₂ the value is S − K, otherwise
 * C = α₂S^β − α₂φ(S,t₁,β,I₂,I₂) + φ(S,t₁,1,I₂,I₂) − φ(S,t₁,1,I₁,I₂) − Kφ(S,t₁,0,I₂,I₂)
 *   + Kφ(S,t₁,0,I₁,I₂) + α₁φ(S,t₁,β,I₁,I₂) − α₁ψ(S,T,β,I₁,I₂,I₁,t₁) + ψ(S,T,1,I₁,I₂,I₁,t₁)
 *   − ψ(S,T,1,K,I₂,I₁,t₁) − Kψ(S,T,0,I₁,I₂,I₁,t₁) + Kψ(S,T,0,K,I₂,I₁,t₁),
 * with φ the one-barrier and ψ the two-period functionals of the paper (ψ uses the bivariate
 * normal with correlation √(t₁/T)). The 1993 version uses one boundary
 * I = B₀ + (B∞ − B₀)(1 − e^{h}), h = −(bT + 2σ√T) B₀/(B∞ − B₀), and
 * C = αS^β − αφ(S,T,β,I,I) + φ(S,T,1,I,I) − φ(S,T,1,K,I) − Kφ(S,T,0,I,I) + Kφ(S,T,0,K,I). Puts by the put–call transformation
 * P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ).
 * r, q are the curves' zero rates to expiry and σ²T the total variance at (T, K). When
 * rK/(r − b) ≥ B∞ (a vanishing dividend for a call) the boundary lies beyond the perpetual
 * one and the European value is returned.
 * Results: the value only (bump for Greeks). Additional results: `europeanValue`,
 * `earlyExercisePremium`.
 * Observes: the process.
 * Source: P. Bjerksund & G. Stensland (2002), "Closed form valuation of American options",
 * NHH discussion paper; P. Bjerksund & G. Stensland (1993), "Closed-form approximation of
 * American options", Scand. J. Management 9, S87–S99; Haug (2007), The Complete Guide to Option Pricing Formulas, 2nd ed.,
 * §3.3.3; bivariate normal by Genz (2004); QuantLib
 * `ql/pricingengines/vanilla/bjerksundstenslandengine.hpp` (1.29 implements the 1993 version).
 * Checked against: `test/engines/blackscholes/AmericanApproximationEngines.test.ts` (1993:
 * QuantLib 1.29 `american.bjerksund_stensland` at 1e-10 relative; 2002: between the 1993 value
 * and the true value (QuantLib's QD+ fixed point) and closer to the latter; American ≥ European
 * by fast-check; call without dividends = European).
 * @public
 */
export class BjerksundStenslandApproximationEngine extends PricingEngine<VanillaOptionArguments> {
  /** Which boundary: 2002 (two-step, default) or 1993 (one flat boundary, as QuantLib 1.29). */
  readonly version: 1993 | 2002;

  /**
   * @param process - the Black–Scholes–Merton process (spot, curves, vol surface).
   * @param options - `version`: 2002 (default) or 1993.
   * @throws InvalidInputError for another version.
   */
  constructor(
    readonly process: GeneralizedBlackScholesProcess,
    options: { readonly version?: 1993 | 2002 } = {},
  ) {
    super();
    const version = options.version ?? 2002;
    if (version !== 1993 && version !== 2002) throw InvalidInputError.outOfRange('options.version', version, '{1993, 2002}');
    this.version = version;
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not American, the payoff is not plain vanilla,
   * or the spot or strike is not positive.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const m = americanInputs(this.process, args);
    const { spot: S, strike: K, omega, riskFreeDiscount: Dr, dividendDiscount: Dq, variance, T, r, q, sigma } = m;
    const european = new BlackCalculator(omega, K, (S * Dq) / Dr, Math.sqrt(variance), Dr).value();
    const b = r - q;
    const bsCall = this.version === 2002 ? bsCall2002 : bsCall1993;
    let value: number;
    if (variance === 0 || T === 0) {
      value = european;
    } else if (omega === 1) {
      value = b >= r ? european : bsCall(S, K, T, r, b, sigma);
    } else {
      // Put–call transformation: r → r − b = q, b → −b.
      value = -b >= r - b ? european : bsCall(K, S, T, r - b, -b, sigma);
    }
    // A tiny dividend (r/(r − b)·K ≥ B∞) puts the boundary beyond the perpetual one: no early exercise.
    // Exercisable now: never below the European value nor the intrinsic value.
    value = Math.max(Number.isNaN(value) ? european : value, european, omega * (S - K));
    return { value, greeks: {}, additionalResults: { europeanValue: european, earlyExercisePremium: value - european } };
  }
}

function bsCall2002(S: number, K: number, T: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const t1 = 0.5 * (Math.sqrt(5) - 1) * T;
  const beta = 0.5 - b / v2 + Math.sqrt((b / v2 - 0.5) ** 2 + (2 * r) / v2);
  const bInf = (beta / (beta - 1)) * K;
  const b0 = Math.max(K, (r / (r - b)) * K);
  if (!(bInf > b0)) return Number.NaN; // degenerate: caller returns the European value
  const h1 = (-(b * t1 + 2 * v * Math.sqrt(t1)) * K * K) / ((bInf - b0) * b0);
  const h2 = (-(b * T + 2 * v * Math.sqrt(T)) * K * K) / ((bInf - b0) * b0);
  const I1 = b0 + (bInf - b0) * (1 - Math.exp(h1));
  const I2 = b0 + (bInf - b0) * (1 - Math.exp(h2));
  const alpha1 = (I1 - K) * Math.pow(I1, -beta);
  const alpha2 = (I2 - K) * Math.pow(I2, -beta);
  if (S >= I2) return S - K;
  const ph = (T_: number, gamma: number, H: number, I: number) => phi(S, T_, gamma, H, I, r, b, v);
  const ps = (gamma: number, H: number) => psi(S, T, gamma, H, I2, I1, t1, r, b, v);
  return (
    alpha2 * Math.pow(S, beta) -
    alpha2 * ph(t1, beta, I2, I2) +
    ph(t1, 1, I2, I2) -
    ph(t1, 1, I1, I2) -
    K * ph(t1, 0, I2, I2) +
    K * ph(t1, 0, I1, I2) +
    alpha1 * ph(t1, beta, I1, I2) -
    alpha1 * ps(beta, I1) +
    ps(1, I1) -
    ps(1, K) -
    K * ps(0, I1) +
    K * ps(0, K)
  );
}

/** Bjerksund & Stensland (1993): one flat boundary I on [0, T]. */
function bsCall1993(S: number, K: number, T: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const beta = 0.5 - b / v2 + Math.sqrt((b / v2 - 0.5) ** 2 + (2 * r) / v2);
  const bInf = (beta / (beta - 1)) * K;
  const b0 = Math.max(K, (r / (r - b)) * K);
  if (!(bInf > b0)) return Number.NaN; // degenerate: caller returns the European value
  const ht = (-(b * T + 2 * v * Math.sqrt(T)) * b0) / (bInf - b0);
  const I = b0 + (bInf - b0) * (1 - Math.exp(ht));
  if (S >= I) return S - K;
  const alpha = (I - K) * Math.pow(I, -beta);
  const ph = (gamma: number, H: number) => phi(S, T, gamma, H, I, r, b, v);
  return alpha * Math.pow(S, beta) - alpha * ph(beta, I) + ph(1, I) - ph(1, K) - K * ph(0, I) + K * ph(0, K);
}

function phi(S: number, T: number, gamma: number, H: number, I: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const sd = v * Math.sqrt(T);
  const lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1) * v2) * T;
  const d = -(Math.log(S / H) + (b + (gamma - 0.5) * v2) * T) / sd;
  const kappa = (2 * b) / v2 + (2 * gamma - 1);
  return Math.exp(lambda) * Math.pow(S, gamma) * (normalCdf(d) - Math.pow(I / S, kappa) * normalCdf(d - (2 * Math.log(I / S)) / sd));
}

function psi(S: number, T2: number, gamma: number, H: number, I2: number, I1: number, t1: number, r: number, b: number, v: number): number {
  const v2 = v * v;
  const drift1 = (b + (gamma - 0.5) * v2) * t1;
  const drift2 = (b + (gamma - 0.5) * v2) * T2;
  const s1 = v * Math.sqrt(t1);
  const s2 = v * Math.sqrt(T2);
  const e1 = (Math.log(S / I1) + drift1) / s1;
  const e2 = (Math.log((I2 * I2) / (S * I1)) + drift1) / s1;
  const e3 = (Math.log(S / I1) - drift1) / s1;
  const e4 = (Math.log((I2 * I2) / (S * I1)) - drift1) / s1;
  const f1 = (Math.log(S / H) + drift2) / s2;
  const f2 = (Math.log((I2 * I2) / (S * H)) + drift2) / s2;
  const f3 = (Math.log((I1 * I1) / (S * H)) + drift2) / s2;
  const f4 = (Math.log((S * I1 * I1) / (H * I2 * I2)) + drift2) / s2;
  const rho = Math.sqrt(t1 / T2);
  const lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1) * v2;
  const kappa = (2 * b) / v2 + (2 * gamma - 1);
  const M = bivariateNormalCdf;
  return (
    Math.exp(lambda * T2) *
    Math.pow(S, gamma) *
    (M(-e1, -f1, rho) - Math.pow(I2 / S, kappa) * M(-e2, -f2, rho) - Math.pow(I1 / S, kappa) * M(-e3, -f3, -rho) + Math.pow(I1 / I2, kappa) * M(-e4, -f4, -rho))
  );
}
