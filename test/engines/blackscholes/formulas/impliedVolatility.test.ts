// Implied Black (Let's Be Rational) and Bachelier (Jäckel 2017) volatilities: QuantLib 1.29
// reference cases, round trips over random markets (fast-check), bounds and errors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blackFormula } from '../../../../engines/blackscholes/formulas/blackFormula.js';
import { blackFormulaImpliedStdDev } from '../../../../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { blackFormulaStdDevDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { blackFormulaVolDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaVolDerivative.js';
import { impliedBlackVolatility } from '../../../../engines/blackscholes/formulas/impliedBlackVolatility.js';
import { bachelierBlackFormula } from '../../../../engines/blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaImpliedVol } from '../../../../engines/blackscholes/formulas/bachelierBlackFormulaImpliedVol.js';
import { bachelierBlackFormulaStdDevDerivative } from '../../../../engines/blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
import { OptionType } from '../../../../instruments/OptionType.js';
import { vanillaOptionImpliedVolatility } from '../../../../engines/blackscholes/formulas/vanillaOptionImpliedVolatility.js';
import { AmericanExercise } from '../../../../instruments/exercises/AmericanExercise.js';
import { PlainVanillaPayoff } from '../../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../../instruments/VanillaOption.js';
import { europeanOption, flatMarket, setToday, today } from '../../../_lib/market.js';
import { InvalidInputError } from '../../../../src/errors.js';
import { quantlib } from '../../../_lib/reference.js';

const { Call, Put } = OptionType;
const EPS = 2.220446049250313e-16;

interface BsmIvCase {
  id: string;
  inputs: { S: number; K: number; T: number; r: number; q: number; type: 'call' | 'put'; price: number; vol_used_to_make_price: number };
  outputs: { implied_vol_VanillaOption: number; implied_vol_blackFormulaImpliedStdDev: number; vega_at_solution: number };
}
interface BachelierCase {
  id: string;
  inputs: { F: number; K: number; T: number; normal_vol: number; discount: number };
  outputs: { call: number; put: number };
}

describe('impliedBlackVolatility vs QuantLib 1.29 (bsm_implied_vol: AnalyticEuropeanEngine prices)', () => {
  it.each((quantlib.bsm_implied_vol.cases as BsmIvCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { S, K, T, r, q, type, price, vol_used_to_make_price: vol } = c.inputs;
    const w = type === 'call' ? Call : Put;
    const F = S * Math.exp((r - q) * T);
    const D = Math.exp(-r * T);
    const got = impliedBlackVolatility(w, K, F, price, T, D);
    // QuantLib's price carries its own rounding (its textbook formula cancels deep out of the money
    // and the spot route rounds differently from F·D): measure that difference at the true vol and
    // allow twice its effect on σ (ΔP / vega), plus 1e-14 relative and one ulp of the price.
    const vega = blackFormulaVolDerivative(K, F, vol * Math.sqrt(T), T, D);
    const priceNoise = Math.abs(blackFormula(w, K, F, vol * Math.sqrt(T), D) - price) + EPS * price;
    const tol = 1e-14 * vol + (2 * priceNoise) / vega;
    expect(Math.abs(got - vol), `${c.id}: got ${got}, made with ${vol}, QuantLib found ${c.outputs.implied_vol_blackFormulaImpliedStdDev}, tolerance ${tol}`).toBeLessThanOrEqual(tol);
    // Repricing at the recovered vol reproduces the price to 1e-12·S (the note in the reference file).
    expect(Math.abs(blackFormula(w, K, F, got * Math.sqrt(T), D) - price)).toBeLessThanOrEqual(1e-12 * S);
  });
});

