// Tick-to-book-repriced latency for the live desk's 1,000-option book on real data.
import { percentile } from '../examples/desk/_lib/percentile.js';
import { buildDesk } from '../examples/desk/buildDesk.js';
import { replay, type Tick } from '../examples/desk/replay.js';

/** Prints p50/p99 latency from a quote's setValue to the last emission of a 1,000-option book. */
export function run(): void {
  const desk = buildDesk({ bookSize: 1000 });
  const ticks: Tick[] = [];
  // Alternating ±0.5 % spot moves and ±2 % vol-level moves: every tick changes every price.
  for (let i = 0; i < 400; i++) {
    ticks.push({ date: `tick ${i}`, kind: 'spot', value: desk.spot.value() * (i % 2 === 0 ? 1.005 : 1 / 1.005) });
    ticks.push({ date: `tick ${i}`, kind: 'vol', value: i % 2 === 0 ? 1.02 : 1 });
  }
  replay(desk, ticks.slice(0, 100)); // warm-up
  const reports = replay(desk, ticks);
  const lat = reports.map((r) => r.latencyMs);
  const repriced = reports.reduce((a, r) => a + r.repriced, 0);
  const totalMs = lat.reduce((a, b) => a + b, 0);
  console.log('\nTick → book repriced (1,000 European options, AnalyticEuropeanEngine, synchronous propagation)');
  console.log('ticks   options/tick   p50 ms   p99 ms   max ms   reprices/s');
  console.log(
    `${String(reports.length).padEnd(7)} ${String(repriced / reports.length).padStart(12)} ${percentile(lat, 50).toFixed(3).padStart(8)} ` +
      `${percentile(lat, 99).toFixed(3).padStart(8)} ${Math.max(...lat).toFixed(3).padStart(8)} ${((repriced / totalMs) * 1000).toFixed(0).padStart(12)}`,
  );
}
