import { InvalidInputError } from '../../src/errors.js';
import { KRONROD_NODES, KRONROD_WEIGHTS } from '../../src/math/integration/_lib/kronrod15.js';
import { checkRoughHestonBatchInputs } from './_lib/batchInputs.js';
import { adamsRoughHestonLogCf } from './adamsRoughHestonLogCf.js';
import { roughHestonCfDecay, type RoughHestonBatchInputs, type RoughHestonBatchOutputs, type RoughHestonFourierOptions } from './cosRoughHestonBatch.js';

// Panels of width 1 below u = 8 (the poles of 1/(u² + ¼) at ±i/2 would cost accuracy on wider
// ones: a 15-point rule on [0, 4] is only ~6e-4 relative there), 4 above.
const panelEdge = (p: number): number => (p <= 8 ? p : 8 + 4 * (p - 8));

/**
 * European calls and puts under rough Heston on a strike × maturity grid by Lewis's (2001)
 * single integral, the quadrature nodes shared by every maturity (a second inversion beside
 * {@link cosRoughHestonBatch}).
 *
 * @remarks
 * With X = ln(S_T/F_T) and k = ln(K/F): undiscounted c = F − (√(FK)/π) ∫₀^∞ Re[e^{−iuk} φ_X(u − i/2)]
 * du/(u² + ¼) (Lewis 2001, eq. (3.11); Gatheral 2006, eq. (2.10)); C = D_r·c, puts by parity. The
 * integral runs over panels (width 1 below u = 8, 4 above) with the 15-point Kronrod rule, up to U_j where
 * e^{−βU}/(¼ + U²) ≤ tolerance (β the large-u decay, `roughHestonCfDecay`); the nodes are
 * grouped by the maturities that need them, and the route is called once per group at the complex
 * nodes u − i/2. The `truncation` option is ignored.
 * Source: A. Lewis (2001), "A simple option formula for general jump-diffusion and other
 * exponential Lévy processes", Envision Financial Systems; J. Gatheral (2006), The Volatility
 * Surface, Wiley, §2.
 * Checked against: `test/engines/roughheston/lewisRoughHestonBatch.test.ts` (against COS on
 * QuantLib's rough Heston set, parity).
 * @param inputs - as {@link cosRoughHestonBatch}.
 * @param options - route, Adams options, tolerance (default 1e-8).
 * @returns calls and puts (maturity-major) and the number of quadrature nodes per maturity.
 * @throws InvalidInputError when an input is outside its range.
 * @public
 */
export function lewisRoughHestonBatch(inputs: RoughHestonBatchInputs, options: RoughHestonFourierOptions = {}): RoughHestonBatchOutputs {
  const { spot, strikes } = inputs;
  const { params, T, r, q } = checkRoughHestonBatchInputs(inputs);
  const m = strikes.length;
  const n = T.length;
  const tol = options.tolerance ?? 1e-8;
  if (!(tol > 0 && tol < 0.1)) throw InvalidInputError.outOfRange('tolerance', tol, '(0, 0.1)');
  const route = options.route ?? 'adams';
  if (route !== 'adams' && typeof route !== 'function') throw InvalidInputError.outOfRange('route', route, "'adams' or a RoughHestonLogCf function");
  const logCf = route === 'adams' ? adamsRoughHestonLogCf(options.adams) : route;

  // Panels per maturity (non-increasing in T), nodes 15 per panel.
  const panels = T.map((t) => {
    const beta = roughHestonCfDecay(params, t);
    let u = 1;
    while (u < 1e6 && Math.exp(-beta * u) / (0.25 + u * u) > tol) u *= 1.05;
    let p = 1;
    while (panelEdge(p) < u) p++;
    return Math.max(2, p);
  });
  for (let j = n - 2; j >= 0; j--) panels[j] = Math.max(panels[j]!, panels[j + 1]!);
  const nodes = 15 * panels[0]!;
  const u = new Float64Array(nodes);
  const w = new Float64Array(nodes);
  for (let p = 0; p < panels[0]!; p++) {
    const c = 0.5 * (panelEdge(p) + panelEdge(p + 1));
    const h = 0.5 * (panelEdge(p + 1) - panelEdge(p));
    for (let k = 0; k < 15; k++) {
      const idx = k < 8 ? k : 14 - k; // ±x_i, x_7 = 0 once
      const x = k < 8 ? -KRONROD_NODES[idx]! : KRONROD_NODES[idx]!;
      u[15 * p + k] = c + h * x;
      w[15 * p + k] = h * KRONROD_WEIGHTS[idx]!;
    }
  }
  const lre = new Float64Array(nodes * n);
  const lim = new Float64Array(nodes * n);
  for (let j = n - 1; j >= 0; j--) {
    const k0 = j === n - 1 ? 0 : 15 * panels[j + 1]!;
    const k1 = 15 * panels[j]!;
    for (let a = k0; a < k1; ) {
      let b = a + 15;
      while (b < k1 && u[b]! < Math.max(2 * u[a]!, 16)) b += 15;
      b = Math.min(b, k1);
      const len = b - a;
      const out = logCf(params, u.slice(a, b), new Float64Array(len).fill(-0.5), T.slice(0, j + 1));
      for (let jj = 0; jj <= j; jj++) {
        for (let k = a; k < b; k++) {
          lre[jj * nodes + k] = out.re[jj * len + (k - a)]!;
          lim[jj * nodes + k] = out.im[jj * len + (k - a)]!;
        }
      }
      a = b;
    }
  }
  const calls = new Float64Array(n * m);
  const puts = new Float64Array(n * m);
  const terms = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const t = T[j]!;
    const F = spot * Math.exp((r[j]! - q[j]!) * t);
    const D = Math.exp(-r[j]! * t);
    const N = 15 * panels[j]!;
    terms[j] = N;
    for (let i = 0; i < m; i++) {
      const K = strikes[i]!;
      const k = Math.log(K / F);
      let s = 0;
      for (let e = 0; e < N; e++) {
        const x = u[e]!;
        // Re[e^{−iuk}·e^{l}] with l = lre + i·lim.
        s += (w[e]! * Math.exp(lre[j * nodes + e]!) * Math.cos(lim[j * nodes + e]! - x * k)) / (x * x + 0.25);
      }
      const c = F - (Math.sqrt(F * K) / Math.PI) * s;
      calls[j * m + i] = D * c;
      puts[j * m + i] = D * (c - F + K);
    }
  }
  return { calls, puts, terms };
}
