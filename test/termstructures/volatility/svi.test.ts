// @test SviSmileSection, SviFittedSmileSection, fitSviSmile, sviRawToNatural, sviNaturalToRaw, sviRawToJumpWings, sviJumpWingsToRaw
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ArbitrageError, InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { transaction } from '../../../src/patterns/transaction.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { fitSviSmile } from '../../../termstructures/volatility/svi/fitSviSmile.js';
import { SviFittedSmileSection } from '../../../termstructures/volatility/svi/SviFittedSmileSection.js';
import type { SviRawParameters } from '../../../termstructures/volatility/svi/SviRawParameters.js';
import { SviSmileSection } from '../../../termstructures/volatility/svi/SviSmileSection.js';
import { sviJumpWingsToRaw } from '../../../termstructures/volatility/svi/sviJumpWingsToRaw.js';
import { sviNaturalToRaw } from '../../../termstructures/volatility/svi/sviNaturalToRaw.js';
import { sviRawToJumpWings } from '../../../termstructures/volatility/svi/sviRawToJumpWings.js';
import { sviRawToNatural } from '../../../termstructures/volatility/svi/sviRawToNatural.js';

/** Raw SVI written out here, independently of the library (Gatheral–Jacquier 2014, eq. 3.1). */
const w = (p: SviRawParameters, k: number) => p.a + p.b * (p.rho * (k - p.m) + Math.sqrt((k - p.m) ** 2 + p.sigma ** 2));
/** g(k) of eq. (2.1) from central finite differences of w (step 1e-4: error ~1e-8 · w‴). */
const gByDifferences = (p: SviRawParameters, k: number) => {
  const h = 1e-4;
  const w0 = w(p, k);
  const w1 = (w(p, k + h) - w(p, k - h)) / (2 * h);
  const w2 = (w(p, k + h) - 2 * w0 + w(p, k - h)) / (h * h);
  return (1 - (k * w1) / (2 * w0)) ** 2 - ((w1 * w1) / 4) * (1 / w0 + 0.25) + w2 / 2;
};
/** Axel Vogt's slice, Gatheral & Jacquier (2014), Example 3.1 (T = 1): free of calendar but not of butterfly arbitrage. */
const VOGT: SviRawParameters = { a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 };
const EXAMPLE: SviRawParameters = { a: 0.02, b: 0.12, rho: -0.45, m: 0.04, sigma: 0.18 };

/** A valid raw slice from fast-check (b, σ bounded away from 0, wings ≤ 2, min w > 0). */
const rawSlice = fc
  .record({
    b: fc.double({ min: 0.01, max: 0.8, noNaN: true }),
    rho: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
    m: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    sigma: fc.double({ min: 0.02, max: 0.8, noNaN: true }),
    floor: fc.double({ min: 0.005, max: 0.1, noNaN: true }),
  })
  .map(({ b, rho, m, sigma, floor }) => ({ a: floor - b * sigma * Math.sqrt(1 - rho * rho), b, rho, m, sigma }));

/** Quotes of a slice at 25 strikes: mid = the slice's vol, ± half a vol point. */
function quotesOf(p: SviRawParameters, time: number, forward = 100, half = 0.005) {
  const strikes = Array.from({ length: 25 }, (_, i) => forward * Math.exp(-0.6 + 0.05 * i));
  const mids = strikes.map((K) => Math.sqrt(w(p, Math.log(K / forward)) / time));
  return { time, forward, strikes, midVols: mids, bidVols: mids.map((v) => v - half), askVols: mids.map((v) => v + half) };
}

