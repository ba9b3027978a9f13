/**
 * The fractional Adams predictor–corrector for m independent complex Riccati equations
 * D^α ψ = F(ψ) = a + bψ + cψ², ψ(0) = y0, on one shared grid: the oracle for the WebAssembly
 * kernels `adamsRiccatiScalar` / `adamsRiccatiSimd` and their fallback.
 *
 * @remarks
 * On the grid 0 = t_0 < t_1 < … < t_n, with F_j = F(ψ_j), step r (1 ≤ r ≤ n) is
 *   ψᴾ_r = y0 + Σ_{j<r} P_{r,j} F_j,   ψ_r = y0 + Σ_{j<r} C_{r,j} F_j + C_{r,r} F(ψᴾ_r),
 * the product-rectangle predictor and product-trapezoid corrector of Diethelm, Ford & Freed
 * (2002), eq. (2.5)–(2.8), with the weights of {@link adamsWeights} (shared by every node, any
 * grid). Layout: P packed row by row (row r holds r weights from index r(r−1)/2), C likewise
 * (row r holds r + 1 weights from (r−1)(r+2)/2); coefficients as eight columns of length m
 * (aRe, aIm, bRe, bIm, cRe, cIm, y0Re, y0Im) in `coef`; outputs ψ and F node-major with
 * interleaved complex entries: index 2·(i·(n+1) + k) (real) and + 1 (imaginary) for node i at
 * t_k. F(ψ) is evaluated as a + ψ·(b + c·ψ). The WebAssembly loops run the same operations in
 * the same order (the SIMD loop puts the real and imaginary parts of one node in the two lanes of
 * the history sums), so the three give the same bits. No validation (callers validate).
 * Source: K. Diethelm, N. J. Ford, A. D. Freed (2002), "A predictor–corrector approach for the
 * numerical solution of fractional differential equations", Nonlinear Dynamics 29, 3–22.
 * Checked against: `test/kernels/riccati.test.ts`.
 *
 * @param m - number of nodes (independent equations), ≥ 1.
 * @param n - number of steps, ≥ 1.
 * @param predW - predictor weights, length n(n+1)/2.
 * @param corrW - corrector weights, length n(n+3)/2.
 * @param coef - 8·m coefficients (see above).
 * @param psi - output ψ, length 2·m·(n+1).
 * @param f - output F(ψ), length 2·m·(n+1).
 * @param implicit - 0: PECE (predictor, one corrector pass, DFF 2002); 1: the corrector equation
 * solved exactly (it is quadratic in ψ_r), no predictor: no step-size stability limit.
 * @returns 1 when some output is not finite, else 0.
 * @internal
 */
export function adamsRiccatiReference(m: number, n: number, predW: Float64Array, corrW: Float64Array, coef: Float64Array, psi: Float64Array, f: Float64Array, implicit = 0): number {
  let bad = 0;
  const stride = 2 * (n + 1);
  for (let i = 0; i < m; i++) {
    const aRe = coef[i]!;
    const aIm = coef[m + i]!;
    const bRe = coef[2 * m + i]!;
    const bIm = coef[3 * m + i]!;
    const cRe = coef[4 * m + i]!;
    const cIm = coef[5 * m + i]!;
    const yRe = coef[6 * m + i]!;
    const yIm = coef[7 * m + i]!;
    const o = i * stride;
    psi[o] = yRe;
    psi[o + 1] = yIm;
    let tRe = cRe * yRe - cIm * yIm;
    let tIm = cRe * yIm + cIm * yRe;
    let uRe = bRe + tRe;
    let uIm = bIm + tIm;
    f[o] = aRe + (yRe * uRe - yIm * uIm);
    f[o + 1] = aIm + (yRe * uIm + yIm * uRe);
    for (let r = 1; r <= n; r++) {
      const po = (r * (r - 1)) / 2;
      const co = ((r - 1) * (r + 2)) / 2;
      // Two partial sums (even and odd j) halve the dependency chain; the kernels do the same.
      let pRe = 0;
      let pIm = 0;
      let qRe = 0;
      let qIm = 0;
      let pRe1 = 0;
      let pIm1 = 0;
      let qRe1 = 0;
      let qIm1 = 0;
      let j = 0;
      for (; j + 1 < r; j += 2) {
        const wp = predW[po + j]!;
        const wc = corrW[co + j]!;
        const fr = f[o + 2 * j]!;
        const fi = f[o + 2 * j + 1]!;
        pRe += wp * fr;
        pIm += wp * fi;
        qRe += wc * fr;
        qIm += wc * fi;
        const wp1 = predW[po + j + 1]!;
        const wc1 = corrW[co + j + 1]!;
        const fr1 = f[o + 2 * j + 2]!;
        const fi1 = f[o + 2 * j + 3]!;
        pRe1 += wp1 * fr1;
        pIm1 += wp1 * fi1;
        qRe1 += wc1 * fr1;
        qIm1 += wc1 * fi1;
      }
      if (j < r) {
        const wp = predW[po + j]!;
        const wc = corrW[co + j]!;
        const fr = f[o + 2 * j]!;
        const fi = f[o + 2 * j + 1]!;
        pRe += wp * fr;
        pIm += wp * fi;
        qRe += wc * fr;
        qIm += wc * fi;
      }
      pRe += pRe1;
      pIm += pIm1;
      qRe += qRe1;
      qIm += qIm1;
      const wl = corrW[co + r]!;
      let zRe: number;
      let zIm: number;
      if (implicit !== 0) {
        // z = Q + w·(a + bz + cz²), Q = y0 + Σ C F: the root 2(Q + wa)/((1 − wb) + √D) of
        // wc·z² − (1 − wb)z + (Q + wa) = 0, D = (1 − wb)² − 4wc(Q + wa), √D on the side of 1 − wb.
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
        let sRe: number;
        let sIm: number;
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
        // Predictor and F(ψᴾ).
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
      const k = o + 2 * r;
      psi[k] = zRe;
      psi[k + 1] = zIm;
      const hRe = aRe + (zRe * uRe - zIm * uIm);
      const hIm = aIm + (zRe * uIm + zIm * uRe);
      f[k] = hRe;
      f[k + 1] = hIm;
      if (!(Math.abs(hRe) + Math.abs(hIm) < Infinity)) bad = 1;
    }
  }
  return bad;
}
