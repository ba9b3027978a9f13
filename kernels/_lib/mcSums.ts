// The Monte Carlo kernels' accumulator update: acc[0..5) += Σy, Σy², Σc, Σc², Σyc.

/** Adds the five sums to acc; returns 1 if one of them is not finite, else 0. */
// @ts-ignore: decorator
@inline
export function addSums(acc: usize, sy: f64, syy: f64, sc: f64, scc: f64, syc: f64): i32 {
  store<f64>(acc, load<f64>(acc) + sy);
  store<f64>(acc, load<f64>(acc, 8) + syy, 8);
  store<f64>(acc, load<f64>(acc, 16) + sc, 16);
  store<f64>(acc, load<f64>(acc, 24) + scc, 24);
  store<f64>(acc, load<f64>(acc, 32) + syc, 32);
  const t = sy + syy + sc + scc + syc;
  return t - t == 0.0 ? 0 : 1;
}
