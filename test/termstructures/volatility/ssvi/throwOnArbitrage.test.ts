// @test throwOnArbitrage of the surface fits: a dirty diagnostics record becomes an ArbitrageError carrying it and the parameters
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArbitrageError } from '../../../../src/errors.js';
import { EssviSurface } from '../../../../termstructures/volatility/ssvi/EssviSurface.js';
import { fitEssviSurface } from '../../../../termstructures/volatility/ssvi/fitEssviSurface.js';
import { fitSsviSurface } from '../../../../termstructures/volatility/ssvi/fitSsviSurface.js';
import { SsviSurface } from '../../../../termstructures/volatility/ssvi/SsviSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from '../../../../termstructures/volatility/ssvi/VolSurfaceArbitrageDiagnostics.js';
import { fitSviSurface } from '../../../../termstructures/volatility/svi/fitSviSurface.js';
import { SviSurface } from '../../../../termstructures/volatility/svi/SviSurface.js';

// The fits are arbitrage-free by construction on SPX and synthetic data, so the throwing branch is
// reached by making the surface report a calendar violation.
const DIRTY: VolSurfaceArbitrageDiagnostics = { kGrid: Float64Array.of(0), slices: [{ time: 1, minG: 0.1, argminG: 0 }], minG: 0.1, minDwdt: Float64Array.of(-1e-3), minDwdtOverall: -1e-3, arbitrageFree: false };
const strikes = [80, 90, 95, 100, 105, 110, 120];
const quotes = [0.5, 1].map((time) => ({ time, forward: 100, strikes, bidVols: [0.3, 0.25, 0.23, 0.21, 0.2, 0.195, 0.2], askVols: [0.31, 0.26, 0.24, 0.22, 0.21, 0.205, 0.21] }));

afterEach(() => vi.restoreAllMocks());

describe.each([
  { name: 'fitSsviSurface', fit: fitSsviSurface, proto: SsviSurface.prototype },
  { name: 'fitEssviSurface', fit: fitEssviSurface, proto: EssviSurface.prototype },
  { name: 'fitSviSurface', fit: fitSviSurface, proto: SviSurface.prototype },
])('$name with throwOnArbitrage', ({ fit, proto }) => {
  it('returns dirty diagnostics by default and throws ArbitrageError with them when asked', () => {
    vi.spyOn(proto as unknown as { arbitrageDiagnostics: () => VolSurfaceArbitrageDiagnostics }, 'arbitrageDiagnostics').mockReturnValue(DIRTY);
    expect(fit(quotes).diagnostics.arbitrageFree).toBe(false);
    let error: unknown;
    try {
      fit(quotes, { throwOnArbitrage: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArbitrageError);
    expect((error as ArbitrageError).message).toMatch(/min ∂w\/∂T = -0\.001/);
    expect((error as ArbitrageError).details.diagnostics).toBe(DIRTY);
    expect((error as ArbitrageError).details.parameters).toBeDefined();
  }, 60_000);
});