describe('blackFormulaImpliedStdDev: round trips over random markets (fast-check)', () => {
  // F log-uniform in [1e-2, 1e4], σ in [1 %, 300 %], T in [1 day, 30 y], ln(F/K) = z·σ√T with
  // |z| ≤ 10 standard deviations, calls and puts, D in (0.2, 1], displacement 0 or up to F.
  const market = fc.record({
    logF: fc.double({ min: Math.log(1e-2), max: Math.log(1e4), noNaN: true }),
    logVol: fc.double({ min: Math.log(0.01), max: Math.log(3), noNaN: true }),
    logT: fc.double({ min: Math.log(1 / 365), max: Math.log(30), noNaN: true }),
    z: fc.double({ min: -10, max: 10, noNaN: true }),
    call: fc.boolean(),
    D: fc.double({ min: 0.2, max: 1, noNaN: true }),
    shift: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  });
  it('price → s → price within 1e-13 relative wherever the time value is ≥ 2⁻⁵⁰·max(F, K); s within what the price allows', () => {
    fc.assert(
      fc.property(market, ({ logF, logVol, logT, z, call, D, shift }) => {
        const F = Math.exp(logF);
        const s = Math.exp(logVol) * Math.sqrt(Math.exp(logT));
        const d = shift * F;
        const K = (F + d) * Math.exp(-z * s) - d;
        const w = call ? Call : Put;
        const price = blackFormula(w, K, F, s, D, d);
        const timeValue = price / D - Math.max(w * (F - K), 0);
        const upper = w > 0 ? F + d : K + d;
        // The documented region where the price carries information about s.
        fc.pre(timeValue >= 2 ** -50 * Math.max(F + d, K + d) && timeValue / Math.sqrt((F + d) * (K + d)) >= 1e-300 && price < D * upper);
        const implied = blackFormulaImpliedStdDev(w, K, F, price, D, d);
        const repriced = blackFormula(w, K, F, implied, D, d);
        const priceError = Math.abs(repriced - price) / price;
        // A relative price error δ moves s by δ·V/(s·∂V/∂s): allow 8ε of that, plus 8ε.
        const conditioning = price / (s * blackFormulaStdDevDerivative(K, F, s, D, d));
        const volError = Math.abs(implied - s) / s;
        return priceError <= 1e-13 && volError <= 8 * EPS * (1 + conditioning);
      }),
      { numRuns: 20_000 },
    );
  });
  it('an exact intrinsic price gives 0; the maps between puts and calls agree (parity)', () => {
    expect(blackFormulaImpliedStdDev(Call, 90, 100, 10)).toBe(0);
    expect(blackFormulaImpliedStdDev(Put, 110, 100, 0.9 * 10, 0.9)).toBe(0);
    const c = blackFormula(Call, 120, 100, 0.3, 0.95);
    const p = c - 0.95 * (100 - 120);
    expect(blackFormulaImpliedStdDev(Put, 120, 100, p, 0.95)).toBeCloseTo(0.3, 14);
  });
  it('a price at the top of its range (1 ulp below D·F) inverts to a large, finite s', () => {
    const s = blackFormulaImpliedStdDev(Call, 100, 100, 99.99999999999999);
    expect(Number.isFinite(s)).toBe(true);
    expect(s).toBeGreaterThan(15);
  });
});

describe('blackFormulaImpliedStdDev: prices outside [intrinsic, upper bound) throw, never NaN', () => {
  it.each([
    ['call below intrinsic', Call, 90, 100, 9.999, 1],
    ['call at the forward', Call, 90, 100, 100, 1],
    ['discounted call above D·F', Call, 100, 100, 95.5, 0.95],
    ['put below intrinsic', Put, 110, 100, 9.9, 1],
    ['put at the strike', Put, 110, 100, 110, 1],
  ] as const)('%s', (_label, w, K, F, price, D) => {
    let error: unknown;
    try {
      blackFormulaImpliedStdDev(w, K, F, price, D);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(new RegExp(`^blackPrice = ${price} is outside the allowed range \\[`));
    expect((error as InvalidInputError).details['argument']).toBe('blackPrice');
  });
  it('rejects NaN, negative prices, bad strikes and expiries by name', () => {
    expect(() => blackFormulaImpliedStdDev(Call, 100, 100, Number.NaN)).toThrow(/blackPrice = NaN/);
    expect(() => blackFormulaImpliedStdDev(Call, 100, 100, -1)).toThrow(/blackPrice = -1/);
    expect(() => blackFormulaImpliedStdDev(Call, 0, 100, 50)).toThrow(/strike = 0/);
    expect(() => impliedBlackVolatility(Call, 100, 100, 5, 0)).toThrow(/expiry = 0/);
  });
});

describe('bachelierBlackFormulaImpliedVol (Jäckel 2017) vs the true normal vols of QuantLib 1.29 cases', () => {
  const cases = quantlib.bachelier.cases as BachelierCase[];
  it.each(cases.map((c) => [c.id, c] as const))('%s: within 1e-12 relative near the money, else what the price allows', (_id, c) => {
    const { F, K, T, normal_vol: vol, discount } = c.inputs;
    for (const [w, price] of [[Call, c.outputs.call], [Put, c.outputs.put]] as const) {
      const got = bachelierBlackFormulaImpliedVol(w, K, F, T, price, discount);
      // Near the money (|F − K| ≤ 2 s) the inversion is well conditioned: 1e-12 relative. Further
      // out, QuantLib's price carries rounding ≈ 1e-16·max(|F|, |K|) that moves σ_N by that over the
      // normal vega; allow 64× that.
      const s = vol * Math.sqrt(T);
      const nearTheMoney = Math.abs(F - K) <= 2 * s;
      const vega = discount * bachelierBlackFormulaStdDevDerivative(K, F, s) * Math.sqrt(T);
      const tol = nearTheMoney ? 1e-12 * vol : 1e-12 * vol + (64 * EPS * Math.max(Math.abs(F), Math.abs(K), price)) / vega;
      expect(Math.abs(got - vol), `${c.id} type=${w}: got ${got}, true ${vol}, tolerance ${tol}`).toBeLessThanOrEqual(tol);
    }
  });
  it('round trips price → σ_N → price over random markets, |F − K| up to 10 standard deviations (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.1, noNaN: true }),
        fc.double({ min: Math.log(1e-4), max: Math.log(0.05), noNaN: true }),
        fc.double({ min: Math.log(1 / 365), max: Math.log(30), noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.boolean(),
        (F, logVol, logT, z, call) => {
          const T = Math.exp(logT);
          const vol = Math.exp(logVol);
          const s = vol * Math.sqrt(T);
          const K = F - z * s;
          const w = call ? Call : Put;
          const price = bachelierBlackFormula(w, K, F, s);
          const timeValue = price - Math.max(w * (F - K), 0);
          fc.pre(timeValue >= 2 ** -50 * Math.max(Math.abs(F), Math.abs(K), s) && timeValue > 1e-300);
          const implied = bachelierBlackFormulaImpliedVol(w, K, F, T, price);
          const repriced = bachelierBlackFormula(w, K, F, implied * Math.sqrt(T));
          // Round trip: the price's own rounding (ε of the larger of intrinsic and time value)
          // plus the evaluation of φ̃ = Φ + φ/x, which cancels like z² far out: 1e-13·(1 + z²/10).
          return Math.abs(repriced - price) <= (1e-13 * (1 + (z * z) / 10)) * price + 4 * EPS * Math.max(Math.abs(F), Math.abs(K));
        },
      ),
      { numRuns: 20_000 },
    );
  });
  it('at the money and at intrinsic; below intrinsic throws naming the price', () => {
    expect(bachelierBlackFormulaImpliedVol(Call, 0.03, 0.03, 1, 0.01 / Math.sqrt(2 * Math.PI))).toBeCloseTo(0.01, 17);
    expect(bachelierBlackFormulaImpliedVol(Put, 0.04, 0.03, 1, 0.04 - 0.03)).toBe(0);
    expect(() => bachelierBlackFormulaImpliedVol(Put, 0.04, 0.03, 1, 0.0099)).toThrow(/^bachelierPrice = 0.0099 is outside the allowed range \[0.010000000000000002, Infinity\)/);
    expect(() => bachelierBlackFormulaImpliedVol(Put, 0.04, 0.03, 0, 0.02)).toThrow(/tte = 0/);
  });
});

