import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticHestonEngine } from '../../../engines/heston/AnalyticHestonEngine.js';
import { batesCharacteristicFunction as bates, type BatesJumps } from '../../../engines/heston/batesCharacteristicFunction.js';
import { CosHestonEngine } from '../../../engines/heston/CosHestonEngine.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';
import { hestonCharacteristicFunction as heston } from '../../../engines/heston/hestonCharacteristicFunction.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import { europeanOption, OptionType, setToday } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';
import { hestonMarket, lewisParams } from './_lib/hestonMarket.js';

interface BatesCase {
  id: string;
  inputs: { S: number; K: number; N_days: number; r: number; q: number; lambda: number; muJ: number; sigmaJ: number } & HestonParameters;
  outputs: { call: number; put: number };
}
const qlBates: { cases: BatesCase[] } = JSON.parse(readFileSync(new URL('../../reference/quantlib-1.29-bates.json', import.meta.url), 'utf8'));
const sets: Record<string, HestonParameters> = quantlib['heston'].param_sets;
const jumpSets: BatesJumps[] = [
  { lambda: 0.3, muJ: -0.15, sigmaJ: 0.2 },
  { lambda: 1, muJ: 0.05, sigmaJ: 0.1 },
  { lambda: 0.1, muJ: -0.5, sigmaJ: 0.3 },
];

beforeEach(setToday);

function price(engine: 'lewis' | 'cos', S: number, K: number, days: number, r: number, q: number, p: HestonParameters, jumps: BatesJumps, type: OptionType): number {
  const m = hestonMarket(S, r, q, p);
  const option = europeanOption(type, K, days);
  option.setPricingEngine(engine === 'lewis' ? new AnalyticHestonEngine(m.model, { jumps }) : new CosHestonEngine(m.model, { jumps }));
  return option.NPV();
}

describe('batesCharacteristicFunction (Bates 1996)', () => {
  it('λ = 0 equals the Heston characteristic function exactly (same bits), for every reference set', () => {
    for (const [name, p] of Object.entries(sets)) {
      for (const u of [new Complex(0.7, -0.5), new Complex(13, 0), new Complex(-3, -1), new Complex(0.1, -0.2)]) {
        expect(bates(u, 1.3, p, { lambda: 0, muJ: -0.2, sigmaJ: 0.3 }, 0.02), name).toEqual(heston(u, 1.3, p, 0.02));
      }
    }
  });

  it('φ(0) = 1 and φ(−i) = forward/spot = e^drift (martingale) to 1e-15 relative, with jumps', () => {
    for (const p of Object.values(sets)) {
      for (const j of jumpSets) {
        for (const t of [1 / 365, 1, 5]) {
          const drift = 0.03 * t;
          const z = bates(new Complex(0, 0), t, p, j, drift);
          expect(Math.abs(z.re - 1)).toBeLessThanOrEqual(1e-15);
          const f = bates(new Complex(0, -1), t, p, j, drift);
          expect(Math.abs(f.re / Math.exp(drift) - 1), `T=${t}`).toBeLessThanOrEqual(1e-15 * Math.max(1, j.lambda * t * 10));
          expect(Math.abs(f.im)).toBeLessThanOrEqual(1e-15 * Math.max(1, j.lambda * t * 10));
        }
      }
    }
  });

  it('pure jump factor: with Heston removed (ratio to Heston), the lognormal compound-Poisson CF', () => {
    const j = jumpSets[0]!;
    const u = new Complex(2.5, 0);
    const ratio = bates(u, 2, lewisParams, j).div(heston(u, 2, lewisParams));
    const k = Math.exp(j.muJ + j.sigmaJ ** 2 / 2) - 1;
    const e = new Complex(-0.5 * j.sigmaJ ** 2 * 6.25, 2.5 * j.muJ).exp().sub(new Complex(1, 0)).scale(2 * j.lambda).add(new Complex(0, -2.5 * 2 * j.lambda * k)).exp();
    expect(ratio.sub(e).abs()).toBeLessThan(1e-14);
  });

  it('docstring example', () => {
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    expect(bates(new Complex(0, -1), 1, p, { lambda: 0.5, muJ: -0.1, sigmaJ: 0.2 }, 0.02).re).toBe(1.0202013400267558);
  });

  it('throws InvalidInputError naming the jump parameter', () => {
    expect(() => bates(new Complex(1, 0), 1, lewisParams, { lambda: -0.1, muJ: 0, sigmaJ: 0.1 })).toThrow(/jumps\.lambda = -0\.1/);
    expect(() => bates(new Complex(1, 0), 1, lewisParams, { lambda: 1, muJ: NaN, sigmaJ: 0.1 })).toThrow(/jumps\.muJ/);
    expect(() => bates(new Complex(1, 0), 1, lewisParams, { lambda: 1, muJ: 0, sigmaJ: -1 })).toThrow(InvalidInputError);
  });
});