describe('raw SVI closed forms (Gatheral–Jacquier 2014, §3.1)', () => {
  const s = new SviSmileSection(1, 100, EXAMPLE);
  it('total variance at the vertex is a + bσ, its minimum a + bσ√(1 − ρ²) at k* = m − ρσ/√(1 − ρ²)', () => {
    const { a, b, rho, m, sigma } = EXAMPLE;
    // 1e-15: one rounding of each closed form.
    expect(s.totalVariance(m)).toBeCloseTo(a + b * sigma, 15);
    const kStar = m - (rho * sigma) / Math.sqrt(1 - rho * rho);
    const wMin = a + b * sigma * Math.sqrt(1 - rho * rho);
    expect(Math.abs(s.totalVariance(kStar) - wMin)).toBeLessThan(1e-15);
    for (const d of [-1e-3, 1e-3, 0.1, -0.1]) expect(s.totalVariance(kStar + d)).toBeGreaterThan(wMin);
    expect(s.arbitrageDiagnostics().minTotalVariance).toBeCloseTo(wMin, 15);
  });

  it('wing slopes are b(1 + ρ) and b(1 − ρ) (Roger Lee: both ≤ 2), and g tends to 1/4 − slope²/16', () => {
    const { b, rho } = EXAMPLE;
    // Far out the slope differs from its limit by O(σ²/k²): 1e-9 at |k| = 1e4.
    expect(Math.abs(s.totalVariance(1e4 + 1) - s.totalVariance(1e4) - b * (1 + rho))).toBeLessThan(1e-9);
    expect(Math.abs(s.totalVariance(-1e4 - 1) - s.totalVariance(-1e4) - b * (1 - rho))).toBeLessThan(1e-9);
    const d = s.arbitrageDiagnostics();
    expect(d.rightWingSlope).toBeCloseTo(b * (1 + rho), 15);
    expect(d.leftWingSlope).toBeCloseTo(b * (1 - rho), 15);
    // g(k) → 1/4 − s²/16 as k → ∞ (w ~ s·k): 1e-4 at k = 1e5.
    expect(Math.abs(s.g(1e5) - (0.25 - (b * (1 + rho)) ** 2 / 16))).toBeLessThan(1e-4);
    // A right wing steeper than Lee's bound 2 makes g negative far out.
    const steep = new SviSmileSection(1, 100, { a: 0.01, b: 1.5, rho: 0.5, m: 0, sigma: 0.1 });
    expect(steep.g(1e5)).toBeLessThan(0.25 - 2.25 ** 2 / 16 + 1e-3);
    expect(steep.arbitrageDiagnostics(-2, 2).arbitrageFree).toBe(false);
  });

  it('g(k) equals its definition (eq. 2.1) by finite differences of w, and vol(K) = √(w/T)', () => {
    const t = 0.5;
    const sec = new SviSmileSection(t, 100, EXAMPLE);
    for (let k = -1.5; k <= 1.5; k += 0.125) {
      // 1e-6: truncation h² ≈ 1e-8 times w‴ plus round-off 1e-16/h².
      expect(Math.abs(sec.g(k) - gByDifferences(EXAMPLE, k)), `k=${k}`).toBeLessThan(1e-6);
      expect(sec.volatility(100 * Math.exp(k))).toBeCloseTo(Math.sqrt(w(EXAMPLE, k) / t), 14);
    }
  });

  it("finds g < 0 for Axel Vogt's parameters (Gatheral–Jacquier 2014, Example 3.1) where the paper does", () => {
    const vogt = new SviSmileSection(1, 1, VOGT);
    // The paper plots g(k) dipping below zero for k roughly between 0.7 and 1.2 (its Figure 2).
    // Computed here by finite differences of w, independently of the library: g(0.6) ≈ +0.0147,
    // g(0.9) ≈ −0.0327, g(1.3) ≈ +0.0053.
    expect(gByDifferences(VOGT, 0.9)).toBeLessThan(-0.03);
    expect(gByDifferences(VOGT, 0.6)).toBeGreaterThan(0);
    expect(gByDifferences(VOGT, 1.3)).toBeGreaterThan(0);
    const d = vogt.arbitrageDiagnostics(-1.5, 1.5);
    expect(d.arbitrageFree).toBe(false);
    expect(d.minG).toBeLessThan(-0.03);
    expect(d.minG).toBeGreaterThan(-0.035);
    expect(d.argminG).toBeGreaterThan(0.8);
    expect(d.argminG).toBeLessThan(1.0);
    // The density is negative there too (eq. 2.2).
    expect(vogt.density(0.9)).toBeLessThan(0);
    expect(vogt.density(0)).toBeGreaterThan(0);
  });
});

