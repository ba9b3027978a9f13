// Fractional Adams predictor–corrector (Diethelm, Ford & Freed 2002) for m independent complex
// Riccati equations D^α ψ = a + bψ + cψ², ψ(0) = y0, on one shared grid (any spacing); the
// weights P (predictor) and C (corrector) come packed from the TypeScript side:
//   ψᴾ_r = y0 + Σ_{j<r} P_{r,j} F_j,   ψ_r = y0 + Σ_{j<r} C_{r,j} F_j + C_{r,r} F(ψᴾ_r).
// Row r of P starts at r(r−1)/2, of C at (r−1)(r+2)/2. coef holds eight columns of length m
// (aRe, aIm, bRe, bIm, cRe, cIm, y0Re, y0Im); psi and f are node-major, complex interleaved:
// entry 2·(i·(n+1) + k) (+1 for the imaginary part). The O(n²) history sums are the hot loop:
// adamsRiccatiSimd keeps (re, im) of one node's F_j in the two lanes of one f64x2 (the history
// of a node is contiguous), adamsRiccatiScalar does the same arithmetic lane by lane, and so does
// src/kernels/riccati.reference.ts: no fused multiply–add, the three give the same bits.
// implicit = 1 solves the corrector equation exactly (quadratic in ψ_r; no predictor, no
// step-size stability limit). Both return 1 when some F is not finite (a blow-up), else 0.

// @ts-ignore: decorator
@inline
function stepTail(
  o: usize, r: i32,
  aRe: f64, aIm: f64, bRe: f64, bIm: f64, cRe: f64, cIm: f64, yRe: f64, yIm: f64,
  pRe: f64, pIm: f64, qRe: f64, qIm: f64, wl: f64, psi: usize, f: usize, implicit: i32,
): i32 {
  let tRe: f64, tIm: f64, uRe: f64, uIm: f64, zRe: f64, zIm: f64;
  if (implicit != 0) {
    // z = Q + w·(a + bz + cz²): z = 2(Q + wa)/((1 − wb) + √D), D = (1 − wb)² − 4wc(Q + wa).
    const eRe = yRe + qRe + wl * aRe;
    const eIm = yIm + qIm + wl * aIm;
    const gRe = 1 - wl * bRe;
    const gIm = -(wl * bIm);
    const wcRe = wl * cRe;
    const wcIm = wl * cIm;
    const pcRe = wcRe * eRe - wcIm * eIm;
    const pcIm = wcRe * eIm + wcIm * eRe;
    const dRe = gRe * gRe - gIm * gIm - 4 * pcRe;
    const dIm = 2 * gRe * gIm - 4 * pcIm;
    const rr = Math.sqrt(dRe * dRe + dIm * dIm);
    let sRe: f64, sIm: f64;
    if (dRe >= 0) {
      sRe = Math.sqrt(0.5 * (rr + dRe));
      sIm = sRe > 0 ? dIm / (2 * sRe) : 0;
    } else {
      sIm = Math.sqrt(0.5 * (rr - dRe));
      if (dIm < 0) sIm = -sIm;
      sRe = dIm / (2 * sIm);
    }
    if (sRe * gRe + sIm * gIm < 0) {
      sRe = -sRe;
      sIm = -sIm;
    }
    const nRe = gRe + sRe;
    const nIm = gIm + sIm;
    const den = nRe * nRe + nIm * nIm;
    zRe = (2 * (eRe * nRe + eIm * nIm)) / den;
    zIm = (2 * (eIm * nRe - eRe * nIm)) / den;
  } else {
    const xRe = yRe + pRe;
    const xIm = yIm + pIm;
    tRe = cRe * xRe - cIm * xIm;
    tIm = cRe * xIm + cIm * xRe;
    uRe = bRe + tRe;
    uIm = bIm + tIm;
    const gRe = aRe + (xRe * uRe - xIm * uIm);
    const gIm = aIm + (xRe * uIm + xIm * uRe);
    zRe = yRe + qRe + wl * gRe;
    zIm = yIm + qIm + wl * gIm;
  }
  tRe = cRe * zRe - cIm * zIm;
  tIm = cRe * zIm + cIm * zRe;
  uRe = bRe + tRe;
  uIm = bIm + tIm;
  const k = o + (<usize>r << 4);
  store<f64>(psi + k, zRe);
  store<f64>(psi + k + 8, zIm);
  const hRe = aRe + (zRe * uRe - zIm * uIm);
  const hIm = aIm + (zRe * uIm + zIm * uRe);
  store<f64>(f + k, hRe);
  store<f64>(f + k + 8, hIm);
  return Math.abs(hRe) + Math.abs(hIm) < Infinity ? 0 : 1;
}

