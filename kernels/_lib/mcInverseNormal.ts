// Inverse standard normal CDF for the Monte Carlo kernels: Wichura's AS241 (PPND16), the
// 16-digit version. Same operations in the same order as invNormAS241 in
// src/kernels/montecarlo.reference.ts. Source: M. J. Wichura (1988), "Algorithm AS 241: The
// percentage points of the normal distribution", Applied Statistics 37(3), 477–484.
import { logS } from './scalarMath';

// Central region |q| ≤ 0.425, r = 0.180625 − q².
const A0: f64 = 3.387132872796366608;
const A1: f64 = 133.14166789178437745;
const A2: f64 = 1971.5909503065514427;
const A3: f64 = 13731.693765509461125;
const A4: f64 = 45921.953931549871457;
const A5: f64 = 67265.770927008700853;
const A6: f64 = 33430.575583588128105;
const A7: f64 = 2509.0809287301226727;
const B1: f64 = 42.313330701600911252;
const B2: f64 = 687.1870074920579083;
const B3: f64 = 5394.1960214247511077;
const B4: f64 = 21213.794301586595867;
const B5: f64 = 39307.89580009271061;
const B6: f64 = 28729.085735721942674;
const B7: f64 = 5226.495278852854561;
// Intermediate tail r = √(−ln min(p, 1−p)) ≤ 5, shifted by 1.6.
const C0: f64 = 1.42343711074968357734;
const C1: f64 = 4.6303378461565452959;
const C2: f64 = 5.7694972214606914055;
const C3: f64 = 3.64784832476320460504;
const C4: f64 = 1.27045825245236838258;
const C5: f64 = 0.24178072517745061177;
const C6: f64 = 0.0227238449892691845833;
const C7: f64 = 7.7454501427834140764e-4;
const D1: f64 = 2.05319162663775882187;
const D2: f64 = 1.6763848301838038494;
const D3: f64 = 0.68976733498510000455;
const D4: f64 = 0.14810397642748007459;
const D5: f64 = 0.0151986665636164571966;
const D6: f64 = 5.475938084995344946e-4;
const D7: f64 = 1.05075007164441684324e-9;
// Far tail r > 5, shifted by 5.
const E0: f64 = 6.6579046435011037772;
const E1: f64 = 5.4637849111641143699;
const E2: f64 = 1.7848265399172913358;
const E3: f64 = 0.29656057182850489123;
const E4: f64 = 0.026532189526576123093;
const E5: f64 = 0.0012426609473880784386;
const E6: f64 = 2.71155556874348757815e-5;
const E7: f64 = 2.01033439929228813265e-7;
const F1: f64 = 0.59983220655588793769;
const F2: f64 = 0.13692988092273580531;
const F3: f64 = 0.0148753612908506148525;
const F4: f64 = 7.868691311456132591e-4;
const F5: f64 = 1.8463183175100546818e-5;
const F6: f64 = 1.4215117583164458887e-7;
const F7: f64 = 2.04426310338993978564e-15;

/** Φ⁻¹(u) for u in (0, 1). */
// @ts-ignore: decorator
@inline
export function invNormS(u: f64): f64 {
  const q = u - 0.5;
  if (abs<f64>(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num = ((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0;
    const den = ((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1.0;
    return (q * num) / den;
  }
  let r = q < 0.0 ? u : 1.0 - u;
  r = sqrt<f64>(-logS(r));
  let z: f64;
  if (r <= 5.0) {
    r = r - 1.6;
    const num = ((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0;
    const den = ((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1.0;
    z = num / den;
  } else {
    r = r - 5.0;
    const num = ((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0;
    const den = ((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1.0;
    z = num / den;
  }
  return q < 0.0 ? -z : z;
}
