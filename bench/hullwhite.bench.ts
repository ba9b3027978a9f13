// Hull–White: calibration time to the 5 × 5 ATM normal SOFR swaption matrix of 2025-01-31 (25
// swaptions, Jamshidian prices, Levenberg–Marquardt), and Jamshidian swaption pricing rate;
// native QuantLib 1.29 (python3.11 bindings, where installed) calibrates the same swaptions on the
// same discount factors side by side.
import { existsSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrateHullWhite } from '../engines/hullwhite/calibrateHullWhite.js';
import { JamshidianSwaptionEngine } from '../engines/hullwhite/JamshidianSwaptionEngine.js';
import { sofrSwaptionMarket } from '../examples/hullwhite/sofrSwaptionCalibration.js';
import { HullWhite } from '../src/models/HullWhite.js';
import type { PiecewiseYieldCurve } from '../termstructures/yield/PiecewiseYieldCurve.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const PY = '/usr/bin/python3.11';

/** QuantLib: the same 25 SwaptionHelpers (normal vols) on a DiscountCurve through quantflow's pillars. */
function quantLibCalibration(dates: string[], discounts: number[], vols: number[][]): { a: number; sigma: number; ms: number; rmseBp: number } | string {
  if (!existsSync(PY) || spawnSync(PY, ['-c', 'import QuantLib']).status !== 0) return 'python3.11 QuantLib bindings not found';
  const input = join(tmpdir(), `quantflow-hw-bench-${process.pid}.json`);
  writeFileSync(input, JSON.stringify({ dates, discounts, vols }));
  const script = `
import json, sys, time, QuantLib as ql
d = json.load(open(sys.argv[1]))
today = ql.Date(31, 1, 2025); ql.Settings.instance().evaluationDate = today
curve = ql.YieldTermStructureHandle(ql.DiscountCurve([ql.DateParser.parseISO(x) for x in d['dates']], d['discounts'], ql.Actual365Fixed()))
curve.enableExtrapolation()
cal = ql.UnitedStates(ql.UnitedStates.GovernmentBond)  # quantflow's SOFR calendar; QuantLib 1.29's bindings have no SOFR market
index = ql.IborIndex('SOFRproxy', ql.Period(1, ql.Years), 2, ql.USDCurrency(), cal, ql.ModifiedFollowing, False, ql.Actual360(), curve)
helpers = []
for e in range(5):
    for t in range(5):
        h = ql.SwaptionHelper(ql.Period(e + 1, ql.Years), ql.Period(t + 1, ql.Years), ql.QuoteHandle(ql.SimpleQuote(d['vols'][e][t])), index,
                              ql.Period(1, ql.Years), ql.Actual360(), ql.Actual360(), curve, ql.BlackCalibrationHelper.RelativePriceError, ql.nullDouble(), 1.0, ql.Normal)
        helpers.append(h)
best = None
for rep in range(5):
    model = ql.HullWhite(curve, 0.05, 0.01)
    engine = ql.JamshidianSwaptionEngine(model)
    for h in helpers: h.setPricingEngine(engine)
    t0 = time.perf_counter()
    model.calibrate(helpers, ql.LevenbergMarquardt(1e-8, 1e-8, 1e-8), ql.EndCriteria(10000, 100, 1e-6, 1e-8, 1e-8))
    ms = (time.perf_counter() - t0) * 1e3
    best = ms if best is None else min(best, ms)
a, s = list(model.params())
sq = 0.0
for k, h in enumerate(helpers):
    v = h.impliedVolatility(h.modelValue(), 1e-12, 500, 1e-6, 0.1)
    sq += (v - d['vols'][k // 5][k % 5]) ** 2
print(a, s, best, (sq / 25) ** 0.5 * 1e4)
`;
  let out: number[];
  try {
    out = execFileSync(PY, ['-c', script, input], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split(/\s+/).map(Number);
  } catch (error) {
    return `QuantLib run failed: ${error instanceof Error ? error.message.split('\n').slice(-2).join(' ') : String(error)}`;
  }
  return { a: out[0]!, sigma: out[1]!, ms: out[2]!, rmseBp: out[3]! };
}

export function run(): void {
  const market = sofrSwaptionMarket();
  console.log(`\nHull–White calibration to the 5 × 5 ATM normal SOFR swaption matrix (${market.vols.date}), start a = 0.05, σ = 0.01`);
  console.log('method                                   median ms   a          σ (bp)   RMSE (bp)   iterations');
  for (const errorType of ['relativePrice', 'impliedVol'] as const) {
    let result = calibrateHullWhite(new HullWhite(market.curve, 0.05, 0.01), market.quotes, { errorType });
    const s = medianSeconds(() => {
      result = calibrateHullWhite(new HullWhite(market.curve, 0.05, 0.01), market.quotes, { errorType });
    }, 7, 1);
    console.log(`quantflow LM, ${errorType.padEnd(26)} ${(s * 1e3).toFixed(1).padStart(9)}   ${result.a.toFixed(6)}   ${(result.sigma * 1e4).toFixed(2).padStart(6)}   ${(result.volRmse * 1e4).toFixed(3).padStart(9)}   ${String(result.iterations).padStart(10)}`);
  }
  const curve = market.curve.currentLink() as PiecewiseYieldCurve;
  const ql = quantLibCalibration(curve.dates().map((d) => d.toISOString()), Array.from(curve.data()), market.vols.vols.map((r) => [...r]));
  if (typeof ql === 'string') console.log(`QuantLib: skipped (${ql})`);
  else console.log(`QuantLib 1.29 LM, relative price error      ${ql.ms.toFixed(1).padStart(9)}   ${ql.a.toFixed(6)}   ${(ql.sigma * 1e4).toFixed(2).padStart(6)}   ${ql.rmseBp.toFixed(3).padStart(9)}   (best of 5)`);

  const model = new HullWhite(market.curve, 0.02, 0.0107);
  const engine = new JamshidianSwaptionEngine(model);
  const swaptions = market.quotes.map((q) => q.swaption);
  for (const s of swaptions) s.setPricingEngine(engine);
  let k = 0;
  const t = medianSeconds(() => {
    model.setParameters({ sigma: 0.0107 + (k++ % 2) * 1e-6 });
    for (const s of swaptions) s.NPV();
  }, 15);
  console.log(`\nJamshidianSwaptionEngine through the instrument graph: ${formatRate(swaptions.length / t)} swaptions (1 … 5 years × 1 … 5 years, reprice after a σ change)`);
}
