// @test sabrVolatility, sabrAlphaFromAtmVol (Hagan 2002, Obłój 2008, normal, shifted)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalibrationError, InvalidInputError } from '../../../src/errors.js';
import type { SabrParameters } from '../../../termstructures/volatility/sabr/SabrParameters.js';
import { sabrAlphaFromAtmVol } from '../../../termstructures/volatility/sabr/sabrAlphaFromAtmVol.js';
import { sabrVolatility } from '../../../termstructures/volatility/sabr/sabrVolatility.js';
import { published, quantlib } from '../../_lib/reference.js';

interface SabrPoint { K: number; lognormal_vol?: number; shifted_lognormal_vol?: number; normal_vol: number }
interface SabrCase { id: string; inputs: SabrParameters & { F: number; T: number; shift?: number }; points: SabrPoint[] }
const cases: SabrCase[] = quantlib['sabr'].cases;
const shiftedCases: SabrCase[] = quantlib['sabr'].shifted_cases;

const relErr = (x: number, y: number) => Math.abs(x / y - 1);

describe('sabrVolatility against QuantLib 1.29 (ql.sabrVolatility / shiftedSabrVolatility)', () => {
  // Closed form, the same formula: 1e-10 relative leaves room only for rounding (measured ≤ 2.3e-16).
  const TOL = 1e-10;
  let maxErr = 0;
  it.each(cases.map((c) => [c.id, c] as const))('%s: lognormal and normal vols at every strike to 1e-10 relative', (_id, c) => {
    const { F, T } = c.inputs;
    for (const p of c.points) {
      const ln = sabrVolatility(p.K, F, T, c.inputs);
      const n = sabrVolatility(p.K, F, T, c.inputs, { volatilityType: 'normal' });
      const e1 = relErr(ln, p.lognormal_vol as number);
      const e2 = relErr(n, p.normal_vol);
      maxErr = Math.max(maxErr, e1, e2);
      expect(e1, `K=${p.K} lognormal ${ln} vs ${p.lognormal_vol}, tol ${TOL}`).toBeLessThan(TOL);
      expect(e2, `K=${p.K} normal ${n} vs ${p.normal_vol}, tol ${TOL}`).toBeLessThan(TOL);
    }
  });
  it.each(shiftedCases.map((c) => [c.id, c] as const))('%s (shifted): Black vol of K + s, F + s and normal vol to 1e-10 relative', (_id, c) => {
    const { F, T, shift } = c.inputs;
    for (const p of c.points) {
      const ln = sabrVolatility(p.K, F, T, c.inputs, { shift });
      const n = sabrVolatility(p.K, F, T, c.inputs, { shift, volatilityType: 'normal' });
      const e1 = relErr(ln, p.shifted_lognormal_vol as number);
      const e2 = relErr(n, p.normal_vol);
      maxErr = Math.max(maxErr, e1, e2);
      expect(e1, `K=${p.K} shifted lognormal ${ln} vs ${p.shifted_lognormal_vol}, tol ${TOL}`).toBeLessThan(TOL);
      expect(e2, `K=${p.K} normal ${n} vs ${p.normal_vol}, tol ${TOL}`).toBeLessThan(TOL);
    }
    console.info(`SABR vs QuantLib 1.29: max relative error so far ${maxErr.toExponential(2)}`);
  });

  it("matches Antonov–Spector's quoted Hagan vols (α 0.25, β 0.3, ν 0.3, ρ −0.8, T 10) to their 4 decimals", () => {
    const ref = published['sabr_antonov_spector_mc'];
    const { F, T, ...p } = ref.params as SabrParameters & { F: number; T: number };
    for (const [k, v] of Object.entries(ref.hagan as Record<string, number>)) {
      expect(Math.abs(sabrVolatility(Number(k), F, T, p) - v), `K=${k}`).toBeLessThan(5e-5 + 1e-12);
    }
  });
});

