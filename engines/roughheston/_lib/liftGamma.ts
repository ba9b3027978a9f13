// Internal: the Gamma function for real arguments (Lanczos, g = 7, nine terms; relative error
// ~1e-15 on the ranges the lift and Padé routes use), with reflection below 1/2. Never re-exported.

const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Γ(x) for real x not a non-positive integer (there it returns ±Infinity). Source: Lanczos (1964). */
export function liftGamma(x: number): number {
  if (x < 0.5) {
    const s = Math.sin(Math.PI * x);
    return s === 0 ? Infinity : Math.PI / (s * liftGamma(1 - x));
  }
  const z = x - 1;
  let a = C[0]!;
  const t = z + G + 0.5;
  for (let i = 1; i < G + 2; i++) a += C[i]! / (z + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a;
}

/** 1/Γ(x), entire: 0 at the poles of Γ. */
export function liftReciprocalGamma(x: number): number {
  if (x <= 0 && Number.isInteger(x)) return 0;
  return 1 / liftGamma(x);
}
