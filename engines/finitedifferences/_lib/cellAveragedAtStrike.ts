// Payoff smoothing at the strike node for the FD engines.
/**
 * The payoff with its value at the strike node replaced by its average over the node's cell
 * [x_k − h₋/2, x_k + h₊/2] (Pooley, Vetzal & Forsyth 2003): removes most of the O(h²) error
 * the kink contributes, while smooth parts keep their nodal values.
 */
export function cellAveragedAtStrike(x: Float64Array, payoff: Float64Array, strike: number, omega: number): Float64Array {
  const k = Math.log(strike);
  let i = 0;
  while (i < x.length - 1 && Math.abs(x[i + 1]! - k) <= Math.abs(x[i]! - k)) i++;
  if (i === 0 || i === x.length - 1) return payoff;
  const a = 0.5 * (x[i - 1]! + x[i]!);
  const b = 0.5 * (x[i]! + x[i + 1]!);
  // ∫ max(ω(eˣ − K), 0) dx over [a, b]
  const lo = omega > 0 ? Math.max(a, k) : a;
  const hi = omega > 0 ? b : Math.min(b, k);
  const integral = hi > lo ? omega * (Math.exp(hi) - Math.exp(lo) - strike * (hi - lo)) : 0;
  const out = Float64Array.from(payoff);
  out[i] = integral / (b - a);
  return out;
}
