import { ArbitrageError, InvalidInputError } from '../../../src/errors.js';
import { levenbergMarquardt } from '../../../src/math/optimization/levenbergMarquardt.js';
import type { SviSmileQuotes } from '../svi/fitSviSmile.js';
import type { SsviParameters } from './SsviParameters.js';
import type { SsviPhi } from './SsviPhi.js';
import { SsviSurface } from './SsviSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from './VolSurfaceArbitrageDiagnostics.js';
import type { VolSurfaceFitOptions } from './VolSurfaceFitOptions.js';
import type { VolSurfaceFitQuality, VolSurfaceSliceFit } from './VolSurfaceFitQuality.js';
import { essviPoint, type EssviPoint } from './_lib/essviFormulas.js';
import { ssviPsi } from './_lib/EssviModel.js';
import { checkSurfaceQuotes, increasing, pooled, sliceFit } from './_lib/surfaceQuotes.js';

/**
 * Options of {@link fitSsviSurface}.
 * @public
 */
export interface SsviFitOptions extends VolSurfaceFitOptions {
  /** The curvature function fitted: `'powerLaw'` (η, γ; default) or `'heston'` (λ). */
  readonly phi?: 'powerLaw' | 'heston';
}

/**
 * The result of {@link fitSsviSurface}.
 * @public
 */
export interface SsviSurfaceFit extends VolSurfaceFitQuality {
  /** The fitted parameters (θ_i from the ATM quotes, ρ, φ). */
  readonly parameters: SsviParameters;
  /** Arbitrage diagnostics of the fitted surface. */
  readonly diagnostics: VolSurfaceArbitrageDiagnostics;
  /** Per expiry fit quality and fitted vols. */
  readonly slices: readonly VolSurfaceSliceFit[];
}

/**
 * Fits an SSVI surface (one ρ and φ for all expiries) to per-expiry bid/ask implied vols, free of
 * static arbitrage by construction.
 *
 * @remarks
 * θ_i: the mid total variance at k = 0 of each expiry (linear in k between the bracketing
 * strikes), made strictly increasing by isotonic regression (∂θ/∂T ≥ 0). Then (ρ, φ's parameters)
 * minimise Σ ((σ_SSVI − σ_mid)/h)² over all quotes (h the half-spread, floored at
 * `minHalfSpread`) by Levenberg–Marquardt (at most 80 iterations) from two starts (ρ = −0.8, −0.3), on a domain
 * where the no-arbitrage conditions hold identically: power law with η = u·2/(1 + |ρ|), u ∈ (0, 1],
 * γ ∈ (0, 1/2] (then θφ(1 + |ρ|) < 4, θφ²(1 + |ρ|) ≤ 4, 0 ≤ ∂_θ(θφ) ≤ φ); Heston-like with
 * λ ≥ (1 + |ρ|)/4. The diagnostics check the result on the grid.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §4 (Thms 4.1, 4.2, Cor. 4.1, eq. 4.5); R. E. Barlow et al. (1972),
 * Statistical Inference under Order Restrictions (pool-adjacent-violators).
 * Checked against: parameters recovered from an SSVI surface's own vols, the 48 SPX expiries of
 * 2023-02-15 with clean diagnostics (test/termstructures/volatility/ssvi/surfacesSpx.test.ts).
 *
 * @param quotes - per expiry (strictly increasing times) T, F, strikes (ascending) and bid/ask(/mid) vols; n ≥ 1 each.
 * @param options - φ family, weights' floor, check grid, throwing.
 * @returns parameters, diagnostics and fit quality (pooled and per expiry).
 * @throws InvalidInputError for quotes out of range (naming `quotes[i].<field>[j]`).
 * @throws ArbitrageError with `throwOnArbitrage` when the diagnostics are not clean.
 * @public
 */
export function fitSsviSurface(quotes: readonly SviSmileQuotes[], options: SsviFitOptions = {}): SsviSurfaceFit {
  const slices = checkSurfaceQuotes(quotes, options.minHalfSpread ?? 0.0005, 1);
  const family = options.phi ?? 'powerLaw';
  if (family !== 'powerLaw' && family !== 'heston') throw InvalidInputError.outOfRange('options.phi', family, "{'powerLaw', 'heston'}");
  const thetas = increasing(slices.map((s) => s.atmW));
  const total = slices.reduce((n, s) => n + s.k.length, 0);
  const phiOf = (x: ArrayLike<number>): SsviPhi => {
    const rho = x[0] as number;
    return family === 'powerLaw'
      ? { type: 'powerLaw', eta: ((x[1] as number) * 2) / (1 + Math.abs(rho)), gamma: x[2] as number }
      : { type: 'heston', lambda: (1 + Math.abs(rho)) / 4 + (x[1] as number) };
  };
  const pt: EssviPoint = { w: 0, dwdk: 0, d2wdk2: 0, dwdtheta: 0, dwdpsi: 0, dwdc: 0 };
  const residuals = (x: Float64Array, out: Float64Array): void => {
    const rho = x[0] as number;
    const phi = phiOf(x);
    let j = 0;
    slices.forEach((s, i) => {
      const theta = thetas[i] as number;
      const psi = ssviPsi(phi, theta).psi;
      for (let q = 0; q < s.k.length; q++) {
        const w = essviPoint(s.k[q] as number, theta, psi, rho * psi, pt).w;
        out[j++] = (Math.sqrt(Math.max(w, 0) / s.time) - (s.mid[q] as number)) / (s.h[q] as number);
      }
    });
  };
  const lower = family === 'powerLaw' ? [-0.999, 1e-4, 1e-3] : [-0.999, 0];
  const upper = family === 'powerLaw' ? [0.999, 1, 0.5] : [0.999, 1e4];
  let best: { x: Float64Array; cost: number } | undefined;
  for (const rho0 of [-0.8, -0.3]) {
    const x0 = family === 'powerLaw' ? Float64Array.of(rho0, 0.5, 0.4) : Float64Array.of(rho0, 1);
    const r = levenbergMarquardt(residuals, x0, { residualCount: total, lower, upper, maxIterations: 80, tolerance: 1e-9 });
    if (best === undefined || r.cost < best.cost) best = r;
  }
  const x = (best as { x: Float64Array }).x;
  const parameters: SsviParameters = Object.freeze({
    times: Float64Array.from(slices, (s) => s.time),
    thetas,
    forwards: Float64Array.from(slices, (s) => s.forward),
    rho: x[0] as number,
    phi: Object.freeze(phiOf(x)),
  });
  const surface = new SsviSurface(parameters);
  const diagnostics = surface.arbitrageDiagnostics(options.kGrid);
  if (options.throwOnArbitrage === true && !diagnostics.arbitrageFree) {
    throw new ArbitrageError(`fitSsviSurface: the fitted surface has static arbitrage on the grid (min g = ${diagnostics.minG}, min ∂w/∂T = ${diagnostics.minDwdtOverall})`, { diagnostics, parameters });
  }
  const fits = slices.map((s) => sliceFit(s, (k) => surface.totalVarianceDerivatives(k, s.time).w));
  return Object.freeze({ parameters, diagnostics, slices: Object.freeze(fits), ...pooled(fits) });
}
