// TEST helper: the arbitrage-free power-law SSVI surface fitted to Gatheral's SPX implied vols of
// 2023-02-15 (data/spx-implied-vols-gatheral-20230215, 48 expiries, 6,749 bid/ask quotes), and the
// Black–Scholes market it implies for Dupire round trips.
//
// The file gives one forward per expiry and no rates (prices are undiscounted), so the market is
// in forward terms: r = 0, spot S0 = F(0) (the surface's forward curve, ln F linear in T between
// expiries, continued back to 0), and a carry curve D_q(t) = F(t)/S0 (a negative 'dividend yield': the
// forward rises), so that the process's
// forward S0·D_q(t)/D_r(t) is the surface's F(t) at every t. The Dupire local vol of
// `LocalVolSurface.fromTotalVariance` is in k = ln(K/F(t)): a process with any other drift would
// not reprice the surface. Surface times (the file's Texp, ACT/365.25) are read as year fractions
// of the curves' Act/365F day counter; the round trip is internal to that one time axis.
import { readFileSync } from 'node:fs';
import { Handle } from '../../../../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { gatheralOptionChain } from '../../../../src/marketdata/gatheralOptionChain.js';
import type { Date } from '../../../../src/time/Date.js';
import type { BlackVolTermStructure } from '../../../../termstructures/volatility/BlackVolTermStructure.js';
import { fitSsviSurface, type SsviSurfaceFit } from '../../../../termstructures/volatility/ssvi/fitSsviSurface.js';
import { SsviSurface } from '../../../../termstructures/volatility/ssvi/SsviSurface.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';

const file = new URL('../../../../data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', import.meta.url);

let cachedFit: SsviSurfaceFit | undefined;

/** `fitSsviSurface` (power law, `throwOnArbitrage`) on every expiry of the file; fitted once per process. */
export function spxSsviFit(): SsviSurfaceFit {
  if (cachedFit === undefined) {
    const slices = gatheralOptionChain(readFileSync(file, 'utf8'), { quoteDate: '2023-02-15' }).slices;
    cachedFit = fitSsviSurface(slices, { throwOnArbitrage: true });
  }
  return cachedFit;
}

/** D_q(t) = F(t)/S0: the carry that makes the process's forward the surface's. */
export class SurfaceCarryCurve extends YieldTermStructure {
  constructor(
    private readonly surface: SsviSurface,
    private readonly spot: number,
    referenceDate: Date,
  ) {
    super({ referenceDate });
  }
  protected discountImpl(t: number): number {
    return this.surface.forward(t) / this.spot;
  }
}

export interface SpxSsviMarket {
  readonly fit: SsviSurfaceFit;
  readonly surface: SsviSurface;
  /** S0 = F(0), index points. */
  readonly spot: number;
  readonly riskFree: YieldTermStructure;
  readonly dividend: YieldTermStructure;
  readonly process: GeneralizedBlackScholesProcess;
}

/** The fitted surface at `referenceDate` and its forward-measure market (r = 0, q from the forwards). */
export function spxSsviMarket(referenceDate: Date): SpxSsviMarket {
  const fit = spxSsviFit();
  const surface = new SsviSurface(fit.parameters, { referenceDate });
  const spot = surface.forward(0);
  const riskFree = new FlatForward(0, { referenceDate });
  const dividend = new SurfaceCarryCurve(surface, spot, referenceDate);
  const process = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(spot)),
    new Handle<YieldTermStructure>(dividend),
    new Handle<YieldTermStructure>(riskFree),
    new Handle<BlackVolTermStructure>(surface),
  );
  return { fit, surface, spot, riskFree, dividend, process };
}
