// Internal: the terms the Black–Scholes–Merton Greek functions share, after validating inputs.
import { checkFinite, checkPositive } from '../../../../src/_lib/checks.js';
import { normalPdf } from '../../../../src/math/distributions/normalPdf.js';

/** d₁, d₂, s = σ√T, e^(−qT) and φ(d₁) of generalized Black–Scholes–Merton. */
export interface BlackScholesTerms {
  readonly d1: number;
  readonly d2: number;
  readonly stdDev: number;
  readonly dividendDiscount: number;
  readonly pdf1: number;
}

/**
 * Validates spot > 0, strike > 0, finite rate and dividend yield, volatility > 0, expiry > 0, and
 * returns d₁ = (ln(S/K) + (r − q + σ²/2)T)/(σ√T), d₂ = d₁ − σ√T and the other shared terms.
 */
export function blackScholesTerms(
  spot: number,
  strike: number,
  rate: number,
  dividendYield: number,
  volatility: number,
  expiry: number,
): BlackScholesTerms {
  checkPositive('spot', spot);
  checkPositive('strike', strike);
  checkFinite('rate', rate);
  checkFinite('dividendYield', dividendYield);
  checkPositive('volatility', volatility);
  checkPositive('expiry', expiry);
  const stdDev = volatility * Math.sqrt(expiry);
  const d1 = (Math.log(spot / strike) + (rate - dividendYield) * expiry) / stdDev + 0.5 * stdDev;
  return { d1, d2: d1 - stdDev, stdDev, dividendDiscount: Math.exp(-dividendYield * expiry), pdf1: normalPdf(d1) };
}
