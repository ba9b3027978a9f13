// Reads a GeneralizedBlackScholesProcess into what the FD solver needs: spot, maturity time,
// per-step (r, q, σ²) from the curves' discount ratios and the surface's variance at the strike,
// and the log-spot bounds of the grid.
import { InvalidInputError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Date } from '../../../src/time/Date.js';
import type { FdStepCoefficients } from '../FdBlackScholesSolver.js';

export interface BlackScholesMarket {
  spot: number;
  maturity: number;
  coefficients: (t1: number, t2: number) => FdStepCoefficients;
  riskFreeDiscount: (t: number) => number;
  dividendDiscount: (t: number) => number;
  totalVariance: number;
  timeOf: (d: Date) => number;
}

export function blackScholesMarket(process: GeneralizedBlackScholesProcess, maturityDate: Date, strike: number): BlackScholesMarket {
  const spot = process.spot();
  const riskFree = process.riskFreeRate.currentLink();
  const dividend = process.dividendYield.currentLink();
  const vol = process.blackVolatility.currentLink();
  const maturity = riskFree.timeFromReference(maturityDate);
  const riskFreeDiscount = (t: number) => riskFree.discount(t, true);
  const dividendDiscount = (t: number) => dividend.discount(t, true);
  const variance = (t: number) => (t <= 0 ? 0 : vol.blackVariance(t, strike, true));
  const totalVariance = maturity > 0 ? variance(maturity) : 0;
  if (!(totalVariance >= 0) || !Number.isFinite(totalVariance)) throw InvalidInputError.outOfRange('blackVariance', totalVariance, '[0, ∞)');
  const coefficients = (t1: number, t2: number): FdStepCoefficients => {
    const dt = t2 - t1;
    return {
      r: Math.log(riskFreeDiscount(t1) / riskFreeDiscount(t2)) / dt,
      q: Math.log(dividendDiscount(t1) / dividendDiscount(t2)) / dt,
      variance: Math.max((variance(t2) - variance(t1)) / dt, 0),
    };
  };
  return { spot, maturity, coefficients, riskFreeDiscount, dividendDiscount, totalVariance, timeOf: (d) => riskFree.timeFromReference(d) };
}

/**
 * Log-spot bounds: ±1.5·Φ⁻¹(1 − 10⁻⁴) ≈ 5.58 standard deviations around the spot and the forward
 * (as QuantLib's FdmBlackScholesMesher), widened to keep the strike one deviation inside.
 */
export function logSpotBounds(lowSpot: number, highSpot: number, strike: number, stdDev: number): [number, number] {
  const sd = Math.max(stdDev, 0.02);
  const width = 5.58 * sd;
  const lo = Math.min(Math.log(lowSpot) - width, Math.log(strike) - sd);
  const hi = Math.max(Math.log(highSpot) + width, Math.log(strike) + sd);
  return [lo, hi];
}
