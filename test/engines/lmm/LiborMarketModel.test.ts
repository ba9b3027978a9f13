// @test LiborMarketModel, forwardCorrelation, reduceFactors
import { describe, expect, it } from 'vitest';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { forwardCorrelation } from '../../../engines/lmm/forwardCorrelation.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { reduceFactors } from '../../../engines/lmm/reduceFactors.js';
import { InvalidInputError } from '../../../src/errors.js';
import { semiannualModel } from './_lib/lmmSetup.js';

describe('forwardCorrelation', () => {
  it('has a unit diagonal, the stated entries and the limits β = 0, ρ∞ = 0', () => {
    const times = [0.5, 1, 2, 5];
    const r = forwardCorrelation(times, { form: 'rebonato', beta: 0.2, rhoInfinity: 0.3 });
    expect(r[0]).toBe(1);
    // ρ(0.5, 5) = 0.3 + 0.7 e^{−0.9} (the definition, by hand).
    expect(r[3]).toBeCloseTo(0.3 + 0.7 * Math.exp(-0.9), 15);
    expect(Array.from(forwardCorrelation(times, { form: 'exponential', beta: 0 }))).toEqual(new Array(16).fill(1));
    const e = forwardCorrelation(times, { form: 'exponential', beta: 0.2 });
    const z = forwardCorrelation(times, { form: 'rebonato', beta: 0.2, rhoInfinity: 0 });
    expect(Array.from(e)).toEqual(Array.from(z));
    expect(forwardCorrelation([1, 2], { form: 'rebonato', beta: 0.1, rhoInfinity: 0.5 })[1]).toBe(0.9524187090179798);
    expect(() => forwardCorrelation(times, { form: 'rebonato', beta: 0.2, rhoInfinity: 1.5 })).toThrow(/rhoInfinity = 1.5/);
  });
});

describe('reduceFactors', () => {
  const times = Array.from({ length: 20 }, (_, i) => 0.5 * (i + 1));
  const rho = forwardCorrelation(times, { form: 'rebonato', beta: 0.1, rhoInfinity: 0.3 });
  it('k = n reproduces the matrix; the variance kept is the eigenvalue share', () => {
    const full = reduceFactors(rho, 20, 20);
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        let s = 0;
        for (let f = 0; f < 20; f++) s += full.pseudoRoot[i * 20 + f]! * full.pseudoRoot[j * 20 + f]!;
        expect(Math.abs(s - rho[i * 20 + j]!)).toBeLessThan(1e-13);
      }
    }
    expect(full.varianceKept).toBeCloseTo(1, 14);
    const three = reduceFactors(rho, 20, 3, 'diagonal');
    const ev = full.eigenvalues;
    expect(three.varianceKept).toBeCloseTo((ev[0]! + ev[1]! + ev[2]!) / 20, 13);
    expect(three.varianceKept).toBeGreaterThan(0.9); // a smooth correlation: three factors carry most of it
    for (let i = 0; i < 20; i++) {
      let s = 0;
      for (let f = 0; f < 3; f++) s += three.pseudoRoot[i * 3 + f]! ** 2;
      expect(s).toBeCloseTo(1, 14);
    }
  });
  it('keeps 100 % of a rank-one matrix with one factor', () => {
    const v = [1, 2, 3];
    const m = v.flatMap((a) => v.map((b) => a * b));
    const r = reduceFactors(m, 3, 1);
    expect(r.varianceKept).toBeCloseTo(1, 14);
    expect(Math.abs(r.pseudoRoot[2]!)).toBeCloseTo(3, 13);
  });
});

