// Wall time and recovery error of calibrateHeston on the synthetic 5 × 7 grid (strikes 80–120,
// maturities 1M–2Y), outside the test runner: `npx tsx bench/hestonCalibration.ts`.
import { calibrateHeston, type HestonCalibrationSlice } from '../engines/heston/calibrateHeston.js';
import { cosHestonBatch } from '../engines/heston/cosHestonBatch.js';
import type { HestonParameters } from '../src/processes/HestonParameters.js';

const strikes = [80, 90, 100, 110, 120];
const times = [1 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2];
const S = 100;
const r = 0.02;
const q = 0.01;
const sets: Record<string, HestonParameters> = {
  feller: { v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.3, rho: -0.7 },
  fellerViolating: { v0: 0.05, kappa: 0.8, theta: 0.04, sigma: 1, rho: -0.8 },
};
for (const [name, truth] of Object.entries(sets)) {
  const { calls, puts } = cosHestonBatch({ spot: S, strikes, expiries: times, riskFreeRates: r, dividendYields: q, params: truth }, { truncation: 40 });
  const slices: HestonCalibrationSlice[] = times.map((t, j) => {
    const F = S * Math.exp((r - q) * t);
    return { time: t, forward: F, discount: Math.exp(-r * t), strikes, prices: strikes.map((K, i) => (K < F ? puts[j * 5 + i]! : calls[j * 5 + i]!)) };
  });
  for (const jacobian of ['analytic', 'finite-difference'] as const) {
  const ms: number[] = [];
  let last = calibrateHeston(slices, { jacobian });
  for (let rep = 0; rep < 5; rep++) {
    last = calibrateHeston(slices, { jacobian });
    ms.push(last.timeMs);
  }
  ms.sort((a, b) => a - b);
  const p = last.parameters;
  const err = Math.max(...(['v0', 'kappa', 'theta', 'sigma', 'rho'] as const).map((k) => Math.abs(p[k] - truth[k]) / Math.abs(truth[k])));
  console.log(`${name}, ${jacobian}: median ${ms[2]!.toFixed(0)} ms (min ${ms[0]!.toFixed(0)}), ${last.iterations} iterations, max relative parameter error ${err.toExponential(2)}, vol RMSE ${last.volRmse.toExponential(2)}`);
}
}
