// @test SsviSurface: the slice is natural SVI, analytic derivatives, strike space, no-arbitrage on random valid parameters, fitSsviSurface recovery
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { fitSsviSurface } from '../../../../termstructures/volatility/ssvi/fitSsviSurface.js';
import type { SsviParameters } from '../../../../termstructures/volatility/ssvi/SsviParameters.js';
import { SsviSurface } from '../../../../termstructures/volatility/ssvi/SsviSurface.js';
import { sviNaturalToRaw } from '../../../../termstructures/volatility/svi/sviNaturalToRaw.js';
import { expectDerivativesMatch } from './_lib/expectDerivativesMatch.js';

const BASE: SsviParameters = {
  times: [0.1, 0.5, 1, 2],
  thetas: [0.004, 0.018, 0.04, 0.09],
  forwards: [100, 101, 102, 104],
  rho: -0.6,
  phi: { type: 'powerLaw', eta: 1.1, gamma: 0.4 },
};

const phiOf = (p: SsviParameters, theta: number): number =>
  p.phi.type === 'powerLaw' ? p.phi.eta * theta ** -p.phi.gamma * (1 + theta) ** (p.phi.gamma - 1) : (1 - (1 - Math.exp(-p.phi.lambda * theta)) / (p.phi.lambda * theta)) / (p.phi.lambda * theta);

