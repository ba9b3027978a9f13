import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionType } from '../../instruments/OptionType.js';
import { InvalidInputError } from '../../src/errors.js';
import { adaptiveGaussKronrod } from '../../src/math/integration/adaptiveGaussKronrod.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Handle } from '../../src/patterns/Handle.js';
import { hullWhiteMarket, zeroBondOptionCases } from '../engines/hullwhite/_lib/hullWhiteMarket.js';

describe('HullWhite: zero-coupon bond options (QuantLib 1.29, flat 3 %, a = 0.1, σ = 0.01)', () => {
  const { model } = hullWhiteMarket();
  // QuantLib's own closed form and its Jamshidian engine differ by up to 2e-9 (its root-finder's
  // accuracy); the closed forms must agree to rounding, the engine values to 1e-8.
  it.each(zeroBondOptionCases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const { option_expiry_T: T, bond_maturity_S: S, strike_X: X } = c.inputs;
    const call = model.discountBondOption(OptionType.Call, X, T, S);
    const put = model.discountBondOption(OptionType.Put, X, T, S);
    expect(Math.abs(call - c.outputs.call_closed_form_check)).toBeLessThan(1e-12);
    expect(Math.abs(put - c.outputs.put_closed_form_check)).toBeLessThan(1e-12);
    expect(Math.abs(call - c.outputs.call)).toBeLessThan(1e-8);
    expect(Math.abs(put - c.outputs.put)).toBeLessThan(1e-8);
  });
});

