import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';

/**
 * Rebonato's abcd instantaneous volatility g(τ) = (a + bτ)e^{−cτ} + d of a forward rate with time
 * to fixing τ = T − t.
 *
 * @remarks
 * Allowed (Rebonato 2004, §21.3: positive everywhere, finite as τ → ∞, positive at τ = 0):
 * c > 0, d > 0, a + d > 0, all finite; b any finite value. Vols are annualised decimals
 * (lognormal forwards) or rate units per √year (normal forwards).
 * `covariance(t1, t2, Ti, Tj)` = ∫_{t1}^{t2} g(Ti − t) g(Tj − t) dt is in closed form: the
 * product is a quadratic polynomial times e^{λt} plus a constant, integrated exactly (a power
 * series in λh when |λh| < 1, where the closed form cancels).
 * Source: R. Rebonato (2002), "Modern Pricing of Interest-Rate Derivatives", Princeton, §6.4;
 * D. Brigo, F. Mercurio (2006), "Interest Rate Models — Theory and Practice", 2nd ed., §6.3.2
 * (formulation 7).
 * Checked against: adaptive Gauss–Kronrod quadrature of the product to 1e-13, the constant case
 * (b = c·0 … a = 0: g ≡ d) and the symmetry in (Ti, Tj) (test/engines/lmm/AbcdFunction.test.ts).
 *
 * @example
 * ```ts
 * import { AbcdFunction } from 'quantflow';
 * new AbcdFunction(0, 0, 1, 0.2).covariance(0, 2, 2, 2); //=> 0.08000000000000002
 * ```
 * @public
 */
export class AbcdFunction {
  /**
   * @param a - level at τ = 0 minus d; a + d > 0.
   * @param b - slope of the hump; finite.
   * @param c - decay rate per year; > 0.
   * @param d - long-τ level; > 0.
   * @throws InvalidInputError when a parameter is not finite or outside the ranges above.
   */
  constructor(
    readonly a: number,
    readonly b: number,
    readonly c: number,
    readonly d: number,
  ) {
    checkFinite('a', a);
    checkFinite('b', b);
    checkFinite('c', c);
    checkFinite('d', d);
    if (!(c > 0)) throw InvalidInputError.outOfRange('c', c, '(0, ∞)');
    if (!(d > 0)) throw InvalidInputError.outOfRange('d', d, '(0, ∞)');
    if (!(a + d > 0)) throw InvalidInputError.outOfRange('a + d', a + d, '(0, ∞)');
  }

  /**
   * g(τ) = (a + bτ)e^{−cτ} + d.
   * @param tau - time to fixing in years, finite (≥ 0 in use).
   */
  value(tau: number): number {
    return (this.a + this.b * tau) * Math.exp(-this.c * tau) + this.d;
  }

  /** τ* = 1/c − a/b of the hump's extremum when b ≠ 0 (may be negative: no hump), else NaN. */
  maximumLocation(): number {
    return this.b === 0 ? Number.NaN : 1 / this.c - this.a / this.b;
  }

  /**
   * ∫_{t1}^{t2} g(Ti − t) g(Tj − t) dt: the instantaneous covariance of forwards fixing at Ti and
   * Tj over [t1, t2] (per unit of the forwards' scalings k_i k_j and correlation).
   * @param t1 - start of the interval, years, finite.
   * @param t2 - end, years, ≥ t1.
   * @param Ti - fixing time of the first forward, years, finite.
   * @param Tj - fixing time of the second forward, years, finite.
   * @throws InvalidInputError for non-finite inputs or t2 < t1.
   */
  covariance(t1: number, t2: number, Ti: number, Tj: number): number {
    checkFinite('t1', t1);
    checkFinite('t2', t2);
    checkFinite('Ti', Ti);
    checkFinite('Tj', Tj);
    if (!(t2 >= t1)) throw InvalidInputError.outOfRange('t2', t2, `[${t1}, ∞) (t2 ≥ t1)`);
    const { a, b, c, d } = this;
    const h = t2 - t1;
    // With t = t1 + s: g(Ti − t) = (Ai − b s) Ei e^{cs} + d, Ai = a + b(Ti − t1), Ei = e^{−c(Ti − t1)}.
    const Ai = a + b * (Ti - t1);
    const Aj = a + b * (Tj - t1);
    const Ei = Math.exp(-c * (Ti - t1));
    const Ej = Math.exp(-c * (Tj - t1));
    const quad = Ei * Ej * polyExpIntegral(Ai * Aj, -b * (Ai + Aj), b * b, 2 * c, h);
    const lin = d * (Ei * polyExpIntegral(Ai, -b, 0, c, h) + Ej * polyExpIntegral(Aj, -b, 0, c, h));
    return quad + lin + d * d * h;
  }
}

/** ∫_0^h (q0 + q1 s + q2 s²) e^{λs} ds, exact; a series where λh is small. */
function polyExpIntegral(q0: number, q1: number, q2: number, lambda: number, h: number): number {
  const x = lambda * h;
  if (Math.abs(x) < 1) {
    // Σ_n λ^n/n! ∫ s^n(q0 + q1 s + q2 s²) ds; |x| < 1 so 30 terms reach round-off.
    let sum = 0;
    let term = 1; // λ^n h^n / n!
    for (let k = 0; k < 30; k++) {
      sum += term * ((q0 * h) / (k + 1) + (q1 * h * h) / (k + 2) + (q2 * h * h * h) / (k + 3));
      term *= x / (k + 1);
    }
    return sum;
  }
  const l = lambda;
  const antiderivative = (s: number): number =>
    Math.exp(l * s) * (q0 / l + q1 * (s / l - 1 / (l * l)) + q2 * ((s * s) / l - (2 * s) / (l * l) + 2 / (l * l * l)));
  return antiderivative(h) - antiderivative(0);
}
