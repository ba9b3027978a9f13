// @test simulateLiborMarketModel
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { blackFormulaImpliedStdDev } from '../../../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { blackFormulaStdDevDerivative } from '../../../engines/blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { simulateLiborMarketModel, type LmmPath } from '../../../engines/lmm/simulateLiborMarketModel.js';
import { RunningStatistics } from '../../../engines/montecarlo/RunningStatistics.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { semiannualModel } from './_lib/lmmSetup.js';

/** Runs one simulation that values many products at once (one statistic each). */
function many(model: ReturnType<typeof semiannualModel>, products: ((p: LmmPath) => number)[], options: Parameters<typeof simulateLiborMarketModel>[1]) {
  const stats = products.map(() => new RunningStatistics());
  const antithetic = options.antithetic ?? false;
  let half: number[] = [];
  const result = simulateLiborMarketModel(model, options, (path) => {
    const values = products.map((f) => f(path));
    if (!antithetic) values.forEach((v, j) => stats[j]!.add(v));
    else if (half.length === 0) half = values;
    else {
      values.forEach((v, j) => stats[j]!.add(0.5 * (v + half[j]!)));
      half = [];
    }
    return values[0]!;
  });
  return { result, stats };
}

describe('simulateLiborMarketModel', () => {
  const model = semiannualModel();
  const n = model.size;

  it('reprices zero-coupon bonds: E[D_m] = P(0, T_m) within 3 standard errors', () => {
    const { stats } = many(model, Array.from({ length: n + 1 }, (_, m) => (p: LmmPath) => p.deflators[m]!), { paths: 4000, seed: 1 });
    stats.forEach((s, m) => {
      const z = (s.mean() - model.discounts[m]!) / Math.max(s.errorEstimate(), 1e-16);
      expect(Math.abs(z), `bond ${m}: ${s.mean()} vs ${model.discounts[m]}`).toBeLessThan(3);
    });
  });

  it('prices caplets at the Black value within 2 standard errors (ATM and ±100 bp, 3 factors)', () => {
    const products: ((p: LmmPath) => number)[] = [];
    const expected: number[] = [];
    for (let i = 1; i < n; i += 2) {
      for (const dk of [-0.01, 0, 0.01]) {
        const K = model.forwards[i]! + dk;
        const tau = model.accruals[i]!;
        products.push((p) => tau * Math.max(p.forwards[i * n + i]! - K, 0) * p.deflators[i + 1]!);
        expected.push(tau * blackFormula(OptionType.Call, K, model.forwards[i]!, model.capletVolatility(i) * Math.sqrt(model.rateTimes[i]!), model.discounts[i + 1]!));
      }
    }
    // Full-rank steps keep each forward's variance exactly; 3 factors keep the diagonal too
    // (rescaled PCA), so caplets are unbiased up to the drift discretisation.
    for (const factors of [10, 3]) {
      const { stats, result } = many(model, products, { paths: 8000, seed: 5, factors, antithetic: true });
      expect(result.varianceKept).toBeGreaterThan(factors === 3 ? 0.9 : 0.999999); // 3 of 10 factors: 93.9 % on the worst step
      stats.forEach((s, j) => {
        const err = s.errorEstimate();
        expect(Math.abs(s.mean() - expected[j]!), `caplet ${j} (factors ${factors}): MC ${s.mean()} ± ${err} vs Black ${expected[j]}`).toBeLessThan(2 * err + 1e-7);
      });
    }
  });

  it('prices ATM European swaptions at Rebonato’s vol within 5 bp of vol (control variate)', () => {
    const cases = [
      { start: 0, end: 10 },
      { start: 1, end: 9 },
      { start: 3, end: 9 },
    ];
    // Control: A0·(S0 e^{Y − v/2} − K)⁺ with Y = Σ_steps Σ_i ŵ_i shock_i, ŵ_i = w_i L_i(0)/S0 — Gaussian with
    // variance v = Rebonato's σ²T exactly at full rank, so E[control] = A0·Black(S0, K, √v) is exact and the
    // controlled estimator stays unbiased for the model's true price; it only removes noise.
    const results = cases.map(({ start, end }) => {
      const { rate: K, annuity: A0, weights } = model.swapRate(start, end, 2);
      const T = model.rateTimes[start]!;
      const v = model.swaptionVolatility(start, end, 2, 'frozenWeights') ** 2 * T; // Var Y: the frozen-weights sum
      const wHat = Array.from(weights, (w, j) => (w * model.forwards[start + j]!) / K);
      const diff = new RunningStatistics();
      const raw = new RunningStatistics();
      simulateLiborMarketModel(model, { paths: 12000, seed: 21 + start, shocks: true }, (p) => {
        let bond = 1;
        let annuity = 0;
        let floating = 0;
        for (let l = start; l < end; l++) {
          const L = p.forwards[start * n + l]!;
          bond /= 1 + model.accruals[l]! * L;
          floating += model.accruals[l]! * L * bond;
          if ((l + 1 - start) % 2 === 0) annuity += 1 * bond;
        }
        const x = Math.max(floating - K * annuity, 0) * p.deflators[start]!;
        let y = 0;
        for (let m = 0; m <= start; m++) for (let l = start; l < end; l++) y += wHat[l - start]! * p.shocks[m * n + l]!;
        const control = A0 * Math.max(K * Math.exp(y - 0.5 * v) - K, 0);
        diff.add(x - control);
        raw.add(x);
        return x;
      });
      const price = diff.mean() + blackFormula(OptionType.Call, K, K, Math.sqrt(v), A0);
      return { K, A0, T, price, se: diff.errorEstimate(), rawSe: raw.errorEstimate() };
    });
    cases.forEach(({ start, end }, j) => {
      const { K, A0, T, price, se, rawSe } = results[j]!;
      const mcVol = blackFormulaImpliedStdDev(OptionType.Call, K, K, price, A0) / Math.sqrt(T);
      const volError = se / (blackFormulaStdDevDerivative(K, K, mcVol * Math.sqrt(T), A0) * Math.sqrt(T));
      const rebonato = model.swaptionVolatility(start, end, 2);
      const frozen = model.swaptionVolatility(start, end, 2, 'frozenWeights');
      // Rebonato's formula with the exact swap-rate Jacobian (Hull & White 2000): 5 bp of vol; the
      // frozen weights (w_i for ∂S/∂L_i) miss the annual-vs-semiannual leg effect: 25 bp allowed.
      expect(Math.abs(mcVol - rebonato), `swaption ${start}-${end}: MC ${mcVol} ± ${volError} vs Rebonato ${rebonato}`).toBeLessThan(0.0005 + 2 * volError);
      expect(Math.abs(mcVol - frozen), `swaption ${start}-${end}: MC ${mcVol} vs frozen weights ${frozen}`).toBeLessThan(0.0025);
      expect(volError, `control variate: se ${se} vs ${rawSe} without`).toBeLessThan(0.0004); // 1.5–2.6 bp, 15–22× below the plain estimator
    });
  });

  it('Sobol + Brownian bridge (16 shifted copies) prices caplets within 3 se with a smaller error than Philox', () => {
    const i = 7;
    const K = model.forwards[i]!;
    const tau = model.accruals[i]!;
    const caplet = (p: LmmPath) => tau * Math.max(p.forwards[i * n + i]! - K, 0) * p.deflators[i + 1]!;
    const black = tau * blackFormula(OptionType.Call, K, model.forwards[i]!, model.capletVolatility(i) * Math.sqrt(model.rateTimes[i]!), model.discounts[i + 1]!);
    const qmc = simulateLiborMarketModel(model, { paths: 8192, seed: 4, factors: 3, rng: 'sobol' }, caplet);
    const mc = simulateLiborMarketModel(model, { paths: 8192, seed: 4, factors: 3 }, caplet);
    expect(Math.abs(qmc.value - black), `Sobol ${qmc.value} ± ${qmc.errorEstimate} vs Black ${black}`).toBeLessThan(3 * qmc.errorEstimate);
    expect(qmc.errorEstimate).toBeLessThan(0.5 * mc.errorEstimate);
    expect(qmc.samples).toBe(8192);
    expect(simulateLiborMarketModel(model, { paths: 8192, seed: 4, factors: 3, rng: 'sobol', backend: 'typescript' }, caplet).value).toBe(qmc.value);
  });

  it('is deterministic by seed and changes with the seed', () => {
    const caplet = (p: LmmPath) => 0.5 * Math.max(p.forwards[9 * n + 9]! - model.forwards[9]!, 0) * p.deflators[10]!;
    const a = simulateLiborMarketModel(model, { paths: 500, seed: 9 }, caplet);
    const b = simulateLiborMarketModel(model, { paths: 500, seed: 9 }, caplet);
    expect(a.value).toBe(b.value);
    expect(a.value).not.toBe(simulateLiborMarketModel(model, { paths: 500, seed: 10 }, caplet).value);
  });
});
