import { ArbitrageError } from '../../../src/errors.js';
import type { VolSurfaceArbitrageDiagnostics } from '../ssvi/VolSurfaceArbitrageDiagnostics.js';
import type { VolSurfaceFitOptions } from '../ssvi/VolSurfaceFitOptions.js';
import type { VolSurfaceFitQuality, VolSurfaceSliceFit } from '../ssvi/VolSurfaceFitQuality.js';
import { defaultKGrid } from '../ssvi/_lib/surfaceDiagnostics.js';
import { checkSurfaceQuotes, pooled, sliceFit } from '../ssvi/_lib/surfaceQuotes.js';
import { fitSviSmile, type SviFit, type SviSmileQuotes } from './fitSviSmile.js';
import type { SviArbitrageDiagnostics } from './SviArbitrageDiagnostics.js';
import { SviSurface } from './SviSurface.js';
import type { SviSurfaceSlice } from './SviSurfaceSlice.js';
import { sviW } from './_lib/sviFormulas.js';

/**
 * The result of {@link fitSviSurface}.
 * @public
 */
export interface SviSurfaceFit extends VolSurfaceFitQuality {
  /** The fitted slices in expiry order. */
  readonly parameters: readonly SviSurfaceSlice[];
  /** Surface diagnostics: min g per slice on the grid, min ∂w/∂T per strike. */
  readonly diagnostics: VolSurfaceArbitrageDiagnostics;
  /** Each slice's own butterfly diagnostics (from {@link fitSviSmile}). */
  readonly sliceDiagnostics: readonly SviArbitrageDiagnostics[];
  /** Per expiry fit quality and fitted vols. */
  readonly slices: readonly VolSurfaceSliceFit[];
}

/**
 * Fits an SVI surface: raw SVI per expiry in maturity order, each slice with no butterfly
 * arbitrage (g ≥ 0) and no calendar arbitrage against the previous one (w_i(k) ≥ w_{i−1}(k) on the
 * k-grid, wing slopes non-decreasing) enforced inside its fit.
 *
 * @remarks
 * Slice i is {@link fitSviSmile} with `calendarFloor` = slice i − 1 on `kGrid` and its g-grid
 * widened to cover `kGrid`; the surface interpolates w linearly in T at fixed k
 * ({@link SviSurface}), so ∂w/∂T ≥ 0 on the grid follows from the floors.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §2 (calendar: w non-decreasing in T; butterfly: g ≥ 0), §3.1 (raw SVI),
 * and §5 (slice-by-slice fitting in maturity order).
 * Checked against: the 48 SPX expiries of 2023-02-15 with clean diagnostics
 * (test/termstructures/volatility/ssvi/surfacesSpx.test.ts); recovery of a calendar-free SVI
 * surface from its own vols (test/termstructures/volatility/svi/sviSurface.test.ts).
 *
 * @param quotes - per expiry (strictly increasing times) T, F, strikes (ascending) and bid/ask(/mid) vols; n ≥ 5 each.
 * @param options - weights' floor, check grid, throwing.
 * @returns slices, diagnostics and fit quality (pooled and per expiry).
 * @throws InvalidInputError for quotes out of range (naming `quotes[i].<field>[j]`).
 * @throws ArbitrageError with `throwOnArbitrage` when the diagnostics are not clean.
 * @public
 */
export function fitSviSurface(quotes: readonly SviSmileQuotes[], options: VolSurfaceFitOptions = {}): SviSurfaceFit {
  const minHalfSpread = options.minHalfSpread ?? 0.0005;
  const checked = checkSurfaceQuotes(quotes, minHalfSpread, 5);
  const grid = Float64Array.from(options.kGrid ?? defaultKGrid());
  const gMin = grid.reduce((m, v) => Math.min(m, v), Infinity);
  const gMax = grid.reduce((m, v) => Math.max(m, v), -Infinity);
  const fits: SviFit[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const c = checked[i] as (typeof checked)[number];
    const kMin = c.k[0] as number;
    const kMax = c.k[c.k.length - 1] as number;
    const span = Math.max(kMax - kMin, 1e-3);
    const prev = fits[i - 1];
    fits.push(
      fitSviSmile(quotes[i] as SviSmileQuotes, {
        minHalfSpread,
        gridRange: [Math.min(gMin, kMin - 0.5 * span), Math.max(gMax, kMax + 0.5 * span)],
        ...(prev === undefined ? {} : { calendarFloor: { parameters: prev.parameters, grid } }),
      }),
    );
  }
  const parameters = Object.freeze(fits.map((f) => Object.freeze({ time: f.time, forward: f.forward, parameters: f.parameters })));
  const surface = new SviSurface(parameters);
  const diagnostics = surface.arbitrageDiagnostics(grid);
  if (options.throwOnArbitrage === true && !diagnostics.arbitrageFree) {
    throw new ArbitrageError(`fitSviSurface: the fitted surface has static arbitrage on the grid (min g = ${diagnostics.minG}, min ∂w/∂T = ${diagnostics.minDwdtOverall})`, { diagnostics, parameters });
  }
  const slices = checked.map((c, i) => sliceFit(c, (k) => sviW((fits[i] as SviFit).parameters, k)));
  return Object.freeze({ parameters, diagnostics, sliceDiagnostics: Object.freeze(fits.map((f) => f.diagnostics)), slices: Object.freeze(slices), ...pooled(slices) });
}
