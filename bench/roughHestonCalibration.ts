// Rough Heston against Heston on the real SPX surface (Gatheral's 2023-02-15 mid vols, the 90
// quotes of test/engines/heston/calibrateHestonSpx.test.ts: 10 maturities 1 week–2 years, 9
// strikes each within |ln K/F| ≤ 0.4): vol RMSE, parameters and wall time of calibrateHeston and
// calibrateRoughHeston (Adams route, 32 steps + Richardson, tolerance 1e-7), outside the test
// runner: `npx tsx bench/roughHestonCalibration.ts`.
import { readFileSync } from 'node:fs';
import { calibrateHeston, type HestonCalibrationSlice } from '../engines/heston/calibrateHeston.js';
import { calibrateRoughHeston } from '../engines/roughheston/calibrateRoughHeston.js';
import { gatheralOptionChain } from '../src/marketdata/gatheralOptionChain.js';

const data = new URL('../data/', import.meta.url);
const TARGET_TIMES = [7 / 365, 14 / 365, 1 / 12, 2 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2];

function spxSlices(): HestonCalibrationSlice[] {
  const chain = gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' });
  const used = new Set<number>();
  return TARGET_TIMES.map((target) => {
    let best = -1;
    chain.slices.forEach((s, j) => {
      if (s.time < 7 / 365 - 1e-9 || s.time > 2 + 1e-4 || used.has(j)) return;
      if (best < 0 || Math.abs(s.time - target) < Math.abs(chain.slices[best]!.time - target)) best = j;
    });
    used.add(best);
    const s = chain.slices[best]!;
    const x = (i: number) => Math.log(s.strikes[i]! / s.forward);
    const ok = [...s.strikes.keys()].filter((i) => Math.abs(x(i)) <= 0.4 && s.midVols[i]! > 0);
    const lo = x(ok[0]!);
    const hi = x(ok[ok.length - 1]!);
    const pick = new Set<number>();
    for (let a = 0; a < 9; a++) {
      const z = lo + ((hi - lo) * a) / 8;
      pick.add(ok.reduce((b, i) => (Math.abs(x(i) - z) < Math.abs(x(b) - z) ? i : b)));
    }
    const idx = [...pick].sort((a, b) => a - b);
    return { time: s.time, forward: s.forward, discount: s.discount, strikes: idx.map((i) => s.strikes[i]!), vols: idx.map((i) => s.midVols[i]!) };
  });
}

const slices = spxSlices();
const heston = calibrateHeston(slices, { initial: { v0: 0.04, kappa: 2, theta: 0.05, sigma: 1, rho: -0.7 } });
console.log(`Heston:       RMSE ${(100 * heston.volRmse).toFixed(2)} vol points, ${JSON.stringify(heston.parameters)}, ${heston.iterations} iterations, ${heston.timeMs.toFixed(0)} ms`);
const rough = calibrateRoughHeston(slices, { initial: { v0: 0.02, kappa: 1, theta: 0.05, sigma: 0.5, rho: -0.7, hurst: 0.1 }, pricing: { tolerance: 1e-7, adams: { steps: 32 } } });
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