describe('HullWhite: properties', () => {
  it('put–call parity: ZBC − ZBP = P(0, S) − X P(0, T) (also for forward bonds)', () => {
    const { model, curve } = hullWhiteMarket(0.025, 0.05, 0.012);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 1.5, noNaN: true }), (T, du, dS, X) => {
        const U = T + du;
        const S = U + dS;
        const c = model.discountBondOption(OptionType.Call, X, T, S, U);
        const p = model.discountBondOption(OptionType.Put, X, T, S, U);
        const parity = curve.currentLink().discount(S) - X * curve.currentLink().discount(U);
        expect(Math.abs(c - p - parity)).toBeLessThan(1e-13);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(p).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('reprices the curve: P(0, T) = A(0, T) e^{−B(0, T) r(0)} and discountBondX(0, T, 0)', () => {
    const { model, curve } = hullWhiteMarket(0.04, 0.2, 0.015);
    for (const T of [0.25, 1, 3.7, 10, 30]) {
      const P = curve.currentLink().discount(T);
      expect(Math.abs(model.discountBond(0, T, model.shortRate0()) / P - 1)).toBeLessThan(1e-14);
      expect(Math.abs(model.discountBondX(0, T, 0) / P - 1)).toBeLessThan(1e-14);
    }
  });

  it('E[exp(−∫r) P(t, T | r_t)] under the t-forward measure gives P(0, T): P(0, t) E^t[P(t, T)] = P(0, T)', () => {
    // Under Q^t, x(t) is Gaussian with variance V(t) and mean −σ²/a·(B(0,t) − b₂) + σ²B(0,t)²/2
    // (Brigo & Mercurio §3.3.2); integrate P(t, T | x) against that density by quadrature.
    const a = 0.08;
    const sigma = 0.012;
    const { model, curve } = hullWhiteMarket(0.03, a, sigma);
    const t = 4;
    const T = 9;
    const B = (1 - Math.exp(-a * t)) / a;
    const b2 = (1 - Math.exp(-2 * a * t)) / (2 * a);
    const mean = 0.5 * sigma * sigma * B * B - ((sigma * sigma) / a) * (B - b2);
    const sd = sigma * Math.sqrt(b2);
    const density = (x: number) => Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
    const { value } = adaptiveGaussKronrod((x) => density(x) * model.discountBondX(t, T, x), mean - 12 * sd, mean + 12 * sd, { relativeTolerance: 1e-13 });
    const c = curve.currentLink();
    expect(Math.abs((c.discount(t) * value) / c.discount(T) - 1)).toBeLessThan(1e-11);
  });

  it('discountBond(t, T, r) equals discountBondX(t, T, r − f(0, t)) and short-rate moments are consistent', () => {
    const { model, curve } = hullWhiteMarket(0.03, 0.1, 0.01);
    const f = curve.currentLink().forwardRate(2, 2, true);
    expect(Math.abs(model.discountBond(2, 7, 0.05) / model.discountBondX(2, 7, 0.05 - f) - 1)).toBeLessThan(1e-14);
    // From r(0), E[r(t)] = α(t) (x(0) = 0), Var = σ²(1 − e^{−2at})/(2a).
    expect(Math.abs(model.shortRateMean(0, 5, model.shortRate0()) - model.alpha(5))).toBeLessThan(1e-15);
    expect(model.shortRateVariance(1, 3)).toBeCloseTo((0.01 ** 2 * (1 - Math.exp(-0.4))) / 0.2, 16);
    // Flat curve: θ(t) = a f + σ²(1 − e^{−2at})/(2a); ∂f/∂T is a difference of forwards that are
    // themselves log-discount differences over 1e-4 years, so rounding leaves ~1e-8.
    expect(Math.abs(model.theta(3) - (0.1 * 0.03 + (0.01 ** 2 * (1 - Math.exp(-0.6))) / 0.2))).toBeLessThan(5e-8);
  });

  it('a → 0 tends to Ho–Lee continuously (σ_p = σ(S − T)√T)', () => {
    const { curve } = hullWhiteMarket(0.03, 0, 0.01);
    const hoLee = new HullWhite(curve, 0, 0.01);
    const tiny = new HullWhite(curve, 1e-9, 0.01);
    const c0 = hoLee.discountBondOption(OptionType.Call, 0.95, 2, 4);
    expect(Math.abs(c0 - tiny.discountBondOption(OptionType.Call, 0.95, 2, 4))).toBeLessThan(1e-10);
    expect(hoLee.B(1, 3)).toBe(2);
  });

  it('T = 0 gives the intrinsic value; reacts to the curve; setParameters notifies once', () => {
    const m = hullWhiteMarket();
    const P = m.curve.currentLink().discount(2);
    expect(m.model.discountBondOption(OptionType.Call, 0.9, 0, 2)).toBeCloseTo(P - 0.9, 15);
    let n = 0;
    const sub = m.model.changes$.subscribe(() => n++);
    m.model.setParameters({ a: 0.2 });
    m.model.setParameters({ a: 0.2 });
    expect(n).toBe(1);
    m.rate.setValue(0.05);
    expect(n).toBe(2);
    sub.unsubscribe();
    expect(m.model.params()).toEqual([0.2, 0.01]);
  });

  it('rejects bad input with InvalidInputError', () => {
    const { model, curve } = hullWhiteMarket();
    expect(() => new HullWhite(curve, -0.1, 0.01)).toThrow(InvalidInputError);
    expect(() => new HullWhite(curve, 0.1, 0)).toThrow(InvalidInputError);
    expect(() => new HullWhite({} as Handle<never>, 0.1, 0.01)).toThrow(InvalidInputError);
    expect(() => model.setParameters({ sigma: Number.NaN })).toThrow(InvalidInputError);
    expect(() => model.B(2, 1)).toThrow(InvalidInputError);
    expect(() => model.discountBondOption(OptionType.Call, -1, 1, 2)).toThrow(InvalidInputError);
    expect(() => model.discountBondOption(OptionType.Call, 0.9, 3, 2)).toThrow(InvalidInputError);
    expect(() => model.discountBond(1, 2, Number.NaN)).toThrow(InvalidInputError);
  });
});

describe('HullWhite: piecewise-constant σ(t)', () => {
  const times = [1, 2.5, 4];
  const sigmas = [0.012, 0.008, 0.01, 0.007];

  it('with equal pieces it is the constant-σ model', () => {
    const { curve, model } = hullWhiteMarket(0.03, 0.07, 0.01);
    const flat = new HullWhite(curve, 0.07, [0.01, 0.01, 0.01, 0.01], times);
    for (const [T, S] of [[0.5, 3], [2, 5], [4.5, 9]] as const) {
      expect(Math.abs(flat.discountBondOption(OptionType.Put, 0.9, T, S) - model.discountBondOption(OptionType.Put, 0.9, T, S))).toBeLessThan(1e-15);
      expect(Math.abs(flat.stateVariance(0.3, T) - model.stateVariance(0.3, T))).toBeLessThan(1e-17);
      expect(Math.abs(flat.alpha(T) - model.alpha(T))).toBeLessThan(1e-16);
      expect(Math.abs(flat.shortRateMean(0.3, T, 0.04) - model.shortRateMean(0.3, T, 0.04))).toBeLessThan(1e-16);
    }
  });

  it('y(s, t) and the drift match quadrature of their defining integrals', () => {
    const a = 0.09;
    const { curve } = hullWhiteMarket(0.03, a, 0.01);
    const m = new HullWhite(curve, a, sigmas, times);
    const sig = (u: number) => m.sigmaAt(u);
    const q = (f: (u: number) => number, lo: number, hi: number, tol = 1e-15) => {
      const cuts = [lo, ...times.filter((t) => t > lo && t < hi), hi];
      let v = 0;
      for (let i = 0; i + 1 < cuts.length; i++) v += adaptiveGaussKronrod(f, cuts[i]!, cuts[i + 1]!, { absoluteTolerance: tol }).value;
      return v;
    };
    const y = (s: number, t: number) => q((u) => sig(u) ** 2 * Math.exp(-2 * a * (t - u)), s, t);
    for (const [s, t] of [[0, 0.5], [0, 3], [0.7, 4.2], [2.5, 7]] as const) {
      expect(Math.abs(m.stateVariance(s, t) - y(s, t))).toBeLessThan(1e-15);
      // E[r(t) | r(s)] − f(0, t) − x(s)e^{−a(t−s)} = ∫_s^t e^{−a(t−u)} y(0, u) du.
      const drift = m.shortRateMean(s, t, curve.currentLink().forwardRate(s, s, true)) - curve.currentLink().forwardRate(t, t, true);
      expect(Math.abs(drift - q((u) => Math.exp(-a * (t - u)) * y(0, u), s, t, 1e-14))).toBeLessThan(1e-13);
    }
    // The model refits the curve: ∫_0^T α(u) du = −ln P(0, T) + ½∫_0^T σ(u)² B(u, T)² du. α carries
    // f(0, u) as a log-discount difference over 1e-4 years: ~1e-12 of rounding noise.
    const T = 6;
    const lhs = q((u) => m.alpha(u), 0, T, 1e-10);
    const rhs = -Math.log(curve.currentLink().discount(T)) + 0.5 * q((u) => sig(u) ** 2 * ((1 - Math.exp(-a * (T - u))) / a) ** 2, 0, T);
    expect(Math.abs(lhs - rhs)).toBeLessThan(1e-10);
  });

  it('reads σ through sigmas/sigmaAt; refuses sigma and bad pieces', () => {
    const { curve } = hullWhiteMarket();
    const m = new HullWhite(curve, 0.05, sigmas, times);
    expect(m.hasPiecewiseSigma()).toBe(true);
    expect(m.sigmas).toEqual(sigmas);
    expect(m.sigmaAt(2.5)).toBe(0.01);
    expect(m.params()).toEqual([0.05, ...sigmas]);
    expect(() => m.sigma).toThrow(/piecewise/);
    expect(() => m.setParameters({ sigma: 0.01 })).toThrow(InvalidInputError);
    m.setParameters({ sigmas: [0.01, 0.01, 0.01, 0.01] });
    expect(m.sigmaAt(5)).toBe(0.01);
    expect(() => new HullWhite(curve, 0.05, [0.01, 0.01], [2, 1])).toThrow(InvalidInputError);
    expect(() => new HullWhite(curve, 0.05, [0.01], [1])).toThrow(InvalidInputError);
    expect(() => new HullWhite(curve, 0.05, [0.01, -0.01], [1])).toThrow(InvalidInputError);
  });
});
