import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { cosRoughHestonBatch } from '../../../engines/roughheston/cosRoughHestonBatch.js';
import { lewisRoughHestonBatch } from '../../../engines/roughheston/lewisRoughHestonBatch.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';

const rough = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };

describe('lewisRoughHestonBatch', () => {
  it('agrees with COS on QuantLib’s rough Heston set (same Adams route) to 2e-5, and with QuantLib to 2e-4', () => {
    const inputs = { spot: 100, strikes: [75, 90, 100, 110, 130], expiries: [0.25, 1, 2], riskFreeRates: 0.03, dividendYields: 0, params: rough };
    const cos = cosRoughHestonBatch(inputs).calls;
    const lewis = lewisRoughHestonBatch(inputs).calls;
    for (let k = 0; k < cos.length; k++) expect(Math.abs(lewis[k]! - cos[k]!)).toBeLessThan(2e-5);
    expect(Math.abs(lewis[5 + 2]! - 8.336634)).toBeLessThan(2e-4);
  });

  it('H = ½ gives Heston (cosHestonBatch) to 1e-7; put–call parity', () => {
    const params = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    const inputs = { spot: 100, strikes: [80, 100, 125], expiries: [0.5, 1.5], riskFreeRates: 0.02, dividendYields: 0.01 };
    const ref = cosHestonBatch({ ...inputs, params });
    const got = lewisRoughHestonBatch({ ...inputs, params: { ...params, hurst: 0.5 } }, { tolerance: 1e-11, adams: { steps: 200 } });
    for (let k = 0; k < 6; k++) {
      expect(Math.abs(got.calls[k]! - ref.calls[k]!)).toBeLessThan(1e-7);
      expect(Math.abs(got.puts[k]! - ref.puts[k]!)).toBeLessThan(1e-7);
    }
  });

  it('refuses bad input', () => {
    const ok = { spot: 100, strikes: [100], expiries: [1], riskFreeRates: 0, dividendYields: 0, params: rough };
    expect(() => lewisRoughHestonBatch({ ...ok, riskFreeRates: [0, 0] })).toThrow('riskFreeRates.length = 2');
    expect(() => lewisRoughHestonBatch(ok, { tolerance: 1 })).toThrow(InvalidInputError);
  });
});
