// Local volatility: the Dupire grid (local vols per second, QuantLib's finite-difference scheme
// on the bicubic reference surface, and the analytic total-variance form on an SSVI surface)
// and one FD local-vol price (400 × 400, as the QuantLib reference) beside native QuantLib
// 1.29's FdBlackScholesVanillaEngine(localVol = true) on the same BlackVarianceSurface when
// python3.11 with QuantLib is installed. Both prices' errors are against the surface's own
// Black–Scholes price. Prints one table; asserts nothing. Last section: the round trip on the
// real SPX surface (SSVI fit to Gatheral's 2023-02-15 file; docs/models/local-volatility.md): fit
// time, analytic Dupire grid rate, and one 2Y ATM FD call at 400 × 1600 with its re-inverted error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FdLocalVolVanillaEngine } from '../engines/localvol/FdLocalVolVanillaEngine.js';
import { EuropeanExercise } from '../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOptionArguments } from '../instruments/VanillaOption.js';
import { Handle } from '../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../src/quotes/Quote.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { BlackVarianceSurface } from '../termstructures/volatility/BlackVarianceSurface.js';
import type { BlackVolTermStructure } from '../termstructures/volatility/BlackVolTermStructure.js';
import { LocalVolSurface } from '../termstructures/volatility/LocalVolSurface.js';
import { localVolGrid } from '../termstructures/volatility/localVolGrid.js';
import type { TotalVarianceDerivatives, TotalVarianceSurface } from '../termstructures/volatility/TotalVarianceSurface.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import { formatRate, medianSeconds } from './_lib/measure.js';
import { vanillaOptionImpliedVolatility } from '../engines/blackscholes/formulas/vanillaOptionImpliedVolatility.js';
import { VanillaOption } from '../instruments/VanillaOption.js';
import { gatheralOptionChain } from '../src/marketdata/gatheralOptionChain.js';
import { fitSsviSurface } from '../termstructures/volatility/ssvi/fitSsviSurface.js';
import { SsviSurface } from '../termstructures/volatility/ssvi/SsviSurface.js';
import { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, '..', 'test', 'reference', 'quantlib-1.29.json'), 'utf8')).local_vol;
const inputs = ref.inputs as { S: number; r: number; q: number; expiry_days: number[]; strikes: number[]; implied_vols_rows_by_expiry: number[][] };
// quantlib-1.29.json local_vol.smile_surface.bicubic.fd_local_vol_prices[0]: call K = 100, T = 1.
const CASE = ref.smile_surface.bicubic.fd_local_vol_prices[0] as { K: number; N_days: number; fd_localvol_npv: number; bs_npv_at_surface_implied_vol: number };
const GRID = { nt: 400, nx: 400 };

/** SSVI, power-law φ (Gatheral & Jacquier 2014): w = θ/2 (1 + ρφk + √((φk + ρ)² + 1 − ρ²)), flat 20 % ATM. */
function ssvi(S: number, r: number, q: number): TotalVarianceSurface {
  const [rho, eta, gamma, atm] = [-0.7, 1, 0.4, 0.2];
  return {
    forward: (t) => S * Math.exp((r - q) * t),
    maxTime: () => 10,
    totalVarianceDerivatives(k: number, t: number): TotalVarianceDerivatives {
      const theta = atm * atm * t;
      const phi = eta / (Math.pow(theta, gamma) * Math.pow(1 + theta, 1 - gamma));
      const dphi = phi * (-gamma / theta - (1 - gamma) / (1 + theta));
      const z = phi * k;
      const s = Math.sqrt((z + rho) * (z + rho) + 1 - rho * rho);
      const dwdtheta = 0.5 * (1 + rho * z + s) + 0.5 * theta * k * dphi * (rho + (z + rho) / s);
      return {
        w: 0.5 * theta * (1 + rho * z + s),
        dwdk: 0.5 * theta * phi * (rho + (z + rho) / s),
        d2wdk2: (0.5 * theta * phi * phi * (1 - rho * rho)) / (s * s * s),
        dwdt: dwdtheta * atm * atm,
      };
    },
  };
}

interface QuantLibRun {
  grid_seconds: number;
  fd_seconds: number;
  fd_npv: number;
}

