// Calibrates Hull–White to the 5 × 5 ATM normal SOFR swaption matrix of 2025-01-31 over the SOFR
// OIS curve of the same day. Run: npx tsx examples/hullwhite/sofrSwaptionCalibration.ts
import { calibrateHullWhite, type HullWhiteCalibrationResult, type HullWhiteSwaptionQuote } from '../../engines/hullwhite/calibrateHullWhite.js';
import { makeAtmSwaption } from '../../engines/swaption/makeAtmSwaption.js';
import { selectSwaptionMatrix } from '../../engines/swaption/selectSwaptionMatrix.js';
import { SwapType } from '../../instruments/SwapType.js';
import { IborIndex } from '../../src/indexes/IborIndex.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Currency } from '../../src/money/Currency.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Period } from '../../src/time/Period.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { readSofrSwapQuotes } from '../desk/data/readSofrSwapQuotes.js';
import { sofrOisCurve } from '../desk/sofrOisCurve.js';
import { readSofrSwaptionVols, type SofrSwaptionVols } from './readSofrSwaptionVols.js';

const DATA = new URL('../../data/usd-sofr-caps-swaptions/', import.meta.url);

/** The market of 2025-01-31: SOFR curve, an annual SOFR-style index on it, the ATM swaption quotes. */
export interface SofrSwaptionMarket {
  readonly curve: Handle<YieldTermStructure>;
  readonly index: IborIndex;
  readonly vols: SofrSwaptionVols;
  readonly quotes: HullWhiteSwaptionQuote[];
}

/**
 * Builds the calibration set. The underlying is the SOFR OIS swap (annual fixed Act/360 against
 * compounded SOFR, spot + 2 SOFR business days), represented as a swap on an annual index that
 * forwards on the OIS curve: in a single-curve Hull–White model its floating leg is worth
 * P(t_s) − P(t_e) either way (the OIS payment lag of 2 days is ignored).
 */
export function sofrSwaptionMarket(selection: 'full' | 'diagonal' | 'coterminal' = 'full', maturity?: number): SofrSwaptionMarket {
  const date = '2025-01-31';
  Settings.instance.evaluationDate.set(Date.fromISO(date));
  const { curve: bootstrapped } = sofrOisCurve(readSofrSwapQuotes(new URL('cap_quotes_2025-01-31.sofr.csv', DATA), date));
  bootstrapped.enableExtrapolation();
  const curve = new Handle<YieldTermStructure>(bootstrapped);
  const calendar = new Sofr().fixingCalendar();
  const index = new IborIndex({
    familyName: 'SOFR-OIS-proxy', tenor: Period.parse('1Y'), fixingDays: 2, currency: Currency.USD, fixingCalendar: calendar,
    dayCounter: new Actual360(), convention: BusinessDayConvention.ModifiedFollowing, endOfMonth: false, forwardingTermStructure: curve,
  });
  const vols = readSofrSwaptionVols(new URL('swaption_ivols_2025-01-31.normal_vol_ATM.csv', DATA), date);
  const quotes = selectSwaptionMatrix(vols.expiries, vols.tenors, selection, maturity).map(({ row, column }) => ({
    swaption: makeAtmSwaption({
      expiry: Period.parse(`${vols.expiries[row]}Y`), tenor: Period.parse(`${vols.tenors[column]}Y`), index, fixedLegTenor: Period.parse('1Y'),
      fixedLegDayCounter: new Actual360(), discountCurve: curve, type: SwapType.Payer,
    }),
    volatility: vols.vols[row]![column]!,
    volatilityType: 'normal' as const,
  }));
  return { curve, index, vols, quotes };
}

/** Calibrates a fresh model (start a = 0.05, σ = 0.01) with implied-normal-vol errors. */
export function calibrateSofrHullWhite(market: SofrSwaptionMarket): { model: HullWhite; result: HullWhiteCalibrationResult } {
  const model = new HullWhite(market.curve, 0.05, 0.01);
  const result = calibrateHullWhite(model, market.quotes, { errorType: 'impliedVol' });
  return { model, result };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const market = sofrSwaptionMarket();
  const t0 = performance.now();
  const { result } = calibrateSofrHullWhite(market);
  const ms = performance.now() - t0;
  console.log(`Hull–White on the 5 × 5 ATM normal SOFR swaption matrix of ${market.vols.date}:`);
  console.log(`  a = ${result.a.toFixed(6)}, σ = ${result.sigma.toFixed(6)} (${(result.sigma * 1e4).toFixed(1)} bp), RMSE ${(result.volRmse * 1e4).toFixed(2)} bp of normal vol, ${result.iterations} LM iterations, ${ms.toFixed(0)} ms`);
  const { expiries, tenors } = market.vols;
  console.log('  model − market (bp):');
  expiries.forEach((e, r) => console.log(`   ${e}y: ${tenors.map((_, c) => ((result.modelVols[r * tenors.length + c]! - market.vols.vols[r]![c]!) * 1e4).toFixed(1).padStart(6)).join(' ')}`));
}
