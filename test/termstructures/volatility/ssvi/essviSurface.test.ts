// @test EssviSurface: equals SSVI at the nodes, analytic derivatives, interpolation, no arbitrage on random admissible node sets, fitEssviSurface recovery
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EssviSurface } from '../../../../termstructures/volatility/ssvi/EssviSurface.js';
import type { EssviParameters } from '../../../../termstructures/volatility/ssvi/EssviParameters.js';
import { fitEssviSurface } from '../../../../termstructures/volatility/ssvi/fitEssviSurface.js';
import { SsviSurface } from '../../../../termstructures/volatility/ssvi/SsviSurface.js';
import { expectDerivativesMatch } from './_lib/expectDerivativesMatch.js';

/** Gatheral–Jacquier's form of the slice, θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)), φ = ψ/θ. */
const wGJ = (k: number, theta: number, rho: number, psi: number): number => {
  const phi = psi / theta;
  return (theta / 2) * (1 + rho * phi * k + Math.sqrt((phi * k + rho) ** 2 + 1 - rho * rho));
};

const NODES: EssviParameters = {
  times: [0.1, 0.5, 1, 2],
  thetas: [0.004, 0.018, 0.04, 0.09],
  rhos: [-0.75, -0.7, -0.65, -0.6],
  psis: [0.06, 0.13, 0.19, 0.27],
  forwards: [100, 100, 100, 100],
};

