import { ConvergenceError } from '../../src/errors.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';
import { americanInputs } from './_lib/americanInputs.js';

/**
 * Barone-Adesi–Whaley (1987) quadratic approximation of American vanilla options under
 * Black–Scholes–Merton.
 *
 * @remarks
 * With b = r − q, M = 2r/σ², N = 2b/σ², k = 1 − e^{−rT} and the European value v(S):
 * - call (q > 0; for q ≤ 0 the call is European): q₂ = [−(N − 1) + √((N − 1)² + 4M/k)]/2,
 *   critical price S⋆ solving S⋆ − K = v(S⋆) + [1 − e^{−qT} N(d₁(S⋆))] S⋆/q₂;
 *   V = v(S) + A₂ (S/S⋆)^{q₂}, A₂ = (S⋆/q₂)[1 − e^{−qT} N(d₁(S⋆))], for S < S⋆, else S − K;
 * - put: q₁ = [−(N − 1) − √((N − 1)² + 4M/k)]/2, S⋆⋆ solving
 *   K − S⋆⋆ = v(S⋆⋆) − [1 − e^{−qT} N(−d₁(S⋆⋆))] S⋆⋆/q₁;
 *   V = v(S) + A₁ (S/S⋆⋆)^{q₁}, A₁ = −(S⋆⋆/q₁)[1 − e^{−qT} N(−d₁(S⋆⋆))], for S > S⋆⋆, else K − S.
 * The critical price is found by the paper's Newton iteration from its seed, run to
 * |LHS − RHS| ≤ 1e-13 K (QuantLib stops at 1e-6 K; the values differ by less than that).
 * When r → 0, M/k → 2/(σ²T). r, q are the curves' zero rates to expiry and σ²T the total
 * variance at (T, K).
 * Results: the value only (an approximation's Greeks are better taken by bumping). Additional
 * results: `criticalPrice` (S⋆ or S⋆⋆; absent when the European value is returned),
 * `europeanValue`, `earlyExercisePremium`.
 * Observes: the process.
 * Source: G. Barone-Adesi & R. E. Whaley (1987), "Efficient analytic approximation of American
 * option values", J. Finance 42(2), 301–320, eqs. (25)–(27) and the iteration of its appendix;
 * Haug (2007) §3.3.2; QuantLib `ql/pricingengines/vanilla/baroneadesiwhaleyengine.hpp`.
 * Checked against: `test/engines/blackscholes/AmericanApproximationEngines.test.ts` (QuantLib
 * 1.29 `american.barone_adesi_whaley`, Haug's Table 3-1 values, American ≥ European by
 * fast-check, call without dividends = European).
 * @public
 */
export class BaroneAdesiWhaleyApproximationEngine extends PricingEngine<VanillaOptionArguments> {
  /** @param process - the Black–Scholes–Merton process (spot, curves, vol surface). */
  constructor(readonly process: GeneralizedBlackScholesProcess) {
    super();
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not American, the payoff is not plain vanilla,
   * or the spot or strike is not positive.
   * @throws ConvergenceError when the critical-price iteration does not converge in 200 steps.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const m = americanInputs(this.process, args);
    const { spot: S, strike: K, omega, riskFreeDiscount: Dr, dividendDiscount: Dq, variance } = m;
    const forward = (S * Dq) / Dr;
    const european = new BlackCalculator(omega, K, forward, Math.sqrt(variance), Dr).value();
    if ((omega === 1 && Dq >= 1) || variance === 0) {
      return { value: european, greeks: {}, additionalResults: { europeanValue: european, earlyExercisePremium: 0 } };
    }
    const sk = criticalPrice(omega, K, Dr, Dq, variance);
    const sd = Math.sqrt(variance);
    const d1 = (Math.log((sk * Dq) / Dr / K) + 0.5 * variance) / sd;
    const Q = exponent(omega, Dr, Dq, variance);
    let value: number;
    if (omega === 1) {
      const a = (sk / Q) * (1 - Dq * normalCdf(d1));
      value = S < sk ? european + a * Math.pow(S / sk, Q) : S - K;
    } else {
      const a = -(sk / Q) * (1 - Dq * normalCdf(-d1));
      value = S > sk ? european + a * Math.pow(S / sk, Q) : K - S;
    }
    // Exercisable now: never below intrinsic (just past a critical price found to 1e-13·K the
    // approximation can dip below it by ~1e-10).
    value = Math.max(value, omega * (S - K));
    return { value, greeks: {}, additionalResults: { criticalPrice: sk, europeanValue: european, earlyExercisePremium: value - european } };
  }
}

