// No-arbitrage in strike (fast-check): option values fall (calls) or rise (puts) with the strike
// and are convex in it — for the analytic European engine exactly (up to round-off) and for the
// Leisen–Reimer American tree up to its discretisation error.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BinomialVanillaEngine } from '../../../engines/blackscholes/BinomialVanillaEngine.js';
import { LeisenReimer } from '../../../engines/trees/LeisenReimer.js';
import type { VanillaOption } from '../../../instruments/VanillaOption.js';
import { americanOption, europeanOption, flatMarket, OptionType, setToday } from '../../_lib/market.js';

beforeEach(setToday);

const market = fc.record({
  S: fc.double({ min: 50, max: 200, noNaN: true }),
  r: fc.double({ min: -0.01, max: 0.08, noNaN: true }),
  q: fc.double({ min: 0, max: 0.05, noNaN: true }),
  vol: fc.double({ min: 0.05, max: 0.8, noNaN: true }),
  days: fc.integer({ min: 7, max: 1500 }),
  K: fc.double({ min: 40, max: 250, noNaN: true }),
  dK: fc.double({ min: 0.5, max: 20, noNaN: true }),
  call: fc.boolean(),
});

function check(values: [number, number, number], type: OptionType, tol: number): void {
  const [lo, mid, hi] = values;
  if (type === OptionType.Call) expect(lo + tol).toBeGreaterThanOrEqual(mid), expect(mid + tol).toBeGreaterThanOrEqual(hi);
  else expect(hi + tol).toBeGreaterThanOrEqual(mid), expect(mid + tol).toBeGreaterThanOrEqual(lo);
  expect(lo - 2 * mid + hi).toBeGreaterThanOrEqual(-tol);
}

describe('monotone and convex in strike', () => {
  it('AnalyticEuropeanEngine (round-off tolerance 1e-12·S)', () => {
    fc.assert(
      fc.property(market, ({ S, r, q, vol, days, K, dK, call }) => {
        const m = flatMarket(S, r, q, vol);
        const type = call ? OptionType.Call : OptionType.Put;
        const npv = (k: number) => {
          const o = europeanOption(type, k, days);
          o.setPricingEngine(m.engine);
          return o.NPV();
        };
        check([npv(K - dK), npv(K), npv(K + dK)] as [number, number, number], type, 1e-12 * S);
      }),
      { numRuns: 300 },
    );
  });

  it('American options on a 301-step Leisen–Reimer tree (tolerance 1e-3·S: the tree error at 301 steps)', () => {
    fc.assert(
      fc.property(market, ({ S, r, q, vol, days, K, dK, call }) => {
        // The tree is centred on each strike; keep every strike within 6 standard deviations.
        const sd = vol * Math.sqrt(days / 365);
        fc.pre([K - dK, K + dK].every((k) => Math.abs(Math.log(S / k)) < 6 * sd));
        const m = flatMarket(S, r, q, vol);
        const type = call ? OptionType.Call : OptionType.Put;
        const engine = new BinomialVanillaEngine(m.process, LeisenReimer, 301);
        const npv = (k: number) => {
          const o: VanillaOption = americanOption(type, k, days);
          o.setPricingEngine(engine);
          return o.NPV();
        };
        check([npv(K - dK), npv(K), npv(K + dK)] as [number, number, number], type, 1e-3 * S);
      }),
      { numRuns: 60 },
    );
  });
});