function quantLibPython(times: Float64Array, spots: Float64Array): QuantLibRun | string {
  const py = '/usr/bin/python3.11';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import QuantLib']).status !== 0) return 'python3.11 QuantLib bindings not found';
  const args = {
    S: inputs.S, r: inputs.r, q: inputs.q, expiry_days: inputs.expiry_days, strikes: inputs.strikes, rows: inputs.implied_vols_rows_by_expiry,
    grid_times: [...times], grid_spots: [...spots], tGrid: GRID.nt, xGrid: GRID.nx, K: CASE.K, days: CASE.N_days, repeats: REPEATS,
  };
  const run = spawnSync(py, [join(here, 'quantlib', 'localvol_bench.py'), JSON.stringify(args)], { encoding: 'utf8' });
  if (run.status !== 0) return `localvol_bench.py failed: ${run.stderr.trim().split('\n').pop()}`;
  return JSON.parse(run.stdout) as QuantLibRun;
}

export function run(): void {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const refDate = { referenceDate: today };
  const dates = inputs.expiry_days.map((d) => today.addDays(d));
  const vols = inputs.strikes.map((_k, i) => inputs.implied_vols_rows_by_expiry.map((row) => row[i]!));
  const surface = new BlackVarianceSurface(dates, inputs.strikes, vols, { referenceDate: today, interpolation: 'bicubic' });
  const process_ = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(inputs.S)),
    new Handle<YieldTermStructure>(new FlatForward(inputs.q, refDate)),
    new Handle<YieldTermStructure>(new FlatForward(inputs.r, refDate)),
    new Handle<BlackVolTermStructure>(surface),
  );
  // Dupire grid: N_t times in (0, 2], N_x spots 40…250 (log-spaced).
  const times = Float64Array.from({ length: GRID.nt }, (_, i) => (2 * (i + 1)) / GRID.nt);
  const spots = Float64Array.from({ length: GRID.nx }, (_, j) => 40 * Math.pow(250 / 40, j / (GRID.nx - 1)));
  const out = new Float64Array(GRID.nt * GRID.nx);
  const fdSurface = LocalVolSurface.fromProcess(process_);
  const analytic = LocalVolSurface.fromTotalVariance(ssvi(inputs.S, inputs.r, inputs.q), refDate);
  const nodes = GRID.nt * GRID.nx;
  const fdGrid = medianSeconds(() => localVolGrid(fdSurface, times, spots, out), REPEATS, 1);
  const ssviGrid = medianSeconds(() => localVolGrid(analytic, times, spots, out), REPEATS, 1);

  const args: VanillaOptionArguments = { payoff: new PlainVanillaPayoff(OptionType.Call, CASE.K), exercise: new EuropeanExercise(today.addDays(CASE.N_days)) };
  const engine = new FdLocalVolVanillaEngine(process_, { tGrid: GRID.nt, xGrid: GRID.nx, dampingSteps: 0 });
  const engineRannacher = new FdLocalVolVanillaEngine(process_, { tGrid: GRID.nt, xGrid: GRID.nx });
  let npv = 0;
  let npvRannacher = 0;
  const fdSeconds = medianSeconds(() => (npv = engine.calculate(args).value), REPEATS, 1);
  const fdRannacherSeconds = medianSeconds(() => (npvRannacher = engineRannacher.calculate(args).value), REPEATS, 1);
  const ql = quantLibPython(times, spots);
  const truth = CASE.bs_npv_at_surface_implied_vol;

  console.log(`Dupire grid ${GRID.nt} × ${GRID.nx} (t ∈ (0, 2], S ∈ [40, 250]) on the quantlib-1.29 local_vol bicubic surface; median of ${REPEATS}`);
  console.table([
    {
      task: 'Dupire grid, FD scheme on bicubic BlackVarianceSurface',
      'quantflow local vols/s': formatRate(nodes / fdGrid),
      'QuantLib (python loop) local vols/s': typeof ql === 'string' ? '—' : formatRate(nodes / ql.grid_seconds),
      '× QuantLib': typeof ql === 'string' ? '—' : (ql.grid_seconds / fdGrid).toFixed(2),
    },
    { task: 'Dupire grid, analytic total-variance form (SSVI)', 'quantflow local vols/s': formatRate(nodes / ssviGrid), 'QuantLib (python loop) local vols/s': '—', '× QuantLib': '—' },
  ]);
  console.log(`FD local-vol call K = ${CASE.K}, T = 1, ${GRID.nt} × ${GRID.nx}; error against the surface's own Black price ${truth}`);
  console.table([
    { engine: 'quantflow FdLocalVolVanillaEngine (CN, no damping)', 'ms/price': (fdSeconds * 1e3).toFixed(1), NPV: npv.toFixed(8), error: (npv - truth).toExponential(2) },
    { engine: 'quantflow FdLocalVolVanillaEngine (CN + Rannacher, default)', 'ms/price': (fdRannacherSeconds * 1e3).toFixed(1), NPV: npvRannacher.toFixed(8), error: (npvRannacher - truth).toExponential(2) },
    typeof ql === 'string'
      ? { engine: `QuantLib: skipped (${ql})`, 'ms/price': '—', NPV: '—', error: '—' }
      : { engine: 'QuantLib 1.29 FdBlackScholesVanillaEngine localVol=True (Douglas)', 'ms/price': (ql.fd_seconds * 1e3).toFixed(1), NPV: ql.fd_npv.toFixed(8), error: (ql.fd_npv - truth).toExponential(2) },
  ]);
  if (typeof ql !== 'string') console.log(`× QuantLib speed (FD price): ${(ql.fd_seconds / fdSeconds).toFixed(2)}; QuantLib reference NPV ${CASE.fd_localvol_npv}`);
  runSpx(today);
}

