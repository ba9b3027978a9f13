// Rough Heston against Heston on the real SPX surface (Gatheral's 2023-02-15 mid vols, the 90
// quotes of test/engines/heston/calibrateHestonSpx.test.ts: 10 maturities 1 week–2 years, 9
// strikes each within |ln K/F| ≤ 0.4): vol RMSE, parameters and wall time of calibrateHeston and
// calibrateRoughHeston (Adams route, 32 steps + Richardson, tolerance 1e-7), outside the test
// runner: `npx tsx bench/roughHestonCalibration.ts` (`RH_MAX_ITERATIONS=200` to let it converge).
import { calibrateHeston } from '../engines/heston/calibrateHeston.js';
import { calibrateRoughHeston } from '../engines/roughheston/calibrateRoughHeston.js';
import { spxCalibrationSlices } from './_lib/spxData.js';

const slices = spxCalibrationSlices();
const heston = calibrateHeston(slices, { initial: { v0: 0.04, kappa: 2, theta: 0.05, sigma: 1, rho: -0.7 } });
console.log(`Heston:       RMSE ${(100 * heston.volRmse).toFixed(2)} vol points, ${JSON.stringify(heston.parameters)}, ${heston.iterations} iterations, ${heston.timeMs.toFixed(0)} ms`);
const rough = calibrateRoughHeston(slices, { initial: { v0: 0.02, kappa: 1, theta: 0.05, sigma: 0.5, rho: -0.7, hurst: 0.1 }, pricing: { tolerance: 1e-7, adams: { steps: 32 } }, maxIterations: Number(process.env.RH_MAX_ITERATIONS ?? 40) });
console.log(`Rough Heston: RMSE ${(100 * rough.volRmse).toFixed(2)} vol points, ${JSON.stringify(rough.parameters)}, ${rough.iterations} iterations, ${rough.timeMs.toFixed(0)} ms`);
let q = 0;
for (const s of slices) {
  let h = 0;
  let r = 0;
  for (let i = 0; i < s.strikes.length; i++, q++) {
    h += heston.volResiduals[q]! ** 2;
    r += rough.volResiduals[q]! ** 2;
  }
  console.log(`  T = ${s.time.toFixed(3)}: RMSE Heston ${(100 * Math.sqrt(h / s.strikes.length)).toFixed(2)}, rough ${(100 * Math.sqrt(r / s.strikes.length)).toFixed(2)} vol points`);
}
