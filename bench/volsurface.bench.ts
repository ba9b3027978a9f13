// Vol surfaces on real SPX data: time of one SVI slice fit (fitSviSmile, no-butterfly), and of the
// whole 48-expiry surface fit per method — SVI with calendar floors (fitSviSurface), SSVI
// (fitSsviSurface, power-law φ), eSSVI (fitEssviSurface) and SABR per expiry (fitSabrSmile,
// β = 1) — on Gatheral's SPX file of 2023-02-15, plus the SVI surface on the Cboe chain of
// 2023-09-14. Also prints each method's fit quality (the table in docs/models/smiles-and-surfaces.md):
// RMSE to mid and to the bid/ask band in vol points, share of quotes inside bid/ask, and the
// arbitrage diagnostics, and per expiry each method's RMSE. Asserts nothing. BENCH_REPEATS (default 3) repeats the single-slice fit.
import { readFileSync } from 'node:fs';
import { cboeOptionChain } from '../src/marketdata/cboeOptionChain.js';
import { gatheralOptionChain } from '../src/marketdata/gatheralOptionChain.js';
import type { OptionChainSlice } from '../src/marketdata/OptionChainSlice.js';
import { fitSabrSmile } from '../termstructures/volatility/sabr/fitSabrSmile.js';
import { fitEssviSurface } from '../termstructures/volatility/ssvi/fitEssviSurface.js';
import { fitSsviSurface } from '../termstructures/volatility/ssvi/fitSsviSurface.js';
import { fitSviSmile } from '../termstructures/volatility/svi/fitSviSmile.js';
import { fitSviSurface } from '../termstructures/volatility/svi/fitSviSurface.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const data = new URL('../data/', import.meta.url);

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

/** RMSE to mid and to the [bid, ask] band (vol points), share inside, pooled over slices. */
function quality(slices: readonly OptionChainSlice[], fitted: readonly ArrayLike<number>[]): { quotes: number; rmse: number; band: number; inside: number } {
  let n = 0;
  let sq = 0;
  let band = 0;
  let inside = 0;
  slices.forEach((s, i) => {
    const v = fitted[i] as ArrayLike<number>;
    for (let j = 0; j < s.strikes.length; j++) {
      const x = v[j] as number;
      const lo = s.bidVols[j] as number;
      const hi = s.askVols[j] as number;
      const d = x < lo ? lo - x : x > hi ? x - hi : 0;
      sq += (x - (s.midVols[j] as number)) ** 2;
      band += d * d;
      if (d === 0) inside++;
      n++;
    }
  });
  return { quotes: n, rmse: 100 * Math.sqrt(sq / n), band: 100 * Math.sqrt(band / n), inside: inside / n };
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
  const gatheral = gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' }).slices;
  const cboe = cboeOptionChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8'))
    .slices.filter((s) => s.strikes.length >= 5)
    .sort((a, b) => a.time - b.time);
  const slice = gatheral[30] as OptionChainSlice;
  const one = medianSeconds(() => fitSviSmile(slice), REPEATS, 1);
  console.log(`one SVI slice fit (fitSviSmile, T = ${slice.time.toFixed(3)}, ${slice.strikes.length} quotes): ${(1000 * one).toFixed(1)} ms`);
  const rows = [...surfaces(`Gatheral 2023-02-15 (${gatheral.length} expiries)`, gatheral, true), ...surfaces(`Cboe 2023-09-14 (${cboe.length} series)`, cboe, false)];
  console.log('| method | quotes | RMSE mid (vol pts) | RMSE outside bid/ask (vol pts) | inside bid/ask | min g | min ∂w/∂T | fit time (s) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.method} | ${r.quotes} | ${r.rmse.toFixed(3)} | ${r.band.toFixed(3)} | ${(100 * r.inside).toFixed(1)} % | ${r.minG} | ${r.minDwdt} | ${r.seconds.toFixed(2)} |`);
}