/** D_q(t) = F(t)/S0 from a surface's forward: forward measure (r = 0) on the surface's own forwards. */
class ForwardCarry extends YieldTermStructure {
  constructor(private readonly surface: SsviSurface, private readonly s0: number, referenceDate: Date) {
    super({ referenceDate });
  }
  protected discountImpl(t: number): number {
    return this.surface.forward(t) / this.s0;
  }
}

/** The SPX section: SSVI fit, analytic Dupire grid on it, one 2Y ATM FD call (400 × 1600) re-inverted. */
function runSpx(today: Date): void {
  const text = readFileSync(join(here, '..', 'data', 'spx-implied-vols-gatheral-20230215', 'spx_implied_vol_20230215.csv'), 'utf8');
  const slices = gatheralOptionChain(text, { quoteDate: '2023-02-15' }).slices;
  let fit = fitSsviSurface(slices);
  const fitSeconds = medianSeconds(() => (fit = fitSsviSurface(slices)), Math.min(REPEATS, 3), 1);
  const surface = new SsviSurface(fit.parameters, { referenceDate: today });
  const s0 = surface.forward(0);
  const process_ = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(s0)),
    new Handle<YieldTermStructure>(new ForwardCarry(surface, s0, today)),
    new Handle<YieldTermStructure>(new FlatForward(0, { referenceDate: today })),
    new Handle<BlackVolTermStructure>(surface),
  );
  const lv = LocalVolSurface.fromTotalVariance(surface);
  const times = Float64Array.from({ length: GRID.nt }, (_, i) => (2 * (i + 1)) / GRID.nt);
  const spots = Float64Array.from({ length: GRID.nx }, (_, j) => s0 * Math.exp(-1.5 + (2 * j) / (GRID.nx - 1)));
  const out = new Float64Array(GRID.nt * GRID.nx);
  const gridSeconds = medianSeconds(() => localVolGrid(lv, times, spots, out), REPEATS, 1);
  const days = 730;
  const T = days / 365;
  const K = surface.forward(T);
  const args: VanillaOptionArguments = { payoff: new PlainVanillaPayoff(OptionType.Call, K), exercise: new EuropeanExercise(today.addDays(days)) };
  const option = new VanillaOption(args.payoff, args.exercise);
  const engine = new FdLocalVolVanillaEngine(process_, { tGrid: 1600, xGrid: 400, density: 0.2, localVolatility: lv });
  let npv = 0;
  const fdSeconds = medianSeconds(() => (npv = engine.calculate(args).value), Math.min(REPEATS, 3), 1);
  const implied = vanillaOptionImpliedVolatility(option, npv, process_);
  console.log(`SPX 2023-02-15 (Gatheral, ${slices.length} expiries): power-law SSVI fit, analytic Dupire grid ${GRID.nt} × ${GRID.nx} (t ∈ (0, 2], k ∈ [−1.5, 0.5]), 2Y ATM FD call 400 × 1600`);
  console.table([
    { task: 'fitSsviSurface (48 expiries)', value: `${(fitSeconds * 1e3).toFixed(0)} ms` },
    { task: 'Dupire grid on the SPX SSVI', value: `${formatRate((GRID.nt * GRID.nx) / gridSeconds)} local vols` },
    { task: 'FD local-vol call, 2Y ATM, 400 × 1600', value: `${(fdSeconds * 1e3).toFixed(0)} ms` },
    { task: 'its σ_FD − σ_SSVI', value: `${((implied - surface.blackVol(T, K)) * 1e4).toFixed(2)} bp` },
  ]);
}