describe('Bates pricing by Lewis (AnalyticHestonEngine) and COS (CosHestonEngine) with `jumps`', () => {
  it('λ = 0 gives the Heston prices of both engines bit for bit', () => {
    const none = { lambda: 0, muJ: -0.1, sigmaJ: 0.2 };
    for (const engine of ['lewis', 'cos'] as const) {
      const m = hestonMarket(100, 0.01, 0.02, lewisParams);
      const a = europeanOption(OptionType.Call, 110, 365);
      a.setPricingEngine(engine === 'lewis' ? new AnalyticHestonEngine(m.model) : new CosHestonEngine(m.model));
      expect(price(engine, 100, 110, 365, 0.01, 0.02, lewisParams, none, OptionType.Call)).toBe(a.NPV());
    }
  });

  it('Lewis and COS agree to 1e-10 (measured 6.7e-13) on three jump sets × three Heston sets × strikes 70–130 × T = 0.25, 1, 3 (calls and puts)', () => {
    const hestonSets: HestonParameters[] = [
      { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.5, rho: -0.7 },
      { v0: 0.09, kappa: 3, theta: 0.06, sigma: 0.3, rho: -0.3 },
      lewisParams,
    ];
    let worst = 0;
    for (const p of hestonSets) {
      for (const j of jumpSets) {
        for (const days of [91, 365, 1095]) {
          for (const K of [70, 100, 130]) {
            for (const type of [OptionType.Call, OptionType.Put]) {
              const l = price('lewis', 100, K, days, 0.03, 0.01, p, j, type);
              const c = price('cos', 100, K, days, 0.03, 0.01, p, j, type);
              worst = Math.max(worst, Math.abs(l - c));
              expect(Math.abs(l - c), `K=${K} days=${days} λ=${j.lambda}`).toBeLessThan(1e-10);
            }
          }
        }
      }
    }
    expect(worst).toBeGreaterThan(0);
  });

  it('QuantLib 1.29 BatesEngine (Gauss–Laguerre 192) cases to 1e-10, both engines (measured ≤ 4.4e-13)', () => {
    expect(qlBates.cases.length).toBe(21);
    for (const c of qlBates.cases) {
      const { S, K, N_days, r, q, lambda, muJ, sigmaJ, v0, kappa, theta, sigma, rho } = c.inputs;
      const p = { v0, kappa, theta, sigma, rho };
      const j = { lambda, muJ, sigmaJ };
      for (const engine of ['lewis', 'cos'] as const) {
        const call = price(engine, S, K, N_days, r, q, p, j, OptionType.Call);
        const put = price(engine, S, K, N_days, r, q, p, j, OptionType.Put);
        expect(Math.abs(call - c.outputs.call), `${engine} ${c.id} call ${call} vs ${c.outputs.call}`).toBeLessThan(1e-10);
        expect(Math.abs(put - c.outputs.put), `${engine} ${c.id} put`).toBeLessThan(1e-10);
      }
    }
  });

  it('Lewis Greeks with jumps: delta and gamma against central bump-and-reprice of the spot to 1e-6', () => {
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.5, rho: -0.7 };
    const j = jumpSets[0]!;
    const m = hestonMarket(100, 0.03, 0.01, p);
    const option = europeanOption(OptionType.Call, 95, 365);
    option.setPricingEngine(new AnalyticHestonEngine(m.model, { jumps: j }));
    const h = 0.01;
    const up = price('lewis', 100 + h, 95, 365, 0.03, 0.01, p, j, OptionType.Call);
    const mid = price('lewis', 100, 95, 365, 0.03, 0.01, p, j, OptionType.Call);
    const down = price('lewis', 100 - h, 95, 365, 0.03, 0.01, p, j, OptionType.Call);
    expect(Math.abs(option.result('delta') - (up - down) / (2 * h))).toBeLessThan(1e-6);
    expect(Math.abs(option.result('gamma') - (up - 2 * mid + down) / (h * h))).toBeLessThan(1e-5);
  });

  it('cosHestonBatch with jumps: the truncation range follows the jump cumulants (deep OTM put with large down jumps to 1e-8 of Lewis)', () => {
    const j = { lambda: 0.1, muJ: -0.5, sigmaJ: 0.3 };
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.5, rho: -0.7 };
    const { puts } = cosHestonBatch({ spot: 100, strikes: [50], expiries: [1], riskFreeRates: 0.03, dividendYields: 0.01, params: p }, { jumps: j });
    expect(Math.abs(puts[0]! - price('lewis', 100, 50, 365, 0.03, 0.01, p, j, OptionType.Put))).toBeLessThan(1e-8);
  });
});
