// Prints the Hurst-exponent figures of docs/models/hurst.md: the variogram estimator on the SPX
// realized variance (Oxford-Man, SPX2.rv) and on VIX closes, with 95 % block-bootstrap intervals.
// Run from the repository root: npx tsx scripts/hurst-figures.ts
import { variogramHurst } from '../src/timeseries/variogramHurst.js';
import { fractionalBrownianMotion } from '../src/timeseries/fractionalBrownianMotion.js';
import { spxLogVol, vixLogVol } from '../test/timeseries/_lib/readLogVol.js';

const lags50 = Array.from({ length: 50 }, (_, i) => i + 1);
const lags30 = lags50.slice(0, 30);
const rows: Array<Record<string, string>> = [];
const f = (v: number, d = 3): string => v.toFixed(d);
for (const [name, x] of [['SPX RV (2000–2016)', spxLogVol()], ['VIX (1990–2026)', vixLogVol()]] as const) {
  for (const [lname, lags] of [['1–50', lags50], ['1–30', lags30]] as const) {
    for (const L of [250, 100]) {
      const e = variogramHurst(x, { lags, blockLength: L, bootstrap: 500 });
      rows.push({
        series: name, n: String(e.observations), lags: lname, block: String(L), H: f(e.H, 4),
        '95 % CI (bootstrap)': `[${f(e.HInterval[0])}, ${f(e.HInterval[1])}]`, 'H se (OLS)': f(e.HRegressionStdError, 4),
        ν: f(e.nu), 'ν 95 % CI': `[${f(e.nuInterval[0])}, ${f(e.nuInterval[1])}]`,
        'ζ_q / q (q = 0.5, 1, 1.5, 2, 3)': Array.from(e.zeta, (z, i) => f(z / e.qs[i]!)).join(' '),
      });
    }
  }
}
console.table(rows);
// Coverage of the interval on exact fBM of the SPX series' length.
for (const H of [0.1, 0.13, 0.3]) {
  let cover = 0;
  const N = 100;
  let sum = 0;
  for (let seed = 1; seed <= N; seed++) {
    const e = variogramHurst(fractionalBrownianMotion(H, 4188, seed).map((b) => 0.35 * b), { bootstrap: 200, seed });
    if (e.HInterval[0] <= H && H <= e.HInterval[1]) cover++;
    sum += e.H;
  }
  console.log(`fBM H = ${H}, n = 4189, ν = 0.35: mean Ĥ = ${f(sum / N, 4)}, 95 % interval covers H in ${cover}/${N}`);
}
