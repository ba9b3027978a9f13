// The desk's rates what-if: a 10-year Bermudan payer swaption (1Y no-call, annual exercise) on the
// SOFR OIS curve of 2025-01-31 under Hull–White, by trinomial tree and by FD. The model observes
// the curve handle, so a SOFR quote tick re-bootstraps the curve and reprices the swaption once.
import { FdHullWhiteSwaptionEngine } from '../../engines/hullwhite/fd/FdHullWhiteSwaptionEngine.js';
import { TreeSwaptionEngine } from '../../engines/hullwhite/tree/TreeSwaptionEngine.js';
import type { Swaption } from '../../instruments/Swaption.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { SofrOisCurve } from './sofrOisCurve.js';
import { sofrBermudanPayer } from './_lib/sofrBermudanPayer.js';

/**
 * Hull–White parameters of the what-if when none are given: the calibration to the 5 × 5 ATM
 * normal swaption matrix of 2025-01-31 over this curve (RMSE 1.01 bp of normal vol;
 * examples/hullwhite/sofrSwaptionCalibration.ts, docs/models/hull-white.md).
 */
export const deskHullWhiteParameters = { a: 0.021692, sigma: 0.010737 } as const;

/** The swaption, its model and its two engines. */
export interface BermudanSwaptionOnDesk {
  /** Payer Bermudan: exercise on each fixed accrual start spot+1Y … spot+9Y into the swap to spot+10Y. */
  readonly swaption: Swaption;
  /** Hull–White over a handle on the SOFR curve. */
  readonly model: HullWhite;
  /** Trinomial tree engine (the one set on the swaption). */
  readonly tree: TreeSwaptionEngine;
  /** Crank–Nicolson engine, to swap in. */
  readonly fd: FdHullWhiteSwaptionEngine;
  /** The strike: the forward swap's par rate at build time (ATM), decimal. */
  readonly strike: number;
}

/**
 * Builds the desk's Bermudan swaption on the SOFR OIS curve (single curve: annual fixed vs annual
 * SOFR-like floating, both Act/360, ModifiedFollowing on the SOFR calendar, nominal 10 million).
 * @param sofr - the bootstrapped SOFR curve and its live quotes.
 * @param options - Hull–White a and σ (default {@link deskHullWhiteParameters}); tree steps (default 500).
 */
export function bermudanSwaptionOnDesk(sofr: SofrOisCurve, options: { a?: number; sigma?: number; timeSteps?: number } = {}): BermudanSwaptionOnDesk {
  const curve = new Handle<YieldTermStructure>(sofr.curve);
  const { swaption, strike } = sofrBermudanPayer(curve, sofr.spotDate, 1, 10);
  const model = new HullWhite(curve, options.a ?? deskHullWhiteParameters.a, options.sigma ?? deskHullWhiteParameters.sigma);
  const tree = new TreeSwaptionEngine(model, options.timeSteps ?? 500);
  const fd = new FdHullWhiteSwaptionEngine(model, { tGrid: 200, xGrid: 200 });
  swaption.setPricingEngine(tree);
  return { swaption, model, tree, fd, strike };
}
