// @test SabrSurface
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatheralOptionChain } from '../../../src/marketdata/gatheralOptionChain.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { SabrFittedSmileSection } from '../../../termstructures/volatility/sabr/SabrFittedSmileSection.js';
import { SabrSmileSection } from '../../../termstructures/volatility/sabr/SabrSmileSection.js';
import { SabrSurface } from '../../../termstructures/volatility/sabr/SabrSurface.js';
import { sabrVolatility } from '../../../termstructures/volatility/sabr/sabrVolatility.js';

const P1 = { alpha: 0.2, beta: 1, nu: 0.9, rho: -0.6 };
const P2 = { alpha: 0.18, beta: 1, nu: 0.5, rho: -0.4 };

describe('SabrSurface', () => {
  const s1 = new SabrSmileSection(0.25, 100, P1);
  const s2 = new SabrSmileSection(1, 103, P2);

  it('equals the slices at their expiries and interpolates α, ρ, ν linearly in T (or √T), ln F linearly in T', () => {
    const lin = new SabrSurface([s1, s2]);
    const sq = new SabrSurface([s1, s2], { interpolation: 'sqrtTime' });
    for (const K of [70, 100, 130]) {
      expect(lin.volatility(0.25, K)).toBeCloseTo(s1.volatility(K), 15);
      expect(lin.volatility(1, K)).toBeCloseTo(s2.volatility(K), 15);
    }
    const T = 0.5;
    const w = (T - 0.25) / 0.75;
    const ws = (Math.sqrt(T) - 0.5) / 0.5;
    const p = lin.parameters(T);
    expect(p.alpha).toBeCloseTo((1 - w) * 0.2 + w * 0.18, 15);
    expect(p.rho).toBeCloseTo((1 - w) * -0.6 + w * -0.4, 15);
    expect(p.nu).toBeCloseTo((1 - w) * 0.9 + w * 0.5, 15);
    expect(sq.parameters(T).nu).toBeCloseTo((1 - ws) * 0.9 + ws * 0.5, 15);
    const F = 100 * Math.exp(w * Math.log(1.03));
    expect(lin.forward(T)).toBeCloseTo(F, 12);
    expect(lin.volatility(T, 95)).toBeCloseTo(sabrVolatility(95, F, T, p), 14);
    expect(lin.variance(T, 95)).toBeCloseTo(lin.volatility(T, 95) ** 2 * T, 15);
    // Flat parameters beyond the ends; the forward continues the end segment's carry.
    expect(lin.parameters(0.1)).toEqual(P1);
    expect(lin.parameters(3)).toEqual(P2);
    expect(lin.forward(2)).toBeCloseTo(100 * Math.exp((1.75 / 0.75) * Math.log(1.03)), 12);
  });

  it('over the 48 fitted SPX slices (β = 1): each expiry reproduces its fit, and a quote tick notifies the surface once and moves the parameters of that expiry at the next read', () => {
    const chain = gatheralOptionChain(readFileSync(new URL('../../../data/spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', import.meta.url), 'utf8'), { quoteDate: '2023-02-15' });
    const bids = chain.slices.map((s) => Array.from(s.bidVols, (v) => new SimpleQuote(v)));
    const sections = chain.slices.map((s, i) => new SabrFittedSmileSection(s.time, s.forward, s.strikes, bids[i]!.map((q) => new Handle<Quote>(q)), Array.from(s.askVols), { beta: 1 }));
    const surface = new SabrSurface(sections, { interpolation: 'sqrtTime' });
    for (const [i, s] of chain.slices.entries()) {
      expect(surface.volatility(s.time, s.forward)).toBeCloseTo(sections[i]!.volatility(s.forward), 14);
    }
    let n = 0;
    surface.registerObserver({ update: () => n++ });
    const before = surface.parameters(chain.slices[10]!.time);
    bids[10]![5]!.setValue(bids[10]![5]!.value() - 0.01);
    expect(n).toBe(1);
    const after = surface.parameters(chain.slices[10]!.time);
    expect(after).not.toEqual(before);
    expect(surface.parameters(chain.slices[11]!.time)).toEqual(sections[11]!.parameters());
  });

  it('bad input: InvalidInputError naming argument, value and range', () => {
    expect(() => new SabrSurface([])).toThrow('slices.length = 0');
    expect(() => new SabrSurface([s2, s1])).toThrow(/slices\[1\]\.exerciseTime\(\) = 0\.25/);
    expect(() => new SabrSurface([s1, new SabrSmileSection(2, 0.03, P2, { shift: 0.01 })])).toThrow(/slices\[1\]\.shift\(\)/);
    expect(() => new SabrSurface([s1, new SabrSmileSection(2, 100, { ...P2, beta: 0.5 })]).parameters(1)).toThrow(InvalidInputError);
    expect(() => new SabrSurface([s1]).volatility(0, 100)).toThrow('time = 0');
  });
});
