// The live desk (`npm start`): SPX options of 2023-02-15 on live quotes, shocked by real history.
// Usage: npm start -- [--book N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--quiet] [--rough-heston]
import { parseArgs } from 'node:util';
import { kernelBackend } from '../../src/index.js';
import { percentile } from './_lib/percentile.js';
import { buildDesk } from './buildDesk.js';
import { hestonOnDesk } from './hestonOnDesk.js';
import { roughHestonOnDesk } from './roughHestonOnDesk.js';
import type { SkippedRows } from './data/SkippedRows.js';
import { historicalTicks, replay, type TickReport } from './replay.js';

const { values } = parseArgs({
  options: {
    book: { type: 'string', default: '1000' },
    from: { type: 'string', default: '2008-01-01' },
    to: { type: 'string', default: '2008-12-31' },
    quiet: { type: 'boolean', default: false },
    'rough-heston': { type: 'boolean', default: false },
  },
});

const started = performance.now();
const desk = buildDesk({ bookSize: Number(values.book) });
const { ticks, skipped: historySkipped } = historicalTicks(desk, values.from, values.to);
const skipped: Record<string, SkippedRows> = { ...desk.skipped, ...historySkipped };

console.log(`quantflow live desk — SPX options quoted ${desk.today.toISOString()}, kernels: ${kernelBackend()}`);
console.log(
  `spot ${desk.spot.value().toFixed(2)}, ${desk.slices.length} expiries, ${desk.book.length} options in the book ` +
    `(of ${desk.candidates} listed two-sided quotes, 1 week–2 years), ${ticks.length} ticks ${values.from} … ${values.to}`,
);
const t0 = performance.now();
const initial = desk.book.map((o) => o.NPV());
const firstPriceMs = performance.now() - t0;
console.log(`first pricing of the book: ${firstPriceMs.toFixed(1)} ms, book value ${initial.reduce((a, b) => a + b, 0).toFixed(2)}`);
{
  // Discounting: Treasury (2023-02-15) on the handle; the SOFR OIS curve of 2025-01-31 as a swappable what-if.
  const sofrTenYear = desk.sofr.curve.zeroRate(desk.sofr.curve.maxDate()) as number;
  const worst = Math.max(...desk.sofr.helpers.map((h) => Math.abs(h.quoteError(desk.sofr.curve))));
  desk.discountCurve.linkTo(desk.sofrOnDeskDate);
  const onSofr = desk.book.reduce((a, o) => a + o.NPV(), 0);
  desk.discountCurve.linkTo(desk.riskFree);
  console.log(
    `discounting: Treasury par curve of ${desk.today.toISOString()}; SOFR OIS curve of ${desk.sofr.curve.referenceDate().toISOString()} ` +
      `(${desk.sofr.helpers.length} OIS quotes, max quote error ${worst.toExponential(1)}, ` +
      `10Y zero ${(100 * sofrTenYear).toFixed(3)} %) — book on its rates (relinked): ${onSofr.toFixed(2)}`,
  );
}
{
  // Engines: Black–Scholes on the surface; a Heston model calibrated to the desk's smiles, swapped in and back.
  const { engine, fit } = hestonOnDesk(desk);
  for (const o of desk.book) o.setPricingEngine(engine);
  const onHeston = desk.book.reduce((a, o) => a + o.NPV(), 0);
  for (const o of desk.book) o.setPricingEngine(desk.engine);
  const p = fit.parameters;
  console.log(
    `engines: Black–Scholes on the surface; Heston by COS, calibrated to ${fit.volResiduals.length} mid vols in ${fit.timeMs.toFixed(0)} ms ` +
      `(v0 ${p.v0.toFixed(4)}, κ ${p.kappa.toFixed(2)}, θ ${p.theta.toFixed(4)}, σ ${p.sigma.toFixed(2)}, ρ ${p.rho.toFixed(3)}; ` +
      `RMSE ${(100 * fit.volRmse).toFixed(2)} vol points) — book on Heston (swapped): ${onHeston.toFixed(2)}`,
  );
}
if (values['rough-heston']) {
  // A rough Heston model calibrated to the same smiles, swapped in and back (slower: opt-in).
  const { engine, fit } = roughHestonOnDesk(desk);
  for (const o of desk.book) o.setPricingEngine(engine);
  const onRough = desk.book.reduce((a, o) => a + o.NPV(), 0);
  for (const o of desk.book) o.setPricingEngine(desk.engine);
  const p = fit.parameters;
  console.log(
    `engines: rough Heston by COS/Adams, calibrated to ${fit.volResiduals.length} mid vols in ${fit.timeMs.toFixed(0)} ms ` +
      `(v0 ${p.v0.toFixed(4)}, κ ${p.kappa.toFixed(2)}, θ ${p.theta.toFixed(4)}, σ ${p.sigma.toFixed(2)}, ρ ${p.rho.toFixed(3)}, H ${p.hurst.toFixed(3)}; ` +
      `RMSE ${(100 * fit.volRmse).toFixed(2)} vol points) — book on rough Heston (swapped): ${onRough.toFixed(2)}`,
  );
}
for (const [file, s] of Object.entries(skipped)) {
  const reasons = Object.entries(s.reasons)
    .map(([why, n]) => `${n} ${why}`)
    .join(', ');
  console.log(`  skipped in ${file}: ${s.count} rows${s.count > 0 ? ` (${reasons})` : ''}`);
}
console.log('');
if (!values.quiet) console.log('date        quote  value        repriced  dup  errors  latency ms');
const reports = replay(desk, ticks, (r) => {
  if (!values.quiet) {
    console.log(
      `${r.date}  ${r.kind.padEnd(5)}  ${r.value.toFixed(r.kind === 'spot' ? 2 : 4).padStart(10)}  ${String(r.repriced).padStart(8)}  ` +
        `${String(r.duplicates).padStart(3)}  ${String(r.errors).padStart(6)}  ${r.latencyMs.toFixed(3).padStart(10)}`,
    );
  }
});

function row(label: string, rs: readonly TickReport[]): string {
  const lat = rs.map((r) => r.latencyMs);
  const rep = rs.map((r) => r.repriced);
  return (
    `${label.padEnd(6)} ${String(rs.length).padStart(6)} ${String(Math.min(...rep)).padStart(8)} ${String(Math.max(...rep)).padStart(8)} ` +
    `${String(rs.reduce((a, r) => a + r.duplicates, 0)).padStart(5)} ${String(rs.reduce((a, r) => a + r.errors, 0)).padStart(7)} ` +
    `${percentile(lat, 50).toFixed(3).padStart(9)} ${percentile(lat, 99).toFixed(3).padStart(9)} ${Math.max(...lat).toFixed(3).padStart(9)}`
  );
}
console.log('');
console.log('summary  (latency: ms from setValue to the last emission of the book)');
console.log('quote   ticks  min rep  max rep  dups  errors  p50 ms    p99 ms    max ms');
console.log(row('spot', reports.filter((r) => r.kind === 'spot')));
console.log(row('vol', reports.filter((r) => r.kind === 'vol')));
console.log(row('all', reports));
const final = desk.book.map((o) => o.NPV());
console.log(
  `\nbook value ${initial.reduce((a, b) => a + b, 0).toFixed(2)} → ${final.reduce((a, b) => a + b, 0).toFixed(2)}; ` +
    `spot ${desk.spot.value().toFixed(2)}, vol level ×${desk.level.value().toFixed(4)}; total ${((performance.now() - started) / 1000).toFixed(2)} s`,
);
