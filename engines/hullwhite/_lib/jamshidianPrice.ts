import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { brentRoot } from '../../../src/math/solvers/brentRoot.js';
import { hullWhiteB } from '../../../src/models/_lib/hullWhiteFactors.js';

/**
 * A European swaption as Jamshidian's coupon bond: a payer (ω = +1) gives up
 * Σ c_k P(T, t_k) for N P(T, t_s) at T. Discount factors are today's, P(0, ·).
 */
export interface JamshidianInputs {
  readonly exerciseTime: number;
  readonly valueTime: number;
  readonly valueDiscount: number;
  readonly times: Float64Array;
  readonly amounts: Float64Array;
  readonly discounts: Float64Array;
  readonly nominal: number;
  /** +1 payer, −1 receiver. */
  readonly type: number;
}

/**
 * Jamshidian's price and the critical state x* (all amounts ≥ 0 assumed), given a and
 * V = y(T) = ∫_0^T σ(u)² e^{−2a(T−u)} du, the variance of x(T).
 */
export function jamshidianPrice(inp: JamshidianInputs, a: number, V: number): { value: number; xStar: number } {
  const T = inp.exerciseTime;
  const sdT = Math.sqrt(V);
  const Bs = hullWhiteB(a, inp.valueTime - T);
  const n = inp.times.length;
  const logRatio0 = new Float64Array(n);
  const dB = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const Bk = hullWhiteB(a, (inp.times[k] as number) - T);
    dB[k] = Bk - Bs;
    logRatio0[k] = Math.log((inp.discounts[k] as number) / inp.valueDiscount) - 0.5 * (Bk * Bk - Bs * Bs) * V;
  }
  // Σ c_k P(T,t_k|x)/P(T,t_s|x) − N, decreasing in x.
  const g = (x: number): number => {
    let s = -inp.nominal;
    for (let k = 0; k < n; k++) s += (inp.amounts[k] as number) * Math.exp((logRatio0[k] as number) - (dB[k] as number) * x);
    return s;
  };
  let lo = -0.05;
  let hi = 0.05;
  for (let i = 0; i < 60 && g(lo) * g(hi) > 0; i++) {
    if (g(lo) < 0) lo = 2 * lo - hi;
    else hi = 2 * hi - lo;
  }
  const xStar = brentRoot(g, lo, hi, { accuracy: 1e-15, maxEvaluations: 200 });
  // Payer: puts on the forward bonds (ω = −1); receiver: calls (ω = +1).
  const w = -inp.type;
  let value = 0;
  for (let k = 0; k < n; k++) {
    const forward = inp.discounts[k] as number;
    const strike = Math.exp((logRatio0[k] as number) - (dB[k] as number) * xStar) * inp.valueDiscount;
    const sp = (dB[k] as number) * sdT;
    let option: number;
    if (!(sp > 0)) option = Math.max(w * (forward - strike), 0);
    else {
      const h = Math.log(forward / strike) / sp + 0.5 * sp;
      option = w * (forward * normalCdf(w * h) - strike * normalCdf(w * (h - sp)));
    }
    value += (inp.amounts[k] as number) * option;
  }
  return { value, xStar };
}