/** q₂ (call) or q₁ (put) with M/k written through D_r and w = σ²T. */
function exponent(omega: number, Dr: number, Dq: number, variance: number): number {
  const n = (2 * Math.log(Dq / Dr)) / variance;
  const lnDr = Math.log(Dr);
  // M/k = −2 ln D_r / (w (1 − D_r)); its r → 0 limit is 2/w.
  const mk = Math.abs(lnDr) > 1e-12 ? (-2 * lnDr) / (variance * -Math.expm1(lnDr)) : 2 / variance;
  return (-(n - 1) + omega * Math.sqrt((n - 1) * (n - 1) + 4 * mk)) / 2;
}

function criticalPrice(omega: number, K: number, Dr: number, Dq: number, variance: number): number {
  const sd = Math.sqrt(variance);
  const n = (2 * Math.log(Dq / Dr)) / variance;
  const m = (-2 * Math.log(Dr)) / variance;
  const bT = Math.log(Dq / Dr);
  // Seed (Barone-Adesi & Whaley's appendix): the perpetual critical price S∞ and h.
  const qu = (-(n - 1) + omega * Math.sqrt((n - 1) * (n - 1) + 4 * m)) / 2;
  const su = K / (1 - 1 / qu);
  let si: number;
  if (omega === 1) {
    const h = (-(bT + 2 * sd) * K) / (su - K);
    si = K + (su - K) * (1 - Math.exp(h));
  } else {
    const h = ((bT - 2 * sd) * K) / (K - su);
    si = su + (K - su) * Math.exp(h);
  }
  const Q = exponent(omega, Dr, Dq, variance);
  // g(S) = LHS − RHS: for a call g(K) < 0 < g(∞); for a put g(0+) > 0 > g(K). The paper's Newton
  // step is kept inside a bracket and replaced by bisection when it leaves it.
  const g = (x: number) => {
    const d1 = (Math.log((x * Dq) / Dr / K) + 0.5 * variance) / sd;
    const v = new BlackCalculator(omega === 1 ? 1 : -1, K, (x * Dq) / Dr, sd, Dr).value();
    if (omega === 1) {
      const rhs = v + ((1 - Dq * normalCdf(d1)) * x) / Q;
      const bi = Dq * normalCdf(d1) * (1 - 1 / Q) + (1 - (Dq * normalPdf(d1)) / sd) / Q;
      return { diff: x - K - rhs, next: (K + rhs - bi * x) / (1 - bi) };
    }
    const rhs = v - ((1 - Dq * normalCdf(-d1)) * x) / Q;
    const bi = -Dq * normalCdf(-d1) * (1 - 1 / Q) - (1 + (Dq * normalPdf(-d1)) / sd) / Q;
    return { diff: K - x - rhs, next: (K - rhs + bi * x) / (1 + bi) };
  };
  let lo = omega === 1 ? K : 0;
  let hi = omega === 1 ? (Number.isFinite(si) ? Math.max(si, 2 * K) : 2 * K) : K;
  if (omega === 1) {
    for (let k = 0; k < 200 && g(hi).diff < 0; k++) hi *= 2;
  }
  if (!(si > lo && si < hi)) si = 0.5 * (lo + hi);
  for (let it = 0; it < 300; it++) {
    const { diff, next } = g(si);
    if (Math.abs(diff) <= 1e-13 * K) return si;
    // Below the root g < 0 for a call and g > 0 for a put.
    if ((omega === 1) === diff < 0) lo = si;
    else hi = si;
    si = next > lo && next < hi ? next : 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) return si;
  }
  throw new ConvergenceError(`BaroneAdesiWhaleyApproximationEngine: critical price did not converge (last ${si})`);
}