describe('LiborMarketModel', () => {
  const model = semiannualModel();
  it('derives forwards from the discounts and the swap rate from the forwards', () => {
    const p = model.discounts;
    expect(model.forwards[3]).toBeCloseTo((p[3]! / p[4]! - 1) / 0.5, 15);
    // S = (P(T_2) − P(T_10)) / A with an annual fixed leg (two accruals per fixed period).
    const { rate, annuity } = model.swapRate(2, 10, 2);
    let a = 0;
    for (let i = 4; i <= 10; i += 2) a += 1 * p[i]!;
    expect(annuity).toBeCloseTo(a, 15);
    expect(rate).toBeCloseTo((p[2]! - p[10]!) / a, 15);
  });

  it('a one-period swaption has the caplet vol (Rebonato’s formula, one forward)', () => {
    for (let i = 0; i < 10; i++) expect(model.swaptionVolatility(i, i + 1)).toBeCloseTo(model.capletVolatility(i), 14);
  });

  it('caplet vol is k_i √(∫g²/T) (constant g: k_i d)', () => {
    const flat = new LiborMarketModel({ rateTimes: [1, 2, 3], discounts: [0.97, 0.94, 0.91], volatility: new AbcdFunction(0, 0, 1, 0.2), scalings: [1, 1.5], correlation: { form: 'exponential', beta: 0 } });
    expect(flat.capletVolatility(1)).toBeCloseTo(0.3, 15);
    // Perfect correlation and equal flat vols: with frozen weights (Σ w_i L_i = S) the swap rate has the same vol.
    expect(new LiborMarketModel({ rateTimes: [1, 2, 3], discounts: [0.97, 0.94, 0.91], volatility: new AbcdFunction(0, 0, 1, 0.2), correlation: { form: 'exponential', beta: 0 } }).swaptionVolatility(0, 2, 1, 'frozenWeights')).toBeCloseTo(0.2, 14);
  });

  it('with k factors carries a rank-k unit-diagonal correlation that the k-factor simulation reproduces', () => {
    const full = semiannualModel();
    const rateTimes = Array.from(full.rateTimes);
    const three = new LiborMarketModel({ rateTimes, discounts: full.discounts, volatility: full.volatility, scalings: full.scalings, correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.4 }, factors: 3 });
    const r = reduceFactors(three.correlation, 10, 10);
    expect(r.eigenvalues[3]!).toBeLessThan(1e-12); // rank 3
    for (let i = 0; i < 10; i++) expect(three.correlation[i * 11]).toBe(1);
    // Fewer factors, more correlated forwards: a higher swaption vol than the full-rank model.
    expect(three.swaptionVolatility(0, 10, 2)).toBeGreaterThan(full.swaptionVolatility(0, 10, 2));
    expect(three.capletVolatility(4)).toBeCloseTo(full.capletVolatility(4), 14);
    expect(() => new LiborMarketModel({ rateTimes, discounts: full.discounts, volatility: full.volatility, correlation: { form: 'exponential', beta: 0.1 }, factors: 11 })).toThrow(/factors = 11/);
  });

  it('refuses a bad tenor structure, scalings and correlation matrix', () => {
    const g = new AbcdFunction(0.05, 0.4, 0.9, 0.12);
    expect(() => new LiborMarketModel({ rateTimes: [1, 1], discounts: [0.9, 0.8], volatility: g, correlation: { form: 'exponential', beta: 0.1 } })).toThrow(/rateTimes\[1\] = 1/);
    expect(() => new LiborMarketModel({ rateTimes: [1, 2], discounts: [0.9, 0.8], volatility: g, scalings: [0], correlation: { form: 'exponential', beta: 0.1 } })).toThrow(/scalings\[0\] = 0/);
    expect(() => new LiborMarketModel({ rateTimes: [1, 2, 3], discounts: [0.9, 0.8, 0.7], volatility: g, correlation: [1, 0.5, 0.4, 1] })).toThrow(InvalidInputError);
    expect(() => new LiborMarketModel({ rateTimes: [1, 2], discounts: [0.9, 0.95], volatility: g, correlation: { form: 'exponential', beta: 0.1 } })).toThrow(/forwards\[0\] \+ displacement/);
  });
});
