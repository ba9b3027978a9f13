// Test helper: analytic total-variance derivatives against central finite differences.
import { expect } from 'vitest';
import type { TotalVarianceSurface } from '../../../../../termstructures/volatility/TotalVarianceSurface.js';

/** Central differences of w in k and T, compared with the analytic derivatives. */
export function expectDerivativesMatch(s: TotalVarianceSurface, k: number, t: number, tol = 1e-6): void {
  const d = s.totalVarianceDerivatives(k, t);
  const h = 1e-4;
  const w = (kk: number, tt: number) => s.totalVarianceDerivatives(kk, tt).w;
  const scale = Math.max(d.w, 1e-3);
  expect(d.dwdk).toBeCloseTo((w(k + h, t) - w(k - h, t)) / (2 * h), 6);
  expect(Math.abs(d.d2wdk2 - (w(k + h, t) - 2 * w(k, t) + w(k - h, t)) / (h * h)) / Math.max(1, Math.abs(d.d2wdk2))).toBeLessThan(1e-4);
  const ht = 1e-6 * Math.max(t, 1e-3);
  expect(Math.abs(d.dwdt - (w(k, t + ht) - w(k, t - ht)) / (2 * ht)) / Math.max(scale, Math.abs(d.dwdt))).toBeLessThan(tol);
}

