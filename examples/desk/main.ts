// The live desk (`npm start`): SPX options of 2023-02-15 on live quotes, shocked by real history.
// Usage: npm start -- [--book N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--quiet] [--svg <dir>] [--rough-heston]
import { parseArgs } from 'node:util';
import { kernelBackend } from '../../src/index.js';
import { percentile } from './_lib/percentile.js';
import { buildDesk } from './buildDesk.js';
import { hestonOnDesk } from './hestonOnDesk.js';
import { lmmOnDesk } from './lmmOnDesk.js';
import { roughHestonOnDesk } from './roughHestonOnDesk.js';
import { bermudanSwaptionOnDesk } from './bermudanSwaptionOnDesk.js';
import type { SkippedRows } from './data/SkippedRows.js';
import { historicalTicks, replay, type TickReport } from './replay.js';
import { writeSmileSvgs } from './smileSvgs.js';

const { values } = parseArgs({
  options: {
    book: { type: 'string', default: '1000' },
    from: { type: 'string', default: '2008-01-01' },
    to: { type: 'string', default: '2008-12-31' },
    quiet: { type: 'boolean', default: false },
    svg: { type: 'string' },
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
if (values.svg !== undefined) {
  // One SVG per expiry: market bid/ask and mids against the SVI surface, eSSVI and SABR fits.
  const s0 = performance.now();
  const written = writeSmileSvgs(desk, values.svg);
  console.log(`smiles: ${written.length} SVGs (SVI surface, eSSVI, SABR vs bid/ask) written to ${values.svg} in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
}
{
  // Rates: a 10-year Bermudan payer swaption on the SOFR OIS curve under Hull–White; a SOFR quote tick reprices it.
  const b = bermudanSwaptionOnDesk(desk.sofr);
  const tTree = performance.now();
  const onTree = b.swaption.NPV();
  const treeMs = performance.now() - tTree;
  b.swaption.setPricingEngine(b.fd);
  const onFd = b.swaption.NPV();
  b.swaption.setPricingEngine(b.tree);
  const q = desk.sofr.quotes[desk.sofr.quotes.length - 6] as (typeof desk.sofr.quotes)[number];
  let ticked = Number.NaN;
  const sub = b.swaption.results$.subscribe((r) => {
    if (r.ok) ticked = r.npv;
  });
  const tTick = performance.now();
  q.setValue(q.value() + 0.0001);
  const tickMs = performance.now() - tTick;
  const afterTick = ticked;
  q.setValue(q.value() - 0.0001);
  sub.unsubscribe();
  console.log(
    `rates: 1Y-nc 10Y Bermudan payer on SOFR (K ${(100 * b.strike).toFixed(3)} %, 10 mm; Hull–White a ${b.model.a}, σ ${b.model.sigma}) — ` +
      `tree ${onTree.toFixed(0)} (${treeMs.toFixed(1)} ms), FD ${onFd.toFixed(0)}; 5Y SOFR +1 bp tick → ${afterTick.toFixed(0)} in ${tickMs.toFixed(1)} ms`,
  );
}
{
  // Rates, second model: a LIBOR market model calibrated to the SOFR caplets and the 5 × 5 swaption
  // matrix over the same curve, a 1Y-nc 5Y Bermudan by Longstaff–Schwartz beside Hull–White's tree.
  const l = lmmOnDesk(desk.sofr);
  const t0 = performance.now();
  const onLmm = l.swaption.NPV();
  const lmmMs = performance.now() - t0;
  const se = l.swaption.errorEstimate();
  const fit = l.model.calibration();
  l.swaption.setPricingEngine(l.hullWhite);
  const onHw = l.swaption.NPV();
  l.swaption.setPricingEngine(l.lmm);
  const t1 = performance.now();
  for (const i of [3, 7, 11, 15]) l.swaptionQuotes[i]!.setValue(l.swaptionQuotes[i]!.value() + 0.0005);
  const bumped = l.swaption.NPV();
  const tickMs = performance.now() - t1;
  console.log(
    `rates: 1Y-nc 5Y Bermudan payer on SOFR (K ${(100 * l.strike).toFixed(3)} %, 10 mm) — LMM ${onLmm.toFixed(0)} ± ${se.toFixed(0)} ` +
      `(calibrated to 36 caplets + 25 swaptions, RMSE ${fit.swaptionRmse.toFixed(2)} bp; calibration + 4,096 Sobol paths ${lmmMs.toFixed(0)} ms), ` +
      `Hull–White tree ${onHw.toFixed(0)}; co-terminal vols +5 bp → LMM ${bumped.toFixed(0)} (recalibrated and repriced in ${tickMs.toFixed(0)} ms)`,
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
