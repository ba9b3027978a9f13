// The desk's second rates model: a LIBOR market model calibrated to the SOFR caplets and the 5 × 5
// ATM normal swaption matrix of 2025-01-31 over the desk's SOFR OIS curve, pricing a 5-year
// Bermudan payer swaption (1Y no-call, annual exercise) by Longstaff–Schwartz on Sobol paths,
// beside Hull–White's tree on the same swaption. A vol-quote or SOFR-quote tick recalibrates the
// model once (warm-started) and reprices the swaption.
import type { LmmCalibrationResult } from '../../engines/lmm/calibrateLiborMarketModel.js';
import { LmmCalibratedModel } from '../../engines/lmm/LmmCalibratedModel.js';
import { McLmmSwaptionEngine } from '../../engines/lmm/McLmmSwaptionEngine.js';
import { TreeSwaptionEngine } from '../../engines/hullwhite/tree/TreeSwaptionEngine.js';
import type { Swaption } from '../../instruments/Swaption.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { deskHullWhiteParameters } from './bermudanSwaptionOnDesk.js';
import { readSofrCapletVols } from './data/readSofrCapletVols.js';
import { readSofrSwaptionVols } from '../hullwhite/readSofrSwaptionVols.js';
import type { SofrOisCurve } from './sofrOisCurve.js';
import { sofrBermudanPayer } from './_lib/sofrBermudanPayer.js';

const dataDir = new URL('../../data/usd-sofr-caps-swaptions/', import.meta.url);

/** The LMM what-if: its calibrated model, the swaption, the LMM and Hull–White engines, the live vol quotes. */
export interface LmmOnDesk {
  readonly model: LmmCalibratedModel;
  /** Payer Bermudan into the swap from spot + 1Y to spot + 5Y, exercisable at spot + 1Y … 4Y. */
  readonly swaption: Swaption;
  /** The LMM engine (set on the swaption). */
  readonly lmm: McLmmSwaptionEngine;
  /** Hull–White's tree on the same swaption (desk parameters), to swap in. */
  readonly hullWhite: TreeSwaptionEngine;
  /** The 25 swaption vol quotes (normal, decimals), expiry-major. */
  readonly swaptionQuotes: readonly SimpleQuote[];
  /** ATM strike at build time. */
  readonly strike: number;
}

/**
 * Builds the LMM what-if on the desk's SOFR curve.
 * @param sofr - the desk's SOFR OIS curve and quotes.
 * @param options - Sobol paths for the engine (default 4096) and Brownian factors of the model (default 3;
 *   the closed forms and the paths then see the same rank-3 correlation).
 */
export function lmmOnDesk(sofr: SofrOisCurve, options: { paths?: number; factors?: number } = {}): LmmOnDesk {
  const curve = new Handle<YieldTermStructure>(sofr.curve);
  const factors = options.factors ?? 3;
  // Quarterly rate times 0.25 … 10 on the curve's clock (the data set's grid).
  const rateTimes = Array.from({ length: 40 }, (_, i) => 0.25 * (i + 1));
  const caps = readSofrCapletVols(new URL('cap_curves_2025-01-31.csv', dataDir));
  // Caplet on the quarter ending at T_e is forward index T_e/0.25 − 2; fixings ≥ 1Y (sub-1Y vols are synthetic).
  const caplets = caps.accrualEnds.map((te, j) => ({ te, vol: caps.vols[j] as number })).filter((c) => c.te >= 1.25).map((c) => ({ index: Math.round(c.te / 0.25) - 2, volatility: c.vol }));
  const matrix = readSofrSwaptionVols(new URL('swaption_ivols_2025-01-31.normal_vol_ATM.csv', dataDir), '2025-01-31');
  const swaptionQuotes: SimpleQuote[] = [];
  const swaptions = matrix.expiries.flatMap((e, i) =>
    matrix.tenors.map((t, j) => {
      const q = new SimpleQuote((matrix.vols[i] as number[])[j] as number);
      swaptionQuotes.push(q);
      const start = 4 * e - 1;
      return { start, end: start + 4 * t, fixedEvery: 4, kind: 'normal' as const, volatility: new Handle<Quote>(q) };
    }),
  );
  const model = new LmmCalibratedModel(curve, rateTimes, caplets, swaptions, { ...(factors === undefined ? {} : { factors }), globalSeed: { generations: 15 } });

  const { swaption, strike } = sofrBermudanPayer(curve, sofr.spotDate, 1, 5);
  const lmm = new McLmmSwaptionEngine(model, curve, { paths: options.paths ?? 4096, rng: 'sobol', seed: 11, dateTolerance: 10 / 365 });
  const hullWhite = new TreeSwaptionEngine(new HullWhite(curve, deskHullWhiteParameters.a, deskHullWhiteParameters.sigma), 500);
  swaption.setPricingEngine(lmm);
  return { model, swaption, lmm, hullWhite, swaptionQuotes, strike };
}

/** The calibration behind {@link lmmOnDesk}'s model (what `npm start` prints). */
export function lmmDeskCalibration(desk: LmmOnDesk): LmmCalibrationResult {
  return desk.model.calibration();
}

