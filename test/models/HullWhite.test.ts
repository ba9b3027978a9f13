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
