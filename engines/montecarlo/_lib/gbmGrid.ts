// Internal: per-step log drift, vol, √Δt and discount of a GeneralizedBlackScholesProcess on a
// time grid, in the fused kernel's stepData layout.
import { ArbitrageError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';

export interface GbmGrid {
  readonly spot: number;
  readonly stepData: Float64Array;
  /** Cumulative log growth ln(F(t_j)/S) at each step end. */
  readonly growths: Float64Array;
  /** Cumulative Black variance w(t_j) at each step end. */
  readonly variances: Float64Array;
}

/**
 * Reads the process on the grid: drift_j = ln(D_q(t_j)/D_q(t_{j−1})) − ln(D_r(t_j)/D_r(t_{j−1}))
 * − ½Δw_j, σ_j = √(Δw_j/Δt_j), w(t) the Black variance at `strike`.
 */
export function gbmGrid(process: GeneralizedBlackScholesProcess, times: Float64Array, strike: number): GbmGrid {
  const spot = process.spot();
  const vol = process.blackVolatility.currentLink();
  const rf = process.riskFreeRate.currentLink();
  const div = process.dividendYield.currentLink();
  const n = times.length;
  const sd = new Float64Array(5 * n);
  const growths = new Float64Array(n);
  const variances = new Float64Array(n);
  let tPrev = 0, wPrev = 0, lrPrev = 0, lqPrev = 0;
  for (let j = 0; j < n; j++) {
    const t = times[j]!;
    const w = vol.blackVariance(t, strike);
    const dr = rf.discount(t);
    const lr = Math.log(dr);
    const lq = Math.log(div.discount(t));
    const dw = w - wPrev;
    if (!(dw >= -1e-14 * Math.max(1, w))) throw new ArbitrageError(`Black variance decreases between t = ${tPrev} and t = ${t} (${wPrev} → ${w}) at strike ${strike}`, { strike, t, variance: w });
    const dt = t - tPrev;
    sd[j] = lq - lqPrev - (lr - lrPrev) - 0.5 * Math.max(dw, 0);
    sd[n + j] = Math.sqrt(Math.max(dw, 0) / dt);
    sd[2 * n + j] = Math.sqrt(dt);
    sd[3 * n + j] = dr;
    growths[j] = lq - lr;
    variances[j] = w;
    tPrev = t; wPrev = w; lrPrev = lr; lqPrev = lq;
  }
  return { spot, stepData: sd, growths, variances };
}

/** n equal steps to T. */
export function uniformTimes(T: number, n: number): Float64Array {
  const t = new Float64Array(n);
  for (let j = 0; j < n; j++) t[j] = (T * (j + 1)) / n;
  t[n - 1] = T;
  return t;
}
