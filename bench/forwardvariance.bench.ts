// Rough Heston forward-variance curve ξ0(t) (issue 7, xi0; engines/roughheston/_lib/forwardVarianceWeights.ts):
// 1. the curve form with ξ0 = E[V_t] against the flat (v0, κ, θ) route, max |Δ log φ| over
//    u ∈ {0.5, 2, 5, 10, 20} × T ∈ {0.1, 0.5, 1, 2}, by steps (the identity the form rests on);
// 2. time of one route call, 128 nodes × 5 maturities, flat vs two curves (weights cached) and a
//    curve whose weights are rebuilt each call.
// Prints tables; asserts nothing. BENCH_REPEATS (default 5) timed runs, median.
import { adamsRoughHestonLogCf, type AdamsRoughHestonOptions } from '../engines/roughheston/adamsRoughHestonLogCf.js';
import { roughHestonForwardVariance } from '../src/models/roughHestonForwardVariance.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const sets = [
  { v0: 0.02, kappa: 0.3, theta: 0.05, sigma: 0.4, rho: -0.7, hurst: 0.1 },
  { v0: 0.09, kappa: 2, theta: 0.03, sigma: 0.5, rho: -0.5, hurst: 0.3 },
];

export function run(): void {
  const uRe = Float64Array.of(0.5, 2, 5, 10, 20);
  const uIm = new Float64Array(uRe.length);
  const mats = [0.1, 0.5, 1, 2];
  console.log('ξ0 = E[V_t] vs the flat route, max |Δ log φ| (u ≤ 20, T = 0.1 … 2)');
  for (const p of sets) {
    const xi0 = roughHestonForwardVariance(p);
    const row = [32, 64, 128, 256].map((steps) => {
      const a = adamsRoughHestonLogCf({ steps })(p, uRe, uIm, mats);
      const b = adamsRoughHestonLogCf({ steps, forwardVariance: xi0 })(p, uRe, uIm, mats);
      let e = 0;
      for (let k = 0; k < a.re.length; k++) e = Math.max(e, Math.hypot(a.re[k]! - b.re[k]!, a.im[k]! - b.im[k]!));
      return `${steps}: ${e.toExponential(2)}`;
    });
    console.log(`  κ ${p.kappa}, H ${p.hurst}:  ${row.join('  ')}`);
  }
  const p = sets[0]!;
  const u = Float64Array.from({ length: 128 }, (_, i) => 0.25 * i);
  const z = new Float64Array(u.length);
  const T = [0.1, 0.25, 0.5, 1, 2];
  console.log('\nOne route call, 128 nodes × 5 maturities, default grid (median ms)');
  const cases: [string, AdamsRoughHestonOptions][] = [
    ['flat (v0, κ, θ)', {}],
    ['ξ0 = E[V_t] (Mittag-Leffler)', { forwardVariance: roughHestonForwardVariance(p) }],
    ['ξ0 = 0.02 + 0.01t', { forwardVariance: (t) => 0.02 + 0.01 * t }],
  ];
  for (const [name, opts] of cases) {
    const cf = adamsRoughHestonLogCf(opts);
    const s = medianSeconds(() => cf(p, u, z, T), REPEATS, 1);
    console.log(`  ${name.padEnd(30)} ${(s * 1e3).toFixed(1)} ms`);
  }
  // A new function object each call: the quadrature weights (cached per function) are rebuilt.
  const cold = medianSeconds(() => adamsRoughHestonLogCf({ forwardVariance: (t) => 0.02 + 0.01 * t })(p, u, z, T), REPEATS, 1);
  console.log(`  ${'ξ0 linear, weights rebuilt'.padEnd(30)} ${(cold * 1e3).toFixed(1)} ms`);
}