describe('vanillaOptionImpliedVolatility vs QuantLib 1.29 VanillaOption.impliedVolatility', () => {
  it.each((quantlib.bsm_implied_vol.cases as BsmIvCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    setToday();
    const { S, K, T, r, q, type, price, vol_used_to_make_price: vol } = c.inputs;
    const days = Math.round(T * 365);
    const m = flatMarket(S, r, q, 0.5); // the market's own vol level plays no part
    const option = europeanOption(type === 'call' ? Call : Put, K, days);
    const got = vanillaOptionImpliedVolatility(option, price, m.process);
    // Same allowance as for impliedBlackVolatility: QuantLib's price noise over vega, + 1e-14.
    const F = S * Math.exp((r - q) * T);
    const D = Math.exp(-r * T);
    const vega = blackFormulaVolDerivative(K, F, vol * Math.sqrt(T), T, D);
    const priceNoise = Math.abs(blackFormula(type === 'call' ? Call : Put, K, F, vol * Math.sqrt(T), D) - price) + EPS * price;
    expect(Math.abs(got - vol), `${c.id}: got ${got}, QuantLib VanillaOption ${c.outputs.implied_vol_VanillaOption}`).toBeLessThanOrEqual(1e-14 * vol + (4 * priceNoise) / vega);
  });
  it('round trip through AnalyticEuropeanEngine on a flat market, calls and puts', () => {
    setToday();
    const m = flatMarket(100, 0.03, 0.01, 0.27);
    for (const [w, K, days] of [[Call, 80, 30], [Put, 80, 30], [Call, 130, 700], [Put, 95, 2000]] as const) {
      const option = europeanOption(w, K, days);
      option.setPricingEngine(m.engine);
      expect(vanillaOptionImpliedVolatility(option, option.NPV(), m.process)).toBeCloseTo(0.27, 13);
    }
  });
  it('refuses American exercise, expired options and prices out of range', () => {
    setToday();
    const m = flatMarket();
    const american = new VanillaOption(new PlainVanillaPayoff(Call, 100), new AmericanExercise(today, today.addDays(90)));
    expect(() => vanillaOptionImpliedVolatility(american, 5, m.process)).toThrow(/option.exercise.type/);
    expect(() => vanillaOptionImpliedVolatility(europeanOption(Call, 100, 365), 200, m.process)).toThrow(/^blackPrice = 200 is outside the allowed range/);
  });
});
