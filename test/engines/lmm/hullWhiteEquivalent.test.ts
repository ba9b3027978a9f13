// @test LiborMarketModel.hullWhiteEquivalent: the displaced one-factor LMM that is Hull–White
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { simulateLiborMarketModel } from '../../../engines/lmm/simulateLiborMarketModel.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { brentRoot } from '../../../src/math/solvers/brentRoot.js';

// Hull–White closed forms (Brigo & Mercurio 2006, eq. 3.39–3.41), written here from the book:
// P(0,t) = exp(−(0.03 + 0.002t)t), so f(0,t) = 0.03 + 0.004t.
const a = 0.08;
const sigma = 0.011;
const P = (t: number) => Math.exp(-(0.03 + 0.002 * t) * t);
const f0 = (t: number) => 0.03 + 0.004 * t;
const B = (t: number, T: number) => (1 - Math.exp(-a * (T - t))) / a;
/** Zero-bond put ZBP(0, T, S, X). */
function zbp(T: number, S: number, X: number): number {
  const sp = sigma * Math.sqrt((1 - Math.exp(-2 * a * T)) / (2 * a)) * B(T, S);
  const h = Math.log(P(S) / (P(T) * X)) / sp + sp / 2;
  return X * P(T) * normalCdf(-h + sp) - P(S) * normalCdf(-h);
}
/** P(T, S | r_T = r). */
function bond(T: number, S: number, r: number): number {
  const b = B(T, S);
  return (P(S) / P(T)) * Math.exp(b * f0(T) - ((sigma * sigma) / (4 * a)) * (1 - Math.exp(-2 * a * T)) * b * b - b * r);
}

describe('LiborMarketModel.hullWhiteEquivalent', () => {
  const rateTimes = Array.from({ length: 11 }, (_, i) => 1 + i); // annual T_0 = 1 … T_10 = 11
  const model = LiborMarketModel.hullWhiteEquivalent(rateTimes, rateTimes.map(P), a, sigma);

  it('its caplets are Hull–White zero-bond puts to 1e-13 (an identity of the mapping)', () => {
    for (let i = 0; i < 10; i++) {
      for (const K of [0.02, 0.035, 0.06]) {
        const Ti = rateTimes[i]!;
        const lmm = blackFormula(OptionType.Call, K, model.forwards[i]!, model.capletVolatility(i) * Math.sqrt(Ti), P(Ti + 1), model.displacement);
        const hw = (1 + K) * zbp(Ti, Ti + 1, 1 / (1 + K));
        expect(Math.abs(lmm - hw), `caplet ${i}, K ${K}: ${lmm} vs ${hw}`).toBeLessThan(1e-13);
      }
    }
  });

  it('its Monte Carlo European swaption (2Y into 5Y, one factor) is Jamshidian’s within 3 se', () => {
    const start = 1;
    const end = 6;
    const T = rateTimes[start]!;
    const K = model.swapRate(start, end).rate;
    // Jamshidian: r* with Σ c_j P(T, T_j | r*) = 1, payer = Σ c_j ZBP(0, T, T_j, P(T, T_j | r*)).
    const c = Array.from({ length: end - start }, (_, j) => K + (j === end - start - 1 ? 1 : 0));
    const pay = Array.from({ length: end - start }, (_, j) => rateTimes[start + 1 + j]!);
    const rStar = brentRoot((r) => c.reduce((s, cj, j) => s + cj * bond(T, pay[j]!, r), 0) - 1, -0.5, 0.5, { accuracy: 1e-15 });
    const jamshidian = c.reduce((s, cj, j) => s + cj * zbp(T, pay[j]!, bond(T, pay[j]!, rStar)), 0);
    const n = model.size;
    const mc = simulateLiborMarketModel(model, { paths: 20000, seed: 12, rng: 'sobol' }, (p) => {
      let bondT = 1;
      let value = 0;
      for (let l = start; l < end; l++) {
        bondT /= 1 + p.forwards[start * n + l]!;
        value += (p.forwards[start * n + l]! - K) * bondT;
      }
      return Math.max(value, 0) * p.deflators[start]!;
    });
    expect(Math.abs(mc.value - jamshidian), `LMM MC ${mc.value} ± ${mc.errorEstimate} vs Jamshidian ${jamshidian}`).toBeLessThan(3 * mc.errorEstimate + 2e-6);
    expect(mc.errorEstimate).toBeLessThan(0.002 * jamshidian);
  });

  it('refuses unequal accruals', () => {
    expect(() => LiborMarketModel.hullWhiteEquivalent([1, 2, 3.5], [0.97, 0.94, 0.9], a, sigma)).toThrow(/equal accruals/);
  });
});