describe('EssviSurface', () => {
  const s = new EssviSurface(NODES);

  it('reproduces each node slice (Gatheral–Jacquier form) and equals SSVI at the nodes when ρ is constant and ψ_i = θ_iφ(θ_i)', () => {
    for (let i = 0; i < 4; i++) for (const k of [-1.2, -0.2, 0, 0.3]) expect(s.totalVarianceDerivatives(k, NODES.times[i]!).w).toBeCloseTo(wGJ(k, NODES.thetas[i]!, NODES.rhos[i]!, NODES.psis[i]!), 15);
    const phi = { type: 'powerLaw' as const, eta: 1, gamma: 0.4 };
    const psiOf = (th: number) => phi.eta * th ** (1 - phi.gamma) * (1 + th) ** (phi.gamma - 1);
    const ssvi = new SsviSurface({ times: NODES.times, thetas: NODES.thetas, forwards: NODES.forwards, rho: -0.5, phi });
    const essvi = new EssviSurface({ ...NODES, rhos: [-0.5, -0.5, -0.5, -0.5], psis: Array.from(NODES.thetas, psiOf) });
    for (const t of Array.from(NODES.times)) for (const k of [-1, 0.2]) expect(essvi.totalVarianceDerivatives(k, t).w).toBeCloseTo(ssvi.totalVarianceDerivatives(k, t).w, 15);
  });

  it('scales the first slice before it: w(k, T) = θ_T/θ_1 · w_1(k); keeps ψ, ρ beyond the last', () => {
    const t = 0.04;
    const ratio = s.totalVarianceDerivatives(0, t).w / NODES.thetas[0]!;
    for (const k of [-0.5, 0.1]) expect(s.totalVarianceDerivatives(k, t).w).toBeCloseTo(ratio * wGJ(k, 0.004, -0.75, 0.06), 15);
    const late = s.totalVarianceDerivatives(0, 3);
    for (const k of [-0.5, 0.1]) expect(s.totalVarianceDerivatives(k, 3).w).toBeCloseTo(wGJ(k, late.w, -0.6, 0.27), 14);
  });

  it('gives analytic derivatives equal to finite differences', () => {
    for (const t of [0.05, 0.3, 0.77, 1.5, 2.6]) for (const k of [-0.8, -0.1, 0, 0.2]) expectDerivativesMatch(s, k, t);
  });

  it('keeps g(k) ≥ 0 and ∂w/∂T ≥ 0 off the check points on random node sets satisfying the fit’s conditions', () => {
    const grid = Array.from({ length: 91 }, (_x, i) => -3 + (4.5 * i) / 90);
    const gOf = (k: number, t: number) => {
      const d = s2.totalVarianceDerivatives(k, t);
      const a = 1 - (k * d.dwdk) / (2 * d.w);
      return a * a - (d.dwdk ** 2 / 4) * (1 / d.w + 0.25) + d.d2wdk2 / 2;
    };
    let s2 = s;
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 0.5, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0.002, max: 0.05, noNaN: true }), fc.double({ min: -0.15, max: 0.15, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.double({ min: -3, max: 1.5, noNaN: true }), fc.double({ min: 0.001, max: 1.2, noNaN: true })), { minLength: 12, maxLength: 12 }),
        (rho0, steps, points) => {
          const thetas: number[] = [];
          const rhos: number[] = [];
          const psis: number[] = [];
          let th = 0;
          let r = rho0;
          let p = 0;
          for (const [inc, dr, m] of steps) {
            const rNew = Math.max(-0.95, Math.min(0.95, r + dr));
            const pNew = thetas.length === 0 ? 0.05 + m * 0.3 : p * Math.max((1 + r) / (1 + rNew), (1 - r) / (1 - rNew)) * (1 + m);
            const thNew = Math.max(th + inc, (pNew * pNew * (1 + Math.abs(rNew))) / 4);
            fc.pre(pNew * (1 + Math.abs(rNew)) < 4);
            // The fit's calendar conditions: no crossing on the grid, ∂w/∂T ≥ 0 at 0, ¼, ½, ¾, 1 of the way.
            if (thetas.length > 0) {
              for (const k of grid) fc.pre(wGJ(k, thNew, rNew, pNew) >= wGJ(k, th, r, p));
              for (const a of [0, 0.25, 0.5, 0.75, 1]) {
                const h = 1e-7;
                const at = (x: number) => {
                  const T = th + x * (thNew - th);
                  const P = p + x * (pNew - p);
                  const C = r * p + x * (rNew * pNew - r * p);
                  return (k: number) => wGJ(k, T, C / P, P);
                };
                for (const k of grid) fc.pre(at(Math.min(a + h, 1))(k) - at(Math.max(a - h, 0))(k) >= -1e-15);
              }
            }
            thetas.push(thNew);
            rhos.push(rNew);
            psis.push(pNew);
            th = thNew;
            r = rNew;
            p = pNew;
          }
          const times = thetas.map((_x, i) => 0.25 * (i + 1));
          s2 = new EssviSurface({ times, thetas, rhos, psis, forwards: times.map(() => 100) });
          for (const [k, f] of points) {
            const t = f * times[times.length - 1]!;
            expect(gOf(k, t)).toBeGreaterThanOrEqual(-1e-12);
            expect(s2.totalVarianceDerivatives(k, t).dwdt).toBeGreaterThanOrEqual(-1e-10);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('fitEssviSurface', () => {
  it('recovers the nodes from an eSSVI surface’s own vols, with clean diagnostics', () => {
    const quotes = Array.from(NODES.times, (t) => {
      const strikes = Array.from({ length: 16 }, (_x, i) => 100 * Math.exp((-0.6 + 0.06 * i) * Math.sqrt(t)));
      const vols = strikes.map((K) => new EssviSurface(NODES).blackVol(t, K));
      return { time: t, forward: 100, strikes, bidVols: vols.map((v) => v - 0.001), askVols: vols.map((v) => v + 0.001) };
    });
    const fit = fitEssviSurface(quotes, { throwOnArbitrage: true });
    for (let i = 0; i < 4; i++) {
      expect(fit.parameters.thetas[i]).toBeCloseTo(NODES.thetas[i]!, 6);
      expect(fit.parameters.rhos[i]).toBeCloseTo(NODES.rhos[i]!, 3);
      expect(fit.parameters.psis[i]).toBeCloseTo(NODES.psis[i]!, 4);
    }
    expect(fit.rmseVolPoints).toBeLessThan(1e-2);
    expect(fit.diagnostics.arbitrageFree).toBe(true);
  });

  it('keeps the calendar condition when an unconstrained slice would cross the previous one', () => {
    // Second expiry quoted with a much flatter, lower smile: fitted alone it crosses the first.
    const first = { time: 0.5, forward: 100, strikes: [70, 80, 90, 100, 110, 120], bidVols: [0.4, 0.33, 0.26, 0.2, 0.17, 0.16], askVols: [0.41, 0.34, 0.27, 0.21, 0.18, 0.17] };
    const second = { time: 0.6, forward: 100, strikes: [70, 80, 90, 100, 110, 120], bidVols: [0.22, 0.215, 0.21, 0.2, 0.2, 0.2], askVols: [0.23, 0.225, 0.22, 0.21, 0.21, 0.21] };
    const alone = [fitEssviSurface([first]), fitEssviSurface([{ ...second, time: 0.6 }])];
    const crossAlone = [-0.4, -0.3].some((k) => new EssviSurface({ times: [0.6], thetas: alone[1]!.parameters.thetas, rhos: alone[1]!.parameters.rhos, psis: alone[1]!.parameters.psis, forwards: [100] }).totalVarianceDerivatives(k, 0.6).w < new EssviSurface({ times: [0.5], thetas: alone[0]!.parameters.thetas, rhos: alone[0]!.parameters.rhos, psis: alone[0]!.parameters.psis, forwards: [100] }).totalVarianceDerivatives(k, 0.5).w);
    expect(crossAlone).toBe(true);
    const joint = fitEssviSurface([first, second]);
    expect(joint.diagnostics.arbitrageFree).toBe(true);
    expect(joint.diagnostics.minDwdtOverall).toBeGreaterThanOrEqual(0);
  });
});
