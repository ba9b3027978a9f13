// Local-vol round trip (issue 5): on an arbitrage-free SSVI surface, FD local-vol prices of
// vanillas, re-inverted to Black vols, are within 10 bp of the surface's own implied vols for
// T from 1 month to 2 years and |k| ≤ 0.3.
import { beforeAll, describe, expect, it } from 'vitest';
import { vanillaOptionImpliedVolatility } from '../../../engines/blackscholes/formulas/vanillaOptionImpliedVolatility.js';
import { FdLocalVolVanillaEngine } from '../../../engines/localvol/FdLocalVolVanillaEngine.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import type { BlackVolTermStructure } from '../../../termstructures/volatility/BlackVolTermStructure.js';
import { LocalVolSurface } from '../../../termstructures/volatility/LocalVolSurface.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { europeanOption, OptionType, setToday, today } from '../../_lib/market.js';
import { SsviTestSurface, ssviParameters } from './_lib/ssviTestSurface.js';

const S = 100;
const r = 0.03;
const q = 0.01;
const maturities = [
  ['1M', 30],
  ['3M', 91],
  ['6M', 182],
  ['1Y', 365],
  ['2Y', 730],
] as const;
const ks = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3];

describe('FD local vol round trip on SSVI (ρ = −0.7, η = 1, γ = 0.4; ATM vol 15 %→20 %)', () => {
  beforeAll(setToday);

  it('re-inverted implied vols within 10 bp of σ_BS(k, T) for |k| ≤ 0.3, T = 1M … 2Y', () => {
    setToday();
    const ssvi = new SsviTestSurface(ssviParameters, S, r, q, today);
    const ref = { referenceDate: today };
    const bsProcess = new GeneralizedBlackScholesProcess(
      new Handle<Quote>(new SimpleQuote(S)),
      new Handle<YieldTermStructure>(new FlatForward(q, ref)),
      new Handle<YieldTermStructure>(new FlatForward(r, ref)),
      new Handle<BlackVolTermStructure>(ssvi),
    );
    const localVolatility = LocalVolSurface.fromTotalVariance(ssvi);
    // At 1M, k = 0.3 is ~8 standard deviations out (a call worth 7e-16): the grid must resolve
    // that tail. Measured worst errors at 1M: 14 bp on 400 × 200 (density 0.1), 3.7 bp on
    // 800 × 200 (density 0.2); from 3M on, 400 × 100 keeps every point under 2 bp.
    const fine = new FdLocalVolVanillaEngine(bsProcess, { tGrid: 200, xGrid: 800, density: 0.2, localVolatility });
    const coarse = new FdLocalVolVanillaEngine(bsProcess, { tGrid: 100, xGrid: 400, density: 0.2, localVolatility });
    const report: Record<string, string> = {};
    for (const [label, days] of maturities) {
      const T = days / 365;
      let worst = 0;
      for (const k of ks) {
        const K = ssvi.forward(T) * Math.exp(k);
        const option = europeanOption(k < 0 ? OptionType.Put : OptionType.Call, K, days);
        option.setPricingEngine(days < 60 ? fine : coarse);
        const implied = vanillaOptionImpliedVolatility(option, option.NPV(), bsProcess);
        const target = ssvi.blackVol(T, K);
        const err = Math.abs(implied - target);
        worst = Math.max(worst, err);
        // 10 bp of vol = 1e-3 (the requirement).
        expect.soft(err, `T=${label} k=${k} K=${K}: implied ${implied} vs surface ${target}`).toBeLessThan(1e-3);
        if (process.env['LV_DEBUG']) console.log(label, k, implied, target, (implied - target) * 1e4);
      }
      report[label] = `${(worst * 1e4).toFixed(2)} bp`;
    }
    console.log('max |σ_FD − σ_SSVI| per maturity:', report);
  });
});
