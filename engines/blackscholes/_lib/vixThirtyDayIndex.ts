// Internal: the VIX 30-day interpolation of two term variances.

/**
 * 100 · √{[T1σ1²·(N2 − N30)/(N2 − N1) + T2σ2²·(N30 − N1)/(N2 − N1)] · N365/N30}, T_i = N_i/N365
 * (Cboe VIX White Paper, Step 3). Returns the index, the two weights and the 30-day variance; a
 * negative 30-day variance gives a NaN index, which the caller refuses.
 *
 * @param nearVariance - σ1², annualised.
 * @param nextVariance - σ2², annualised.
 * @param nearMinutes - N1, minutes to the near-term expiration; > 0.
 * @param nextMinutes - N2 > N1.
 * @param targetMinutes - N30 = 43,200 for VIX.
 * @internal
 */
export function vixThirtyDayIndex(
  nearVariance: number,
  nextVariance: number,
  nearMinutes: number,
  nextMinutes: number,
  targetMinutes: number,
): { value: number; nearWeight: number; nextWeight: number; variance: number } {
  const minutesPerYear = 525_600;
  const nearWeight = (nextMinutes - targetMinutes) / (nextMinutes - nearMinutes);
  const nextWeight = (targetMinutes - nearMinutes) / (nextMinutes - nearMinutes);
  const total =
    (nearMinutes / minutesPerYear) * nearVariance * nearWeight + (nextMinutes / minutesPerYear) * nextVariance * nextWeight;
  const variance = (total * minutesPerYear) / targetMinutes;
  return { value: 100 * Math.sqrt(variance), nearWeight, nextWeight, variance };
}