// @ts-ignore: decorator
@inline
function startNode(o: usize, aRe: f64, aIm: f64, bRe: f64, bIm: f64, cRe: f64, cIm: f64, yRe: f64, yIm: f64, psi: usize, f: usize): void {
  store<f64>(psi + o, yRe);
  store<f64>(psi + o + 8, yIm);
  const tRe = cRe * yRe - cIm * yIm;
  const tIm = cRe * yIm + cIm * yRe;
  const uRe = bRe + tRe;
  const uIm = bIm + tIm;
  store<f64>(f + o, aRe + (yRe * uRe - yIm * uIm));
  store<f64>(f + o + 8, aIm + (yRe * uIm + yIm * uRe));
}

/** Scalar loop; pointers are byte offsets of f64 arrays (see the file comment). */
export function adamsRiccatiScalar(m: i32, n: i32, predW: usize, corrW: usize, coef: usize, psi: usize, f: usize, implicit: i32): i32 {
  let bad: i32 = 0;
  const stride = <usize>(n + 1) << 4;
  const mb = <usize>m << 3;
  for (let i: i32 = 0; i < m; i++) {
    const ci = coef + (<usize>i << 3);
    const aRe = load<f64>(ci);
    const aIm = load<f64>(ci + mb);
    const bRe = load<f64>(ci + 2 * mb);
    const bIm = load<f64>(ci + 3 * mb);
    const cRe = load<f64>(ci + 4 * mb);
    const cIm = load<f64>(ci + 5 * mb);
    const yRe = load<f64>(ci + 6 * mb);
    const yIm = load<f64>(ci + 7 * mb);
    const o = <usize>i * stride;
    startNode(o, aRe, aIm, bRe, bIm, cRe, cIm, yRe, yIm, psi, f);
    const fo = f + o;
    for (let r: i32 = 1; r <= n; r++) {
      const po = predW + (<usize>((r * (r - 1)) >> 1) << 3);
      const co = corrW + (<usize>(((r - 1) * (r + 2)) >> 1) << 3);
      let pRe: f64 = 0;
      let pIm: f64 = 0;
      let qRe: f64 = 0;
      let qIm: f64 = 0;
      let pRe1: f64 = 0;
      let pIm1: f64 = 0;
      let qRe1: f64 = 0;
      let qIm1: f64 = 0;
      let j: i32 = 0;
      for (; j + 1 < r; j += 2) {
        const wp = load<f64>(po + (<usize>j << 3));
        const wc = load<f64>(co + (<usize>j << 3));
        const fr = load<f64>(fo + (<usize>j << 4));
        const fi = load<f64>(fo + (<usize>j << 4) + 8);
        pRe += wp * fr;
        pIm += wp * fi;
        qRe += wc * fr;
        qIm += wc * fi;
        const wp1 = load<f64>(po + (<usize>j << 3) + 8);
        const wc1 = load<f64>(co + (<usize>j << 3) + 8);
        const fr1 = load<f64>(fo + (<usize>j << 4) + 16);
        const fi1 = load<f64>(fo + (<usize>j << 4) + 24);
        pRe1 += wp1 * fr1;
        pIm1 += wp1 * fi1;
        qRe1 += wc1 * fr1;
        qIm1 += wc1 * fi1;
      }
      if (j < r) {
        const wp = load<f64>(po + (<usize>j << 3));
        const wc = load<f64>(co + (<usize>j << 3));
        const fr = load<f64>(fo + (<usize>j << 4));
        const fi = load<f64>(fo + (<usize>j << 4) + 8);
        pRe += wp * fr;
        pIm += wp * fi;
        qRe += wc * fr;
        qIm += wc * fi;
      }
      pRe += pRe1;
      pIm += pIm1;
      qRe += qRe1;
      qIm += qIm1;
      bad |= stepTail(o, r, aRe, aIm, bRe, bIm, cRe, cIm, yRe, yIm, pRe, pIm, qRe, qIm, load<f64>(co + (<usize>r << 3)), psi, f, implicit);
    }
  }
  return bad;
}

