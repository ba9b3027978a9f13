// σ²_loc on the FD grid for one time step: the Dupire grid row at the step's mid time.
import type { LocalVolTermStructure } from '../../../termstructures/volatility/LocalVolTermStructure.js';
import { localVolGrid } from '../../../termstructures/volatility/localVolGrid.js';

/**
 * A `localVariance` callback for `FdBlackScholesSolver`: σ_loc(½(t1 + t2), S_i)² at every node
 * (mid-step evaluation, as QuantLib's FdmBlackScholesOp), with S_i = e^{x_i}.
 */
export function localVolVariance(surface: LocalVolTermStructure, x: Float64Array): (t1: number, t2: number, out: Float64Array) => void {
  const spots = x.map(Math.exp);
  return (t1, t2, out) => {
    localVolGrid(surface, [0.5 * (t1 + t2)], spots, out);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! * out[i]!;
  };
}
