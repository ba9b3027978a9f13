// Replays real daily moves on the desk's quotes and measures tick-to-book-repriced latency.
import type { Subscription } from 'rxjs';
import type { Desk } from './buildDesk.js';
import { dataDir } from './buildDesk.js';
import type { SkippedRows } from './data/SkippedRows.js';
import { readSpxCloses } from './data/readSpxCloses.js';
import { readVixCloses } from './data/readVixCloses.js';

export interface Tick {
  readonly date: string;
  readonly kind: 'spot' | 'vol';
  /** New quote value. */
  readonly value: number;
}

export interface TickReport extends Tick {
  /** Instruments that emitted during the tick. */
  readonly repriced: number;
  /** Instruments that emitted more than once during the tick (must be 0: glitch-free). */
  readonly duplicates: number;
  /** `{ ok: false }` emissions during the tick. */
  readonly errors: number;
  /** Milliseconds from `setValue` to the last emission. */
  readonly latencyMs: number;
}

/**
 * Daily shocks from real history: SPX close-to-close returns applied to the spot and relative VIX
 * changes applied to the surface level, on the dates both series have, in [from, to].
 */
export function historicalTicks(desk: Desk, from: string, to: string): { ticks: Tick[]; skipped: Record<string, SkippedRows> } {
  const spx = readSpxCloses(new URL('spx-realized-variance/OxRealizedVol_SPX.csv', dataDir));
  const vix = readVixCloses(new URL('vix/VIX_History.csv', dataDir));
  const vixByDate = new Map(vix.dates.map((d, i) => [d, vix.closes[i]!]));
  const days: { date: string; spx: number; vix: number }[] = [];
  spx.dates.forEach((d, i) => {
    const v = vixByDate.get(d);
    if (v !== undefined && d >= from && d <= to) days.push({ date: d, spx: spx.closes[i]!, vix: v });
  });
  const ticks: Tick[] = [];
  let spot = desk.spot.value();
  let level = desk.level.value();
  for (let i = 1; i < days.length; i++) {
    const prev = days[i - 1]!;
    const day = days[i]!;
    spot *= day.spx / prev.spx;
    level *= day.vix / prev.vix;
    ticks.push({ date: day.date, kind: 'spot', value: spot });
    ticks.push({ date: day.date, kind: 'vol', value: level });
  }
  return { ticks, skipped: { spx: spx.skipped, vix: vix.skipped } };
}

/** Subscribes to every option's results$, applies each tick, and reports what happened. */
export function replay(desk: Desk, ticks: readonly Tick[], onTick: (r: TickReport) => void = () => undefined): TickReport[] {
  const n = desk.book.length;
  const emittedAt = new Float64Array(n); // tick number + 1 of the last emission
  const timesSeen = new Uint32Array(n);
  let tickNo = 0;
  let lastEmission = 0;
  let errors = 0;
  let repriced = 0;
  let duplicates = 0;
  const subs: Subscription[] = desk.book.map((option, i) =>
    option.results$.subscribe((r) => {
      lastEmission = performance.now();
      if (!r.ok) errors++;
      if (emittedAt[i] === tickNo) {
        timesSeen[i]!++;
        if (timesSeen[i] === 2) duplicates++;
      } else {
        emittedAt[i] = tickNo;
        timesSeen[i] = 1;
        repriced++;
      }
    }),
  );
  const reports: TickReport[] = [];
  try {
    for (const tick of ticks) {
      tickNo++;
      errors = 0;
      repriced = 0;
      duplicates = 0;
      const quote = tick.kind === 'spot' ? desk.spot : desk.level;
      const t0 = performance.now();
      lastEmission = t0;
      quote.setValue(tick.value);
      const report = { ...tick, repriced, duplicates, errors, latencyMs: lastEmission - t0 };
      reports.push(report);
      onTick(report);
    }
  } finally {
    subs.forEach((s) => s.unsubscribe());
  }
  return reports;
}
