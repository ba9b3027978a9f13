// Rough Bergomi hybrid-scheme Monte Carlo: paths·steps per second of the fused kernel (f64x2
// convolution, scalar WASM loop, TypeScript reference; mixed and plain estimators), the time of
// McCrickerd & Pakkanen's published smile at the size its test uses, and the ATM skew term
// structure ψ(T) = |∂σ/∂k|(k = 0) from simulated smiles, fitted to T^(H−½). Asserts nothing.
// `npm run bench -- roughbergomi` (BENCH_REPEATS, default 3; ROUGH_SKEW=0 skips the skew study).
import { roughBergomiSmile } from '../engines/roughbergomi/roughBergomiSmile.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { RoughBergomiModel } from '../src/models/RoughBergomiModel.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const PUBLISHED = { xi0: 0.235 ** 2, eta: 1.9, rho: -0.9, H: 0.07 };
const KS = [-0.1787, 0, 0.1041];

function kernelRates(): void {
  const model = new RoughBergomiModel(PUBLISHED);
  const rows: Array<Record<string, string>> = [];
  for (const steps of [64, 256]) {
    for (const mixed of [true, false]) {
      let ts = 0;
      for (const backend of ['typescript', 'scalar', 'simd'] as BatchBackend[]) {
        if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
        const samples = backend === 'typescript' ? 2000 : 8000;
        const t = medianSeconds(() => roughBergomiSmile(model, 0.25, KS, { samples, steps, mixed, backend, convolution: 'direct' }), REPEATS, 1);
        // Antithetic (the default): each sample walks two price paths over one Volterra path.
        const rate = (samples * steps) / t;
        if (backend === 'typescript') ts = rate;
        rows.push({
          steps: String(steps), estimator: mixed ? 'mixed' : 'plain', impl: backend === 'typescript' ? 'TypeScript reference' : backend === 'scalar' ? 'WASM scalar' : 'WASM f64x2',
          'samples·steps / s': formatRate(rate), 'µs / sample': ((t / samples) * 1e6).toFixed(1),
          'WASM / TS': backend === 'typescript' ? '' : `${(rate / ts).toFixed(2)}×`,
        });
      }
    }
  }
  console.log(`rough Bergomi kernel (hybrid scheme κ = 1, direct convolution), 3 strikes, antithetic, median of ${REPEATS}`);
  console.table(rows);
}

function convolutions(): void {
  const model = new RoughBergomiModel(PUBLISHED);
  const rows: Array<Record<string, string>> = [];
  for (const steps of [128, 256, 512, 1024, 2048]) {
    const samples = Math.max(500, Math.floor(4e6 / (steps * 4)));
    const us: Record<string, number> = {};
    for (const convolution of ['direct', 'fft'] as const) {
      const t = medianSeconds(() => roughBergomiSmile(model, 1, KS, { samples, steps, convolution }), REPEATS, 1);
      us[convolution] = (t / samples) * 1e6;
    }
    rows.push({ steps: String(steps), 'direct µs / sample': us.direct!.toFixed(1), 'FFT µs / sample': us.fft!.toFixed(1), 'direct / FFT': `${(us.direct! / us.fft!).toFixed(2)}×` });
  }
  console.log(`Volterra convolution, WASM (f64x2 direct sum vs scalar radix-2 FFT of size 2^⌈log₂ 2n⌉), mixed, antithetic, median of ${REPEATS}`);
  console.table(rows);
}

function publishedSmile(): void {
  const model = new RoughBergomiModel(PUBLISHED);
  let s = roughBergomiSmile(model, 0.25, KS, { samples: 20000, steps: 256, seed: 7 });
  const t = medianSeconds(() => {
    s = roughBergomiSmile(model, 0.25, KS, { samples: 20000, steps: 256, seed: 7 });
  }, REPEATS, 0);
  console.log(`McCrickerd & Pakkanen smile (ξ = 0.235², η = 1.9, ρ = −0.9, H = 0.07, T = ¼), 20 000 samples × 256 steps, mixed + antithetic + control variate: ${(t * 1e3).toFixed(0)} ms`);
  console.table(KS.map((k, i) => ({ k: String(k), published: String([0.2961, 0.2061, 0.1576][i]), quantflow: s.impliedVols[i]!.toFixed(4), '± se': s.volErrors[i]!.toFixed(4) })));
}

/** OLS slope and its standard error of y on x. */
function ols(x: number[], y: number[]): { slope: number; se: number; intercept: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i]! - intercept - slope * x[i]!) ** 2;
  return { slope, intercept, se: Math.sqrt(rss / (n - 2) / sxx) };
}

function skewTermStructure(): void {
  const rows: Array<Record<string, string>> = [];
  const fits: Array<Record<string, string>> = [];
  for (const H of [0.07, 0.2]) {
    const model = new RoughBergomiModel({ ...PUBLISHED, H });
    const Ts = [1 / 52, 2 / 52, 1 / 12, 2 / 12, 0.25, 0.5, 1];
    const names = ['1W', '2W', '1M', '2M', '3M', '6M', '1Y'];
    const lx: number[] = [];
    const ly: number[] = [];
    Ts.forEach((T, i) => {
      // Central difference on k = ±h, h = 0.1·σ√T: the same paths for both strikes (common random numbers).
      const h = 0.1 * 0.235 * Math.sqrt(T);
      const s = roughBergomiSmile(model, T, [-h, 0, h], { samples: 40000, steps: 128, seed: 11 });
      const psi = (s.impliedVols[0]! - s.impliedVols[2]!) / (2 * h);
      lx.push(Math.log(T));
      ly.push(Math.log(psi));
      rows.push({ H: String(H), T: names[i]!, 'ATM vol': s.impliedVols[1]!.toFixed(4), 'ψ(T)': psi.toFixed(4), 'ψ·T^(½−H)': (psi * Math.pow(T, 0.5 - H)).toFixed(4) });
    });
    const f = ols(lx, ly);
    fits.push({ H: String(H), 'H − ½': (H - 0.5).toFixed(2), 'fitted exponent': f.slope.toFixed(4), '± se (OLS)': f.se.toFixed(4), 'fit on 1W–3M': ols(lx.slice(0, 5), ly.slice(0, 5)).slope.toFixed(4) });
  }
  console.log('ATM skew ψ(T) = |∂σ/∂k|(0) from simulated smiles (η = 1.9, ρ = −0.9, ξ = 0.235²; 40 000 samples × 128 steps per T)');
  console.table(rows);
  console.log('log ψ = a + b log T: fitted b vs H − ½');
  console.table(fits);
}

export function run(): void {
  kernelRates();
  convolutions();
  publishedSmile();
  if (process.env.ROUGH_SKEW !== '0') skewTermStructure();
}