/** f64x2 loop: (re, im) of one node's history in the two lanes; the same arithmetic as the scalar loop. */
export function adamsRiccatiSimd(m: i32, n: i32, predW: usize, corrW: usize, coef: usize, psi: usize, f: usize, implicit: i32): i32 {
  let bad: i32 = 0;
  const stride = <usize>(n + 1) << 4;
  const mb = <usize>m << 3;
  for (let i: i32 = 0; i < m; i++) {
    const ci = coef + (<usize>i << 3);
    const aRe = load<f64>(ci);
    const aIm = load<f64>(ci + mb);
    const bRe = load<f64>(ci + 2 * mb);
    const bIm = load<f64>(ci + 3 * mb);
    const cRe = load<f64>(ci + 4 * mb);
    const cIm = load<f64>(ci + 5 * mb);
    const yRe = load<f64>(ci + 6 * mb);
    const yIm = load<f64>(ci + 7 * mb);
    const o = <usize>i * stride;
    startNode(o, aRe, aIm, bRe, bIm, cRe, cIm, yRe, yIm, psi, f);
    const fo = f + o;
    for (let r: i32 = 1; r <= n; r++) {
      const po = predW + (<usize>((r * (r - 1)) >> 1) << 3);
      const co = corrW + (<usize>(((r - 1) * (r + 2)) >> 1) << 3);
      let p = f64x2.splat(0.0);
      let q = f64x2.splat(0.0);
      let p1 = f64x2.splat(0.0);
      let q1 = f64x2.splat(0.0);
      let j: i32 = 0;
      if (implicit != 0) {
        // No predictor: only the corrector's history sum.
        for (; j + 1 < r; j += 2) {
          const a = fo + (<usize>j << 4);
          const wo = <usize>j << 3;
          q = f64x2.add(q, f64x2.mul(v128.load64_splat(co + wo), v128.load(a)));
          q1 = f64x2.add(q1, f64x2.mul(v128.load64_splat(co + wo + 8), v128.load(a + 16)));
        }
        if (j < r) q = f64x2.add(q, f64x2.mul(v128.load64_splat(co + (<usize>j << 3)), v128.load(fo + (<usize>j << 4))));
      } else {
        for (; j + 1 < r; j += 2) {
          const a = fo + (<usize>j << 4);
          const v = v128.load(a);
          const v1 = v128.load(a + 16);
          const wo = <usize>j << 3;
          p = f64x2.add(p, f64x2.mul(v128.load64_splat(po + wo), v));
          q = f64x2.add(q, f64x2.mul(v128.load64_splat(co + wo), v));
          p1 = f64x2.add(p1, f64x2.mul(v128.load64_splat(po + wo + 8), v1));
          q1 = f64x2.add(q1, f64x2.mul(v128.load64_splat(co + wo + 8), v1));
        }
        if (j < r) {
          const v = v128.load(fo + (<usize>j << 4));
          p = f64x2.add(p, f64x2.mul(v128.load64_splat(po + (<usize>j << 3)), v));
          q = f64x2.add(q, f64x2.mul(v128.load64_splat(co + (<usize>j << 3)), v));
        }
      }
      p = f64x2.add(p, p1);
      q = f64x2.add(q, q1);
      bad |= stepTail(
        o, r, aRe, aIm, bRe, bIm, cRe, cIm, yRe, yIm,
        f64x2.extract_lane(p, 0), f64x2.extract_lane(p, 1), f64x2.extract_lane(q, 0), f64x2.extract_lane(q, 1),
        load<f64>(co + (<usize>r << 3)), psi, f, implicit,
      );
    }
  }
  return bad;
}
