// The forward (martingale) check of the fused Monte Carlo kernels that put the discounted S_T in
// the control slots: E[S_T] estimated from Σc, Σc² (sums slots 2, 3) over all samples.
import { estimate, type McEstimate } from './runMonteCarlo.js';

/** `forwardEstimate` (mean of S_T, price units) and its standard error, undiscounted by D_r(T). */
export function forwardCheck(e: McEstimate, riskFreeDiscount: number): { forwardEstimate: number; forwardErrorEstimate: number } {
  const fwd = estimate(e.sums.subarray(2, 4), e.samples, undefined);
  return { forwardEstimate: fwd.value / riskFreeDiscount, forwardErrorEstimate: fwd.errorEstimate / riskFreeDiscount };
}
