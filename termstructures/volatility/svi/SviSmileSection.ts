import { checkFinite, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { LazyObject } from '../../../src/patterns/LazyObject.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { quoteHandle } from '../../_lib/quoteHandle.js';
import type { SviArbitrageDiagnostics } from './SviArbitrageDiagnostics.js';
import type { SviRawParameters } from './SviRawParameters.js';
import { checkSviRawParameters } from './_lib/checkSviRawParameters.js';
import { sviDiagnostics } from './_lib/sviDiagnostics.js';
import { sviG, sviW } from './_lib/sviFormulas.js';

/**
 * One expiry's smile given by raw SVI parameters: vol by strike, total variance and the butterfly
 * function g by log-moneyness.
 *
 * @remarks
 * w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)) with k = ln(K/F); σ_BS(K) = √(w(k)/T). g(k) is
 * Gatheral–Jacquier's (2.1); the risk-neutral density of k is p(k) = g(k)/√(2πw)·exp(−d₋²/2),
 * d₋ = −k/√w − √w/2 (their eq. 2.2), so g ≥ 0 everywhere means no butterfly arbitrage. A lazy
 * object (nothing to compute for fixed parameters); subclasses such as
 * {@link SviFittedSmileSection} override `parameters()`. Observes the forward quote when one is
 * given as a handle.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, eqs. (2.1), (2.2), (3.1); QuantLib `ql/experimental/volatility/svismilesection.hpp`.
 * Checked against: w(m) = a + bσ at the vertex, wing slopes b(1 ± ρ), g by finite differences
 * of w, and g < 0 for Axel Vogt's parameters (Gatheral–Jacquier 2014, Example 3.1), in
 * test/termstructures/volatility/svi.test.ts.
 *
 * @example
 * ```ts
 * import { SviSmileSection } from 'quantflow';
 * const s = new SviSmileSection(1, 100, { a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 });
 * s.totalVariance(0); //=> 0.060000000000000005
 * ```
 * @public
 */
export class SviSmileSection extends LazyObject {
  private readonly time: number;
  private readonly forwardQuote: Handle<Quote>;
  private readonly raw: SviRawParameters | undefined;

  /**
   * @param exerciseTime - T > 0 in years (the year fraction of the total variance).
   * @param forward - F > 0 (price units), or a quote handle (observed).
   * @param parameters - a valid raw slice; omitted only by subclasses that override `parameters()`.
   * @throws InvalidInputError when T or F is not > 0, or the parameters are not a valid raw slice.
   */
  constructor(exerciseTime: number, forward: number | Handle<Quote>, parameters?: SviRawParameters) {
    super();
    checkPositive('exerciseTime', exerciseTime);
    this.time = exerciseTime;
    this.forwardQuote = quoteHandle('forward', forward, checkPositive);
    this.registerWith(this.forwardQuote);
    if (parameters !== undefined) checkSviRawParameters('parameters', parameters);
    this.raw = parameters === undefined ? undefined : Object.freeze({ ...parameters });
  }

  /** Nothing to compute for fixed parameters; fitted subclasses override. */
  protected performCalculations(): void {}

  /** Time to expiry T in years. */
  exerciseTime(): number {
    return this.time;
  }

  /**
   * The forward F (price units), read from its quote.
   * @throws InvalidInputError when the quote's value is not > 0; QuantflowError for an invalid quote.
   */
  forward(): number {
    this.calculate();
    return this.forwardValue();
  }

  /** The forward's quote value, checked, without bringing the object up to date (for subclasses' calculations). */
  protected forwardValue(): number {
    const f = this.forwardQuote.currentLink().value();
    if (!(f > 0) || !Number.isFinite(f)) throw InvalidInputError.outOfRange('forward', f, '(0, ∞)');
    return f;
  }

  /**
   * The raw SVI parameters of the slice.
   * @throws whatever the subclass's calculation throws (a fit's errors).
   */
  parameters(): SviRawParameters {
    this.calculate();
    if (this.raw === undefined) throw InvalidInputError.outOfRange('parameters', undefined, 'a raw SVI slice (or a subclass that fits one)');
    return this.raw;
  }

  /**
   * Total implied variance w(k) = σ_BS²·T at log-moneyness k = ln(K/F).
   * @param k - log-moneyness, finite.
   * @returns w(k) ≥ 0 (dimensionless).
   * @throws InvalidInputError when k is not finite.
   */
  totalVariance(k: number): number {
    checkFinite('k', k);
    return sviW(this.parameters(), k);
  }

  /**
   * Black implied volatility σ_BS(K) = √(w(ln(K/F))/T).
   * @param strike - K > 0 (price units).
   * @returns the vol, annualised decimal.
   * @throws InvalidInputError when the strike is not > 0.
   */
  volatility(strike: number): number {
    checkPositive('strike', strike);
    return Math.sqrt(Math.max(this.totalVariance(Math.log(strike / this.forward())), 0) / this.time);
  }

  /**
   * Gatheral–Jacquier's g(k) = (1 − kw′/(2w))² − (w′²/4)(1/w + 1/4) + w″/2 (eq. 2.1); the density of
   * k is g(k)/√(2πw)·exp(−d₋²/2), so g < 0 marks butterfly arbitrage.
   * @param k - log-moneyness, finite.
   * @returns g(k) (dimensionless); −∞ where w ≤ 0.
   * @throws InvalidInputError when k is not finite.
   */
  g(k: number): number {
    checkFinite('k', k);
    return sviG(this.parameters(), k);
  }

  /**
   * Risk-neutral density of log-moneyness p(k) = g(k)/√(2πw(k))·exp(−d₋(k)²/2), d₋ = −k/√w − √w/2
   * (Gatheral–Jacquier 2014, eq. 2.2); negative where g is.
   * @param k - log-moneyness, finite.
   * @returns p(k) (per unit of k).
   * @throws InvalidInputError when k is not finite.
   */
  density(k: number): number {
    const g = this.g(k);
    const w = this.totalVariance(k);
    const sw = Math.sqrt(w);
    const dMinus = -k / sw - sw / 2;
    return (g / Math.sqrt(2 * Math.PI * w)) * Math.exp(-0.5 * dMinus * dMinus);
  }

  /**
   * Butterfly-arbitrage diagnostics: min g on a grid over [from, to] (plus m ± 10σ), wing slopes,
   * minimum variance.
   * @param from - left end of the grid in log-moneyness; default −2.
   * @param to - right end; default 2; > from.
   * @returns the diagnostics ({@link SviArbitrageDiagnostics}).
   * @throws InvalidInputError when the range is not finite or from ≥ to.
   */
  arbitrageDiagnostics(from = -2, to = 2): SviArbitrageDiagnostics {
    checkFinite('from', from);
    checkFinite('to', to);
    if (!(to > from)) throw InvalidInputError.outOfRange('to', to, `(${from}, ∞) (above from)`);
    return sviDiagnostics(this.parameters(), from, to);
  }
}