describe('SsviSurface', () => {
  const s = new SsviSurface(BASE);

  it('has w(0, T_i) = θ_i and, at a node, the natural SVI slice Δ = μ = 0, ω = θ, ζ = φ(θ) (Gatheral–Jacquier 2014, §4)', () => {
    for (let i = 0; i < 4; i++) {
      const t = BASE.times[i]!;
      const theta = BASE.thetas[i]!;
      expect(s.totalVarianceDerivatives(0, t).w).toBeCloseTo(theta, 15);
      const raw = sviNaturalToRaw({ delta: 0, mu: 0, rho: BASE.rho, omega: theta, zeta: phiOf(BASE, theta) });
      for (const k of [-1, -0.3, 0.05, 0.4]) {
        const x = k - raw.m;
        expect(s.totalVarianceDerivatives(k, t).w).toBeCloseTo(raw.a + raw.b * (raw.rho * x + Math.sqrt(x * x + raw.sigma ** 2)), 14);
      }
    }
  });

  it('gives analytic derivatives equal to finite differences, between nodes, before the first and beyond the last', () => {
    for (const t of [0.05, 0.3, 0.77, 1.5, 2.6]) for (const k of [-0.8, -0.1, 0, 0.2]) expectDerivativesMatch(s, k, t);
  });

  it('is a BlackVolTermStructure in strike space through the forward (ln F linear in T)', () => {
    const t = 0.75;
    const f = Math.exp(Math.log(101) + ((Math.log(102) - Math.log(101)) * 0.25) / 0.5);
    expect(s.forward(t)).toBeCloseTo(f, 12);
    for (const K of [70, 100, 130]) expect(s.blackVol(t, K)).toBeCloseTo(Math.sqrt(s.totalVarianceDerivatives(Math.log(K / f), t).w / t), 14);
    expect(s.maxTime()).toBe(2);
    expect(() => s.blackVol(3, 100)).toThrow(InvalidInputError);
  });

  it('θ_T is monotone between nodes with ∂θ/∂T ≥ 0', () => {
    let prev = 0;
    for (let t = 0.001; t < 2.5; t += 0.01) {
      const d = s.totalVarianceDerivatives(0, t);
      expect(d.w).toBeGreaterThanOrEqual(prev);
      expect(d.dwdt).toBeGreaterThanOrEqual(0);
      prev = d.w;
    }
  });

  it('flags butterfly arbitrage when η(1 + |ρ|) is far above 2 (the diagnostics can fail)', () => {
    const bad = new SsviSurface({ ...BASE, rho: -0.9, phi: { type: 'powerLaw', eta: 6, gamma: 0.4 } });
    const d = bad.arbitrageDiagnostics();
    expect(d.minG).toBeLessThan(0);
    expect(d.arbitrageFree).toBe(false);
    expect(s.arbitrageDiagnostics().arbitrageFree).toBe(true);
  });

  it('rejects invalid parameters naming the field', () => {
    expect(() => new SsviSurface({ ...BASE, rho: 1 })).toThrow(/parameters\.rho/);
    expect(() => new SsviSurface({ ...BASE, thetas: [0.004, 0.003, 0.04, 0.09] })).toThrow(/parameters\.thetas\[1\]/);
    expect(() => new SsviSurface({ ...BASE, phi: { type: 'powerLaw', eta: 1, gamma: 1.5 } })).toThrow(/parameters\.phi\.gamma/);
    expect(() => new SsviSurface({ ...BASE, forwards: [100, 100] })).toThrow(/parameters\.forwards\.length/);
    expect(() => s.totalVarianceDerivatives(0, 0)).toThrow(InvalidInputError);
  });

  it('keeps g(k) ≥ 0 and ∂w/∂T ≥ 0 on random arbitrage-free parameter sets (power law η(1+|ρ|) ≤ 2, γ ≤ ½; Heston-like λ ≥ (1+|ρ|)/4)', () => {
    const gOf = (surface: SsviSurface, k: number, t: number) => {
      const d = surface.totalVarianceDerivatives(k, t);
      const a = 1 - (k * d.dwdk) / (2 * d.w);
      return a * a - (d.dwdk ** 2 / 4) * (1 / d.w + 0.25) + d.d2wdk2 / 2;
    };
    fc.assert(
      fc.property(
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.boolean(),
        fc.array(fc.double({ min: 0.001, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.double({ min: -3, max: 2, noNaN: true }), fc.double({ min: 0.001, max: 1.3, noNaN: true })), { minLength: 10, maxLength: 10 }),
        (rho, u, gamma, heston, increments, points) => {
          const times = increments.map((_x, i) => 0.2 * (i + 1));
          let acc = 0;
          const thetas = increments.map((x) => (acc += x));
          const phi = heston ? { type: 'heston' as const, lambda: (1 + Math.abs(rho)) / 4 + u } : { type: 'powerLaw' as const, eta: (2 * u) / (1 + Math.abs(rho)), gamma };
          const surface = new SsviSurface({ times, thetas, forwards: times.map(() => 100), rho, phi });
          for (const [k, f] of points) {
            const t = f * times[times.length - 1]!;
            expect(gOf(surface, k, t)).toBeGreaterThanOrEqual(-1e-12);
            expect(surface.totalVarianceDerivatives(k, t).dwdt).toBeGreaterThanOrEqual(-1e-12);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fitSsviSurface', () => {
  it('recovers ρ, η, γ from an SSVI surface’s own vols, with clean diagnostics', () => {
    const truth = new SsviSurface({ ...BASE, forwards: [100, 100, 100, 100] });
    const quotes = Array.from(BASE.times).map((t) => {
      const strikes = Array.from({ length: 16 }, (_x, i) => 100 * Math.exp((-0.6 + 0.06 * i) * Math.sqrt(Number(t)))) // k = 0 is a strike: θ exact;
      const vols = strikes.map((K) => truth.blackVol(Number(t), K));
      return { time: Number(t), forward: 100, strikes, bidVols: vols.map((v) => v - 0.001), askVols: vols.map((v) => v + 0.001) };
    });
    const fit = fitSsviSurface(quotes);
    expect(fit.parameters.rho).toBeCloseTo(-0.6, 3);
    expect(fit.parameters.phi.type).toBe('powerLaw');
    if (fit.parameters.phi.type === 'powerLaw') {
      expect(fit.parameters.phi.eta).toBeCloseTo(1.1, 3);
      expect(fit.parameters.phi.gamma).toBeCloseTo(0.4, 3);
    }
    expect(fit.rmseVolPoints).toBeLessThan(1e-3);
    expect(fit.insideBidAsk).toBe(1);
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    expect(fit.diagnostics.minDwdt).toHaveLength(fit.diagnostics.kGrid.length);
    expect(fit.slices).toHaveLength(4);
    expect(() => fitSsviSurface(quotes, { throwOnArbitrage: true })).not.toThrow();
    expect(() => fitSsviSurface([quotes[1]!, quotes[0]!])).toThrow(/quotes\[1\]\.time/);
  });
});