describe('SVI parameterisations (Gatheral–Jacquier 2014, §3.2–3.3)', () => {
  it('natural parameters describe the same smile (eq. 3.2 written out here) and convert back', () => {
    const n = sviRawToNatural(EXAMPLE);
    const natural = (k: number) =>
      n.delta + (n.omega / 2) * (1 + n.zeta * n.rho * (k - n.mu) + Math.sqrt((n.zeta * (k - n.mu) + n.rho) ** 2 + (1 - n.rho ** 2)));
    for (let k = -2; k <= 2; k += 0.25) expect(Math.abs(natural(k) - w(EXAMPLE, k))).toBeLessThan(1e-15);
    const back = sviNaturalToRaw(n);
    for (const key of ['a', 'b', 'rho', 'm', 'sigma'] as const) expect(back[key]).toBeCloseTo(EXAMPLE[key], 14);
  });

  it('jump-wings parameters match their definitions (eq. 3.5) at T = 0.75', () => {
    const t = 0.75;
    const j = sviRawToJumpWings(EXAMPLE, t);
    const w0 = w(EXAMPLE, 0);
    const slope0 = (w(EXAMPLE, 1e-6) - w(EXAMPLE, -1e-6)) / 2e-6;
    let wMin = Infinity;
    for (let k = -1; k <= 1; k += 1e-5) wMin = Math.min(wMin, w(EXAMPLE, k));
    expect(j.v * t).toBeCloseTo(w0, 15);
    expect(j.psi).toBeCloseTo(slope0 / (2 * Math.sqrt(w0)), 8); // ψ = ∂σ_BS√T/∂k at 0 = w′(0)/(2√w₀)
    expect(j.p).toBeCloseTo((EXAMPLE.b * (1 - EXAMPLE.rho)) / Math.sqrt(w0), 14);
    expect(j.c).toBeCloseTo((EXAMPLE.b * (1 + EXAMPLE.rho)) / Math.sqrt(w0), 14);
    expect(j.vTilde * t).toBeCloseTo(wMin, 9); // grid minimum within 1e-10 of the closed form
  });

  it('raw → jump-wings → raw and raw → natural → raw are identities (property)', () => {
    fc.assert(
      fc.property(rawSlice, fc.double({ min: 0.01, max: 5, noNaN: true }), (p, t) => {
        const j = sviRawToJumpWings(p, t);
        // Near ψ = 0 (minimum at k = 0) the inverse map is singular; skip a band around it.
        fc.pre(Math.abs(j.psi) > 1e-3 && j.v - j.vTilde > 1e-6);
        const back = sviJumpWingsToRaw(j, t);
        for (let k = -1; k <= 1; k += 0.25) expect(Math.abs(w(back, k) - w(p, k)), `k=${k}`).toBeLessThan(1e-9 * (1 + w(p, k)));
        expect(Math.abs(back.rho - p.rho)).toBeLessThan(1e-7);
        const nat = sviNaturalToRaw(sviRawToNatural(p));
        for (const key of ['a', 'b', 'rho', 'm', 'sigma'] as const) expect(Math.abs(nat[key] - p[key])).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bad input with the argument, the value and the allowed range', () => {
    const cases: Array<[() => unknown, RegExp]> = [
      [() => sviRawToNatural({ ...EXAMPLE, b: -0.1 }), /raw\.b = -0\.1 is outside the allowed range \[0, ∞\)/],
      [() => sviRawToNatural({ ...EXAMPLE, rho: 1 }), /raw\.rho = 1 is outside the allowed range \(-1, 1\)/],
      [() => sviRawToNatural({ ...EXAMPLE, sigma: 0 }), /raw\.sigma = 0 .*\(0, ∞\)/],
      [() => sviRawToNatural({ ...EXAMPLE, a: -1 }), /raw\.a = -1 .*minimum total variance/],
      [() => sviNaturalToRaw({ delta: 0, mu: 0, rho: 0, omega: 0.1, zeta: -1 }), /natural\.zeta = -1/],
      [() => sviRawToJumpWings(EXAMPLE, 0), /expiry = 0 .*\(0, ∞\)/],
      [() => sviJumpWingsToRaw({ v: 0.04, psi: 0, p: 0.5, c: 0.5, vTilde: 0.03 }, 1), /jumpWings\.psi = 0/],
      [() => sviJumpWingsToRaw({ v: 0.04, psi: -0.1, p: 0.5, c: 0.5, vTilde: 0.05 }, 1), /jumpWings\.vTilde = 0\.05 .*\[0, 0\.04\)/],
      [() => new SviSmileSection(-1, 100, EXAMPLE), /exerciseTime = -1/],
      [() => new SviSmileSection(1, 100, EXAMPLE).volatility(0), /strike = 0/],
      [() => fitSviSmile({ time: 1, forward: 100, strikes: [1, 2, 3], bidVols: [1, 1, 1], askVols: [1, 1, 1] }), /quotes\.strikes\.length = 3 .*\[5, ∞\)/],
      [() => fitSviSmile({ ...quotesOf(EXAMPLE, 1), askVols: quotesOf(EXAMPLE, 1).bidVols.map((v, i) => (i === 3 ? v - 0.01 : v)) }), /quotes\.askVols\[3\]/],
    ];
    for (const [fn, pattern] of cases) {
      expect(fn).toThrow(InvalidInputError);
      expect(fn).toThrow(pattern);
    }
  });
});

describe('fitSviSmile', () => {
  it('recovers an arbitrage-free slice from its own vols, inside every bid/ask', () => {
    const fit = fitSviSmile(quotesOf(EXAMPLE, 0.5));
    // Exact quotes: the fitted vols match to 1e-5 (LM's stopping rule), all inside ±0.5 vol point.
    expect(fit.insideBidAsk).toBe(1);
    expect(fit.rmseVolPoints).toBeLessThan(1e-3);
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    for (let k = -0.5; k <= 0.5; k += 0.1) expect(Math.abs(w(fit.parameters, k) - w(EXAMPLE, k))).toBeLessThan(1e-5);
  });

  it("keeps g ≥ 0 when fitted to Vogt's arbitrageable slice, and throws ArbitrageError on request without the constraint", () => {
    const q = quotesOf(VOGT, 1, 1);
    const constrained = fitSviSmile(q, { gridRange: [-1.5, 1.5] });
    expect(constrained.diagnostics.minG).toBeGreaterThanOrEqual(0);
    expect(constrained.diagnostics.arbitrageFree).toBe(true);
    const free = fitSviSmile(q, { noButterflyArbitrage: false, gridRange: [-1.5, 1.5] });
    expect(free.diagnostics.minG).toBeLessThan(0);
    expect(() => fitSviSmile(q, { noButterflyArbitrage: false, throwOnArbitrage: true, gridRange: [-1.5, 1.5] })).toThrow(ArbitrageError);
  });

  it('keeps g ≥ 0 on fits to random valid SVI smiles, arbitrage-free or not (property)', () => {
    fc.assert(
      fc.property(rawSlice, fc.double({ min: 0.05, max: 2, noNaN: true }), (p, t) => {
        const fit = fitSviSmile(quotesOf(p, t));
        expect(fit.diagnostics.minG).toBeGreaterThanOrEqual(0);
        expect(fit.diagnostics.arbitrageFree).toBe(true);
        expect(fit.diagnostics.leftWingSlope).toBeLessThanOrEqual(2);
        expect(fit.diagnostics.rightWingSlope).toBeLessThanOrEqual(2);
      }),
      { numRuns: 12 },
    );
  });
});

describe('SviFittedSmileSection (a lazy fit on quotes)', () => {
  const setup = () => {
    const q = quotesOf(EXAMPLE, 0.5);
    const bids = q.bidVols.map((v) => new SimpleQuote(v));
    const asks = q.askVols.map((v) => new SimpleQuote(v));
    const section = new SviFittedSmileSection(0.5, new Handle<Quote>(new SimpleQuote(100)), q.strikes, bids.map((b) => new Handle<Quote>(b)), asks.map((a) => new Handle<Quote>(a)));
    return { q, bids, asks, section };
  };

  it('fits on the first read, once per tick and once per transaction, and never without a read', () => {
    const spy = vi.spyOn(SviFittedSmileSection.prototype as unknown as { performCalculations: () => void }, 'performCalculations');
    try {
      const { q, bids, asks, section } = setup();
      let notifications = 0;
      const sub = section.changes$.subscribe(() => notifications++);
      expect(spy).toHaveBeenCalledTimes(0);
      const first = section.parameters();
      section.volatility(100);
      section.g(0);
      expect(spy).toHaveBeenCalledTimes(1);
      // The same numbers as the plain function (same code path, same inputs).
      expect(first).toEqual(fitSviSmile({ ...q, midVols: undefined }).parameters);
      bids[3]!.setValue(q.bidVols[3]! - 0.002);
      expect(notifications).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1); // lazy: nothing until read
      section.fit();
      section.fit();
      expect(spy).toHaveBeenCalledTimes(2);
      transaction(() => {
        bids[5]!.setValue(q.bidVols[5]! - 0.001);
        asks[5]!.setValue(q.askVols[5]! + 0.001);
        asks[6]!.setValue(q.askVols[6]! + 0.001);
      });
      expect(notifications).toBe(2);
      section.parameters();
      expect(spy).toHaveBeenCalledTimes(3);
      sub.unsubscribe();
    } finally {
      spy.mockRestore();
    }
  });

  it('caches a failed fit until the next tick (a quote out of range), then recovers', () => {
    const { q, bids, section } = setup();
    bids[2]!.setValue(-0.1);
    expect(() => section.fit()).toThrow(/quotes\.bidVols\[2\] = -0\.1/);
    bids[2]!.setValue(q.bidVols[2]!);
    expect(section.fit().diagnostics.arbitrageFree).toBe(true);
  });
});
