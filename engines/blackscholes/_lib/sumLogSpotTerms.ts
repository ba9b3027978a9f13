// Internal: sums terms E·N(ζ) and their derivatives in ln S. Never re-exported.
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import type { LogSpotTerm } from './firstPassageTerms.js';

/** Σ E N(ζ) and its first two derivatives in x = ln S. */
export function sumLogSpotTerms(terms: readonly LogSpotTerm[]): { v: number; vx: number; vxx: number } {
  let v = 0;
  let vx = 0;
  let vxx = 0;
  for (const t of terms) {
    const N = normalCdf(t.zeta);
    const n = normalPdf(t.zeta);
    v += t.E * N;
    vx += t.E * (t.kappa * N + t.dz * n);
    vxx += t.E * (t.kappa * t.kappa * N + 2 * t.kappa * t.dz * n - t.zeta * t.dz * t.dz * n);
  }
  return { v, vx, vxx };
}
