// COS-method strike sums for one maturity (Fang & Oosterlee 2008, §3): per strike i,
//   A_i = a₀·(d_i − α) + Σ_{k≥1} a_k sin(kθ_i),   B_i = Σ_k (b_k cos(kθ_i) + c_k sin(kθ_i)),
//   put_i = D_r·(K_i·A_i − S·(e^(d_i)·B_i − e^α·Σb)),
// with cos(kθ), sin(kθ) by the rotation recurrence from cos θ_i, sin θ_i (supplied per strike),
// so the loops have no transcendental. The coefficients a, b, c (length N) come from the
// characteristic function, evaluated once per (u_k, T) on the TypeScript side.
// hestonCosSimd runs two strikes per f64x2 (one per lane), with the same operations in the same
// order as hestonCosScalar and src/kernels/heston.reference.ts (no fused multiply–add), so the
// three agree bit for bit; an odd last strike goes through the scalar loop.

// @ts-ignore: decorator
@inline
function cosOne(
  terms: i32, a: usize, b: usize, c: usize,
  o: usize, strikes: usize, dMinusAlpha: usize, expD: usize, cosTheta: usize, sinTheta: usize,
  spot: f64, expAlphaSumB: f64, riskFreeDiscount: f64, puts: usize,
): void {
  const ct = load<f64>(cosTheta + o);
  const st = load<f64>(sinTheta + o);
  let co: f64 = 1.0;
  let si: f64 = 0.0;
  let sumA = load<f64>(a) * load<f64>(dMinusAlpha + o);
  let sumB = load<f64>(b);
  for (let k: i32 = 1; k < terms; k++) {
    const ok = <usize>k << 3;
    const cn = co * ct - si * st;
    si = si * ct + co * st;
    co = cn;
    sumA += load<f64>(a + ok) * si;
    sumB += load<f64>(b + ok) * co + load<f64>(c + ok) * si;
  }
  store<f64>(puts + o, riskFreeDiscount * (load<f64>(strikes + o) * sumA - spot * (load<f64>(expD + o) * sumB - expAlphaSumB)));
}

/** Scalar loop over the m strikes; all pointers are byte offsets of f64 arrays. */
export function hestonCosScalar(
  terms: i32, a: usize, b: usize, c: usize,
  m: i32, strikes: usize, dMinusAlpha: usize, expD: usize, cosTheta: usize, sinTheta: usize,
  spot: f64, expAlphaSumB: f64, riskFreeDiscount: f64, puts: usize,
): void {
  for (let i: i32 = 0; i < m; i++) {
    cosOne(terms, a, b, c, <usize>i << 3, strikes, dMinusAlpha, expD, cosTheta, sinTheta, spot, expAlphaSumB, riskFreeDiscount, puts);
  }
}

/** f64x2 loop: two strikes per vector (one per lane); the same arithmetic as hestonCosScalar. */
export function hestonCosSimd(
  terms: i32, a: usize, b: usize, c: usize,
  m: i32, strikes: usize, dMinusAlpha: usize, expD: usize, cosTheta: usize, sinTheta: usize,
  spot: f64, expAlphaSumB: f64, riskFreeDiscount: f64, puts: usize,
): void {
  const pairs = m & ~1;
  const vSpot = f64x2.splat(spot);
  const vEab = f64x2.splat(expAlphaSumB);
  const vDr = f64x2.splat(riskFreeDiscount);
  for (let i: i32 = 0; i < pairs; i += 2) {
    const o = <usize>i << 3;
    const ct = v128.load(cosTheta + o);
    const st = v128.load(sinTheta + o);
    let co = f64x2.splat(1.0);
    let si = f64x2.splat(0.0);
    let sumA = f64x2.mul(v128.load64_splat(a), v128.load(dMinusAlpha + o));
    let sumB = v128.load64_splat(b);
    for (let k: i32 = 1; k < terms; k++) {
      const ok = <usize>k << 3;
      const cn = f64x2.sub(f64x2.mul(co, ct), f64x2.mul(si, st));
      si = f64x2.add(f64x2.mul(si, ct), f64x2.mul(co, st));
      co = cn;
      sumA = f64x2.add(sumA, f64x2.mul(v128.load64_splat(a + ok), si));
      sumB = f64x2.add(sumB, f64x2.add(f64x2.mul(v128.load64_splat(b + ok), co), f64x2.mul(v128.load64_splat(c + ok), si)));
    }
    const inner = f64x2.sub(f64x2.mul(v128.load(expD + o), sumB), vEab);
    v128.store(puts + o, f64x2.mul(vDr, f64x2.sub(f64x2.mul(v128.load(strikes + o), sumA), f64x2.mul(vSpot, inner))));
  }
  if (pairs < m) {
    cosOne(terms, a, b, c, <usize>pairs << 3, strikes, dMinusAlpha, expD, cosTheta, sinTheta, spot, expAlphaSumB, riskFreeDiscount, puts);
  }
}
