// Internal: d₁ of the (displaced) Black formula, shared by the Black Greek functions.

/** d₁ = ln(F/K)/s + s/2 for F, K > 0 (already displaced) and s > 0. */
export function blackD1(strike: number, forward: number, stdDev: number): number {
  return Math.log(forward / strike) / stdDev + 0.5 * stdDev;
}
