// Arbitrage-free SABR: time of one density solve (sabrArbitrageFreeDensity, TR-BDF2) by grid size,
// with the ATM implied vol it gives, beside QuantLib 1.29 FdSabrVanillaEngine (the full 2-D PDE)
// on the same Antonov–Spector set where python3.11 QuantLib is installed. Asserts nothing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { blackFormulaImpliedStdDev } from '../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { sabrArbitrageFreeDensity } from '../engines/sabr/sabrArbitrageFreeDensity.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

function quantLib(): string {
  const py = '/usr/bin/python3.11';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import QuantLib']).status !== 0) return 'skipped: python3.11 QuantLib bindings not found';
  const script = `
import QuantLib as ql, time
today = ql.Date(2, 1, 2025); ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed(); rts = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.0, dc))
opt = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call, 1.0), ql.EuropeanExercise(today + 3650))
opt.setPricingEngine(ql.FdSabrVanillaEngine(1.0, 0.25, 0.3, 0.3, -0.8, rts, 100, 400, 50))
t = time.perf_counter(); p = opt.NPV(); t = time.perf_counter() - t
T = dc.yearFraction(today, today + 3650)
print(t, ql.blackFormulaImpliedStdDev(ql.Option.Call, 1.0, 1.0, p) / T ** 0.5)
`;
  const res = spawnSync(py, ['-c', script], { encoding: 'utf8' });
  if (res.status !== 0) return `skipped: ${res.stderr.split('\n').slice(-2).join(' ')}`;
  const [t, v] = res.stdout.trim().split(/\s+/).map(Number);
  return `${(t! * 1e3).toFixed(0)} ms per price (tGrid 100, fGrid 400, xGrid 50; one strike per solve), ATM vol ${v!.toFixed(5)}`;
}

export function run(): void {
  const p = { alpha: 0.25, beta: 0.3, nu: 0.3, rho: -0.8 };
  const rows: Array<Record<string, string>> = [];
  for (const [J, N] of [[200, 100], [400, 200], [800, 400]] as const) {
    let atm = 0;
    const t = medianSeconds(() => {
      const d = sabrArbitrageFreeDensity(10, 1, p, 0, { gridPoints: J, timeSteps: N });
      atm = blackFormulaImpliedStdDev(1, 1, 1, d.price(1, 1)) / Math.sqrt(10);
    }, REPEATS, 1);
    rows.push({ cells: String(J), 'time steps': String(N), 'ms / solve': (t * 1e3).toFixed(1), 'ATM vol': atm.toFixed(5), note: 'all strikes from one solve' });
  }
  console.log(`sabrArbitrageFreeDensity, Antonov–Spector set (α 0.25, β 0.3, ν 0.3, ρ −0.8, T 10), TR-BDF2 (median of ${REPEATS})`);
  console.table(rows);
  console.log(`QuantLib 1.29 FdSabrVanillaEngine (2-D): ${quantLib()}`);
}
