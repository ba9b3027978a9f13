// Vol surfaces on real SPX data: time of one SVI slice fit (fitSviSmile, no-butterfly), and of the
// whole 48-expiry surface fit per method — SVI with calendar floors (fitSviSurface), SSVI
// (fitSsviSurface, power-law φ), eSSVI (fitEssviSurface) and SABR per expiry (fitSabrSmile,
// β = 1) — on Gatheral's SPX file of 2023-02-15, plus the SVI surface on the Cboe chain of
// 2023-09-14. Also prints each method's fit quality (the table in docs/models/smiles-and-surfaces.md):
// RMSE to mid and to the bid/ask band in vol points, share of quotes inside bid/ask, and the
// arbitrage diagnostics, and per expiry each method's RMSE. Asserts nothing. BENCH_REPEATS (default 3) repeats the single-slice fit.
import type { OptionChainSlice } from '../src/marketdata/OptionChainSlice.js';
import { fitSabrSmile } from '../termstructures/volatility/sabr/fitSabrSmile.js';
import { fitEssviSurface } from '../termstructures/volatility/ssvi/fitEssviSurface.js';
import { fitSsviSurface } from '../termstructures/volatility/ssvi/fitSsviSurface.js';
import { fitSviSmile } from '../termstructures/volatility/svi/fitSviSmile.js';
import { fitSviSurface } from '../termstructures/volatility/svi/fitSviSurface.js';
import { medianSeconds } from './_lib/measure.js';
import { cboeSlices, gatheralSlices, quality } from './_lib/spxData.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

interface Row {
  method: string;
  seconds: number;
  quotes: number;
  rmse: number;
  band: number;
  inside: number;
  minG: string;
  minDwdt: string;
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function surfaces(label: string, slices: readonly OptionChainSlice[], all: boolean): Row[] {
  const rows: Row[] = [];
  const svi = timed(() => fitSviSurface(slices));
  rows.push({ method: `${label} SVI (calendar-constrained)`, seconds: svi.seconds, ...quality(slices, svi.value.slices.map((s) => s.fittedVols)), minG: svi.value.diagnostics.minG.toExponential(2), minDwdt: svi.value.diagnostics.minDwdtOverall.toExponential(2) });
  if (!all) return rows;
  const ssvi = timed(() => fitSsviSurface(slices));
  rows.push({ method: `${label} SSVI (power law)`, seconds: ssvi.seconds, ...quality(slices, ssvi.value.slices.map((s) => s.fittedVols)), minG: ssvi.value.diagnostics.minG.toExponential(2), minDwdt: ssvi.value.diagnostics.minDwdtOverall.toExponential(2) });
  const essvi = timed(() => fitEssviSurface(slices));
  rows.push({ method: `${label} eSSVI`, seconds: essvi.seconds, ...quality(slices, essvi.value.slices.map((s) => s.fittedVols)), minG: essvi.value.diagnostics.minG.toExponential(2), minDwdt: essvi.value.diagnostics.minDwdtOverall.toExponential(2) });
  const sabr = timed(() => slices.map((s) => fitSabrSmile(s)));
  rows.push({ method: `${label} SABR per expiry (β = 1)`, seconds: sabr.seconds, ...quality(slices, sabr.value.map((f) => f.fittedVols)), minG: 'n/a', minDwdt: 'n/a' });
  console.log(`${label}, per expiry: RMSE to mid (vol points) per method; eSSVI's ρ_i`);
  console.log('| expiry | T (y) | quotes | SVI surface | SSVI | eSSVI | SABR | eSSVI ρ |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  slices.forEach((s, i) => {
    const r = (v: ArrayLike<number>) => quality([s], [v]).rmse.toFixed(3);
    console.log(
      `| ${s.expiry} | ${s.time.toFixed(4)} | ${s.strikes.length} | ${r(svi.value.slices[i]!.fittedVols)} | ${r(ssvi.value.slices[i]!.fittedVols)} | ` +
        `${r(essvi.value.slices[i]!.fittedVols)} | ${r(sabr.value[i]!.fittedVols)} | ${(essvi.value.parameters.rhos[i] as number).toFixed(3)} |`,
    );
  });
  return rows;
}

export function run(): void {
  const gatheral = gatheralSlices();
  const cboe = cboeSlices();
  const slice = gatheral[30] as OptionChainSlice;
  const one = medianSeconds(() => fitSviSmile(slice), REPEATS, 1);
  console.log(`one SVI slice fit (fitSviSmile, T = ${slice.time.toFixed(3)}, ${slice.strikes.length} quotes): ${(1000 * one).toFixed(1)} ms`);
  const rows = [...surfaces(`Gatheral 2023-02-15 (${gatheral.length} expiries)`, gatheral, true), ...surfaces(`Cboe 2023-09-14 (${cboe.length} series)`, cboe, false)];
  console.log('| method | quotes | RMSE mid (vol pts) | RMSE outside bid/ask (vol pts) | inside bid/ask | min g | min ∂w/∂T | fit time (s) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.method} | ${r.quotes} | ${r.rmse.toFixed(3)} | ${r.band.toFixed(3)} | ${(100 * r.inside).toFixed(1)} % | ${r.minG} | ${r.minDwdt} | ${r.seconds.toFixed(2)} |`);
}
