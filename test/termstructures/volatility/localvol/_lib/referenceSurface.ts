// The QuantLib 1.29 `local_vol` reference market (test/reference/quantlib-1.29.json, section
// local_vol): S = 100, flat r and q, a 4-expiry × 11-strike implied-vol matrix.
import { Handle } from '../../../../../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../../../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../../src/quotes/SimpleQuote.js';
import { BlackConstantVol } from '../../../../../termstructures/volatility/BlackConstantVol.js';
import { BlackVarianceSurface } from '../../../../../termstructures/volatility/BlackVarianceSurface.js';
import type { BlackVolTermStructure } from '../../../../../termstructures/volatility/BlackVolTermStructure.js';
import { FlatForward } from '../../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../../termstructures/yield/YieldTermStructure.js';
import { today } from '../../../../_lib/market.js';
import { quantlib } from '../../../../_lib/reference.js';

export interface LocalVolPoint {
  K: number;
  T: number;
  local_vol: number;
  implied_vol_interpolated?: number;
  analytic_forward_vol?: number;
}
export interface FdLocalVolPrice {
  K: number;
  N_days: number;
  T: number;
  type: 'call' | 'put';
  fd_localvol_npv: number;
  bs_npv_at_surface_implied_vol: number;
  surface_implied_vol: number;
}

export const localVolReference = quantlib['local_vol'] as {
  inputs: { S: number; r: number; q: number; expiry_days: number[]; strikes: number[]; implied_vols_rows_by_expiry: number[][] };
  smile_surface: {
    bicubic: { local_vol_points: LocalVolPoint[]; fd_local_vol_prices: FdLocalVolPrice[] };
    bilinear: { local_vol_points: LocalVolPoint[] };
  };
  flat_surface_0p25: { local_vol_points: LocalVolPoint[]; fd_call_K105_T1: number; bs_call_K105_T1: number };
  term_structure_only: { atm_vols_by_expiry: number[]; local_vol_points: LocalVolPoint[] };
};

const inputs = localVolReference.inputs;

/** The reference smile as a BlackVarianceSurface (strikes × dates matrix, as QuantLib). */
export function smileSurface(interpolation: 'bilinear' | 'bicubic'): BlackVarianceSurface {
  const dates = inputs.expiry_days.map((d) => today.addDays(d));
  const vols = inputs.strikes.map((_k, i) => inputs.implied_vols_rows_by_expiry.map((row) => row[i]!));
  return new BlackVarianceSurface(dates, inputs.strikes, vols, { referenceDate: today, interpolation });
}

/** The term-structure-only reference surface: one vol per expiry, flat in strike (bilinear). */
export function termStructureSurface(): BlackVarianceSurface {
  const dates = inputs.expiry_days.map((d) => today.addDays(d));
  const atm = localVolReference.term_structure_only.atm_vols_by_expiry;
  const strikes = [50, 200];
  return new BlackVarianceSurface(dates, strikes, strikes.map(() => atm), { referenceDate: today });
}

/** A process on the reference market (S, r, q) with the given Black surface (default flat 25 %). */
export function referenceProcess(vol: BlackVolTermStructure = new BlackConstantVol(0.25, { referenceDate: today })): GeneralizedBlackScholesProcess {
  const ref = { referenceDate: today };
  return new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(inputs.S)),
    new Handle<YieldTermStructure>(new FlatForward(inputs.q, ref)),
    new Handle<YieldTermStructure>(new FlatForward(inputs.r, ref)),
    new Handle<BlackVolTermStructure>(vol),
  );
}
