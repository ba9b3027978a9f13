// Internal: raw SVI total variance, its k-derivatives and the butterfly function g(k).
import type { SviRawParameters } from '../SviRawParameters.js';

/** w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)) (Gatheral–Jacquier 2014, eq. 3.1). @internal */
export function sviW(p: SviRawParameters, k: number): number {
  const x = k - p.m;
  return p.a + p.b * (p.rho * x + Math.sqrt(x * x + p.sigma * p.sigma));
}

/**
 * g(k) = (1 − k w′/(2w))² − (w′²/4)(1/w + 1/4) + w″/2 for raw SVI (Gatheral–Jacquier 2014,
 * eq. 2.1, with w′ = b(ρ + (k − m)/R), w″ = bσ²/R³, R = √((k − m)² + σ²)). −∞ where w ≤ 0.
 * @internal
 */
export function sviG(p: SviRawParameters, k: number): number {
  const x = k - p.m;
  const r = Math.sqrt(x * x + p.sigma * p.sigma);
  const w = p.a + p.b * (p.rho * x + r);
  if (!(w > 0)) return -Infinity;
  const w1 = p.b * (p.rho + x / r);
  const w2 = (p.b * p.sigma * p.sigma) / (r * r * r);
  const t = 1 - (k * w1) / (2 * w);
  return t * t - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

/** The minimum of w over k: a + bσ√(1 − ρ²) (Gatheral–Jacquier 2014, §3.1). @internal */
export function sviMinimumW(p: SviRawParameters): number {
  return p.a + p.b * p.sigma * Math.sqrt(1 - p.rho * p.rho);
}
