// Merton lognormal jumps of the Bates (1996) model: validation and the log-CF add-on.
import { InvalidInputError } from '../../../src/errors.js';
import type { BatesJumps } from '../batesCharacteristicFunction.js';

/** Throws InvalidInputError naming the first jump parameter outside its range; returns a frozen copy. */
export function checkBatesJumps(j: BatesJumps): BatesJumps {
  if (typeof j.lambda !== 'number' || !(j.lambda >= 0) || !Number.isFinite(j.lambda)) throw InvalidInputError.outOfRange('jumps.lambda', j.lambda, '[0, ∞)');
  if (typeof j.muJ !== 'number' || !Number.isFinite(j.muJ)) throw InvalidInputError.outOfRange('jumps.muJ', j.muJ, '(-∞, ∞), finite');
  if (typeof j.sigmaJ !== 'number' || !(j.sigmaJ >= 0) || !Number.isFinite(j.sigmaJ)) throw InvalidInputError.outOfRange('jumps.sigmaJ', j.sigmaJ, '[0, ∞)');
  return Object.freeze({ lambda: j.lambda, muJ: j.muJ, sigmaJ: j.sigmaJ });
}

/**
 * Adds λt·(e^(iuμ_J − u²σ_J²/2) − 1) − iu·λt·(e^(μ_J + σ_J²/2) − 1) to out[0] (re) and out[1]
 * (im), for u = uRe + i·uIm (Bates 1996, eq. (8)–(9) with lognormal jump sizes).
 */
export function addBatesJumpExponent(uRe: number, uIm: number, t: number, j: BatesJumps, out: Float64Array): void {
  if (j.lambda === 0) return;
  const lt = j.lambda * t;
  const s2 = j.sigmaJ * j.sigmaJ;
  // iuμ − u²σ²/2 with iu = −uIm + i·uRe, u² = uRe² − uIm² + 2i·uRe·uIm.
  const eRe = -uIm * j.muJ - 0.5 * s2 * (uRe * uRe - uIm * uIm);
  const eIm = uRe * j.muJ - s2 * uRe * uIm;
  const m = Math.exp(eRe);
  const k = Math.expm1(j.muJ + 0.5 * s2);
  out[0] = out[0]! + lt * (m * Math.cos(eIm) - 1) + uIm * lt * k;
  out[1] = out[1]! + lt * m * Math.sin(eIm) - uRe * lt * k;
}