describe('sabrVolatility limits', () => {
  const p: SabrParameters = { alpha: 0.035, beta: 0.5, nu: 0.4, rho: -0.3 };
  it('ATM (K = F) is α/F^{1−β}·(1 + [(1−β)²α²/(24F^{2−2β}) + ρβνα/(4F^{1−β}) + (2−3ρ²)ν²/24]T) (Hagan 2002, eq. 2.18), and continuous there', () => {
    for (const [F, T] of [[0.03, 1], [0.01, 5], [3, 0.25]] as const) {
      const f = Math.pow(F, 1 - p.beta);
      const atm = (p.alpha / f) * (1 + ((1 - p.beta) ** 2 * p.alpha ** 2 / (24 * f * f) + (p.rho * p.beta * p.nu * p.alpha) / (4 * f) + ((2 - 3 * p.rho ** 2) * p.nu ** 2) / 24) * T);
      expect(relErr(sabrVolatility(F, F, T, p), atm)).toBeLessThan(1e-15);
      // Either side of the money: within 1e-9 relative at K = F(1 ± 1e-9) (slope × 1e-9, slope O(1)).
      for (const h of [1e-13, 1e-9]) {
        expect(relErr(sabrVolatility(F * (1 + h), F, T, p), atm)).toBeLessThan(10 * h);
        expect(relErr(sabrVolatility(F * (1 - h), F, T, p), atm)).toBeLessThan(10 * h);
      }
      // Obłój's correction changes only the leading term away from the money.
      expect(relErr(sabrVolatility(F, F, T, p, { approximation: 'obloj2008' }), atm)).toBeLessThan(1e-15);
      expect(relErr(sabrVolatility(F * (1 + 1e-7), F, T, p, { approximation: 'obloj2008' }), atm)).toBeLessThan(1e-6);
    }
  });

  it('ν → 0 with β = 1 gives σ_Black = α, whatever ρ and the strike', () => {
    for (const K of [50, 80, 100, 125, 200]) for (const rho of [-0.7, 0, 0.5]) {
      for (const approximation of ['hagan2002', 'obloj2008'] as const) {
        expect(relErr(sabrVolatility(K, 100, 2, { alpha: 0.23, beta: 1, nu: 0, rho }, { approximation }), 0.23)).toBeLessThan(1e-14);
      }
    }
  });

  it('ν → 0 with β < 1 tends to the CEV Black vol of Hagan–Woodward (1999), to its O(ln⁴(K/F)) error', () => {
    // P. S. Hagan, D. E. Woodward (1999), "Equivalent Black volatilities", Appl. Math. Finance
    // 6(3), 147–157: σ_B ≈ α/f_av^{1−β}·[1 + (1−β)(2+β)/24·((F−K)/f_av)² + (1−β)²α²T/(24f_av^{2−2β})],
    // f_av = (F + K)/2. The two expansions differ at O(ln⁴(K/F)) and O(σ₀²T·ln²(K/F)), σ₀ = α/F^{1−β}:
    // tolerance 0.1·l⁴ + 0.05·σ₀²T·l² + 1e-9 relative (measured at most 0.07·l⁴, β = 0, K/F = 0.9).
    for (const [F, alpha, beta, T] of [[0.03, 0.035, 0.5, 1], [100, 2, 0.5, 1], [0.02, 0.06, 0.7, 2], [0.03, 0.006, 0, 1]] as const) {
      for (const m of [0.8, 0.9, 1, 1.1, 1.25]) {
        const K = F * m;
        const fav = (F + K) / 2;
        const cev = (alpha / Math.pow(fav, 1 - beta)) * (1 + (((1 - beta) * (2 + beta)) / 24) * ((F - K) / fav) ** 2 + ((1 - beta) ** 2 * alpha * alpha * T) / (24 * Math.pow(fav, 2 - 2 * beta)));
        for (const nu of [1e-6, 0]) {
          const s = sabrVolatility(K, F, T, { alpha, beta, nu, rho: 0.3 });
          expect(relErr(s, cev), `F=${F} β=${beta} K/F=${m} ν=${nu}: ${s} vs ${cev}`).toBeLessThan(0.1 * Math.log(m) ** 4 + 0.05 * (alpha / Math.pow(F, 1 - beta)) ** 2 * T * Math.log(m) ** 2 + 1e-9 + nu);
        }
      }
    }
  });

  it('vols are positive on valid parameter sets (fast-check)', () => {
    // Domain where 1 + [...]T > 0 for every strike: α/F^{1−β} ≤ 0.6, ν ≤ 1, T ≤ 2, K/F ∈ [1/4, 4].
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: -Math.log(4), max: Math.log(4), noNaN: true }),
        fc.constantFrom('hagan2002' as const, 'obloj2008' as const),
        (F, beta, a, nu, rho, T, x, approximation) => {
          const p = { alpha: a * Math.pow(F, 1 - beta), beta, nu, rho };
          const K = F * Math.exp(x);
          const v = sabrVolatility(K, F, T, p, { approximation });
          const n = sabrVolatility(K, F, T, p, { volatilityType: 'normal' });
          return v > 0 && Number.isFinite(v) && n > 0 && Number.isFinite(n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("Obłój's formula, written out here, away from the money; equal to Hagan's for β = 1", () => {
    // Obłój (2008): σ_B = ν ln(F/K)/x(z)·(1 + I¹T), z = ν(F^{1−β} − K^{1−β})/(α(1−β)),
    // I¹ = (1−β)²α²/(24(FK)^{1−β}) + ρβνα/(4(FK)^{(1−β)/2}) + (2−3ρ²)ν²/24. Same operations in
    // another order: 1e-13 relative.
    const x = (z: number, rho: number) => Math.log((Math.sqrt(1 - 2 * rho * z + z * z) + z - rho) / (1 - rho));
    for (const q of [p, { alpha: 0.006, beta: 0, nu: 0.3, rho: -0.2 }, { alpha: 0.06, beta: 0.7, nu: 0.45, rho: 0.1 }]) {
      for (const K of [0.005, 0.01, 0.02, 0.04, 0.1]) {
        const F = 0.03;
        const T = 1.5;
        const b = 1 - q.beta;
        const z = (q.nu * (F ** b - K ** b)) / (q.alpha * b);
        const i1 = (b * b * q.alpha ** 2) / (24 * (F * K) ** b) + (q.rho * q.beta * q.nu * q.alpha) / (4 * (F * K) ** (b / 2)) + ((2 - 3 * q.rho ** 2) * q.nu ** 2) / 24;
        const expected = ((q.nu * Math.log(F / K)) / x(z, q.rho)) * (1 + i1 * T);
        expect(relErr(sabrVolatility(K, F, T, q, { approximation: 'obloj2008' }), expected), `β=${q.beta} K=${K}`).toBeLessThan(1e-13);
      }
    }
    const e = { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 };
    for (const K of [50, 90, 110, 200]) expect(relErr(sabrVolatility(K, 100, 1, e, { approximation: 'obloj2008' }), sabrVolatility(K, 100, 1, e))).toBeLessThan(1e-14);
  });

  it('Obłój and Hagan agree near the money and differ in the wings (β = 0.5, ν = 0.4)', () => {
    const F = 0.03;
    expect(relErr(sabrVolatility(F * 1.01, F, 1, p, { approximation: 'obloj2008' }), sabrVolatility(F * 1.01, F, 1, p))).toBeLessThan(1e-5);
    expect(relErr(sabrVolatility(F / 4, F, 1, p, { approximation: 'obloj2008' }), sabrVolatility(F / 4, F, 1, p))).toBeGreaterThan(1e-3);
  });

  it('bad input: InvalidInputError naming argument, value and range', () => {
    const msg = (f: () => unknown) => {
      try { f(); } catch (e) { expect(e).toBeInstanceOf(InvalidInputError); return (e as Error).message; }
      throw new Error('did not throw');
    };
    expect(msg(() => sabrVolatility(0.03, 0.03, 1, { ...p, alpha: 0 }))).toBe('parameters.alpha = 0 is outside the allowed range (0, ∞)');
    expect(msg(() => sabrVolatility(0.03, 0.03, 1, { ...p, beta: 1.5 }))).toContain('parameters.beta = 1.5');
    expect(msg(() => sabrVolatility(0.03, 0.03, 1, { ...p, rho: 1 }))).toContain('(-1, 1)');
    expect(msg(() => sabrVolatility(0.03, 0.03, 1, { ...p, nu: -0.1 }))).toContain('parameters.nu = -0.1');
    expect(msg(() => sabrVolatility(-0.01, 0.03, 1, p))).toContain('strike = -0.01');
    expect(msg(() => sabrVolatility(-0.01, 0.03, 1, p, { shift: 0.005 }))).toContain('(-0.005, ∞)');
    expect(msg(() => sabrVolatility(0.03, 0.03, -1, p))).toContain('expiryTime = -1');
    expect(msg(() => sabrVolatility(0.03, 0.03, 1, p, { volatilityType: 'normal', approximation: 'obloj2008' }))).toContain('options.approximation');
  });
});

describe('sabrAlphaFromAtmVol', () => {
  it('round trip: sabrVolatility(F, F) with the solved α equals σ_ATM to 1e-12 (fast-check; lognormal, normal, shifted)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.8, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: -0.99, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.constantFrom('lognormal' as const, 'normal' as const),
        fc.constantFrom(0, 0.02),
        (F, beta, a, nu, rho, T, volatilityType, shift) => {
          const alpha = a * Math.pow(F + shift, 1 - beta);
          const atm = sabrVolatility(F, F, T, { alpha, beta, nu, rho }, { volatilityType, shift });
          fc.pre(atm > 0);
          const solved = sabrAlphaFromAtmVol(atm, F, T, beta, rho, nu, { volatilityType, shift });
          const back = sabrVolatility(F, F, T, { alpha: solved, beta, nu, rho }, { volatilityType, shift });
          return relErr(back, atm) < 1e-12;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('returns the smallest positive root: the α of a QuantLib case, and CalibrationError when none exists', () => {
    const c = cases.find((x) => x.id === 'beta05_1y') as SabrCase;
    const { F, T, beta, rho, nu, alpha } = c.inputs;
    const atm = c.points.find((x) => x.K === F)?.lognormal_vol as number;
    expect(relErr(sabrAlphaFromAtmVol(atm, F, T, beta, rho, nu), alpha)).toBeLessThan(1e-13);
    // ρ² > 2/3 and ν²T large: the cubic's linear coefficient is negative, p < 0 on (0, ∞).
    expect(() => sabrAlphaFromAtmVol(0.2, 100, 30, 1, -0.95, 2)).toThrow(CalibrationError);
    expect(() => sabrAlphaFromAtmVol(-0.2, 100, 1, 1, 0, 0.3)).toThrow('atmVol = -0.2');
  });
});
