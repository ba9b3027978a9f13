// Value, delta, gamma and theta at the spot from an FD solution in log-spot (the FD engines' Greeks).
import type { FdBlackScholesSolution } from '../FdBlackScholesSolver.js';
import { interpolateAt } from './interpolateAt.js';

export interface GreeksAtSpot {
  value: number;
  /** ∂V/∂S = V_x / S. */
  delta: number;
  /** ∂²V/∂S² = (V_xx − V_x) / S². */
  gamma: number;
  /** Per year, (V(t₁) − V(0)) / t₁ from the first step after today. */
  theta: number;
}

/** Reads the solution at x₀ = ln(spot) by the cubic through the four nearest nodes. */
export function greeksAtSpot(x: Float64Array, solution: FdBlackScholesSolution, spot: number): GreeksAtSpot {
  const x0 = Math.log(spot);
  const now = interpolateAt(x, solution.values, x0);
  const later = interpolateAt(x, solution.valuesAtFirstStep, x0);
  return {
    value: now.value,
    delta: now.dx / spot,
    gamma: (now.dxx - now.dx) / (spot * spot),
    theta: (later.value - now.value) / solution.firstStepTime,
  };
}
