import { ArbitrageError, ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { checkFinite, require } from '../../src/_lib/checks.js';

/**
 * A zero curve at the par curve's tenors.
 * @public
 */
export interface TreasuryZeroCurve {
  /** Tenor labels, as in the par curve. */
  readonly tenors: readonly string[];
  /** Maturities in years, as in the par curve (strictly increasing). */
  readonly years: readonly number[];
  /** Continuously compounded zero rates, decimals: D(t) = exp(−z·t). */
  readonly zeroRates: readonly number[];
  /** Discount factors exp(−z·t) at `years`. */
  readonly discountFactors: readonly number[];
}

/**
 * The par curve fields `treasuryZeroRates` reads (a `TreasuryParYields` fits).
 * @public
 */
export interface ParCurveInput {
  /** Tenor labels; length n ≥ 1. */
  readonly tenors: readonly string[];
  /** Maturities in years, strictly increasing, each > 0; length n. Above 1 year, multiples of 0.5. */
  readonly years: readonly number[];
  /** Par yields as decimals, bond-equivalent basis; length n. */
  readonly parYields: readonly number[];
}

/** A maturity above this is a coupon security; at or below, a bill. */
const BILL_MAX_YEARS = 1;
/** Bills up to half a year use the simple-interest investment rate. */
const HALF_YEAR = 0.5;
/** Stop when the bond's price misses par by less than this (per 1 of face). */
const PRICE_TOLERANCE = 1e-14;
const MAX_ITERATIONS = 100;

/**
 * Converts a US Treasury par yield curve to continuously compounded zero rates at the same
 * tenors: bill yields converted in closed form, coupon tenors bootstrapped.
 *
 * @remarks
 * Conventions assumed (maturities are the nominal constant maturities, t in years):
 * - **Bills, t ≤ 1** — the yield y is the bill's investment rate (coupon-equivalent,
 *   "bond-equivalent" yield). For t ≤ ½: simple interest, P = 1/(1 + y·t). For ½ < t ≤ 1:
 *   P = 1/((1 + y/2)(1 + y·(t − ½))), the Treasury's formula for bills of more than a
 *   half-year (a half-year of semiannual compounding, then simple interest). Then
 *   z = −ln(P)/t. The two formulas agree at t = ½, and at t = 1 the second gives
 *   z = 2·ln(1 + y/2). Using the nominal t (not days/365 of an actual bill) is the
 *   constant-maturity approximation.
 * - **Coupon tenors, t > 1** — a par bond paying y/2 at t, t − ½, t − 1, … > 0 and 1 at t
 *   prices at 1 on the zero curve: Σ (y/2)·D(tᵢ) + D(t) = 1, D(s) = exp(−z(s)·s), where z(s)
 *   interpolates linearly in zero rate between known pillars (flat before the first pillar).
 *   Pillars are solved in increasing maturity (Newton on the new pillar's zero rate, safeguarded
 *   by bisection; the price is strictly decreasing in it), so each coupon tenor reprices to par
 *   to ~1e-14. No accrued interest (a par bond on a coupon date).
 * - A flat par curve at y gives, in closed form, z = ln(1 + y·t)/t for t ≤ ½ and
 *   z = 2·ln(1 + y/2) at t = ½, 1 and every coupon tenor (when the ½ and 1 year tenors are present).
 *
 * On year fractions, not dates: the Treasury's constant maturities have no coupon dates. For
 * a dated curve, feed the zero rates to a {@link ZeroCurve} (the live desk does).
 *
 * Source: U.S. Department of the Treasury, "Treasury Yield Curve Methodology" (par yields on a
 * bond-equivalent, semiannual basis; bills read as investment/bond-equivalent yields); bill
 * investment-rate formulas in 31 CFR Part 356, Appendix B, Section V; bootstrap as in
 * Hull, *Options, Futures, and Other Derivatives*, 10th ed., ch. 4 (Treasury zero rates by the
 * bootstrap method).
 *
 * Checked against: each coupon tenor repriced to par within 1e-10 and each bill's investment
 * rate recovered from its discount factor, by code written separately in the test; the flat-
 * curve closed form above; random par curves (fast-check)
 * (`test/termstructures/treasuryZeroRates.test.ts`).
 *
 * @param par - the par curve: `tenors`, `years` (strictly increasing, > 0, above 1 year a
 *   multiple of 0.5) and `parYields` (decimals, > −1/t for bills), all of one length n ≥ 1.
 * @returns zero rates (continuous compounding, decimals) and discount factors at `par.years`.
 * @throws `InvalidInputError` when lengths differ, n = 0, a maturity is not finite, positive and
 *   increasing, a coupon maturity is not a multiple of 0.5 years, or a yield is not finite or
 *   gives a non-positive bill price.
 * @throws `ArbitrageError` when the coupons of a tenor paid up to the previous pillar are already
 *   worth par or more (a par curve rising so steeply that no positive discount factor fits).
 * @throws `ConvergenceError` when the solver fails to bracket or converge (not seen in tests).
 *
 * @example
 * ```ts
 * import { treasuryZeroRates } from 'quantflow';
 * const zero = treasuryZeroRates({ tenors: ['1 Yr', '2 Yr'], years: [1, 2], parYields: [0.04, 0.04] });
 * zero.zeroRates[1]; //=> 2 * Math.log(1.02) ≈ 0.0396053
 * ```
 * @see readTreasuryParYields
 * @public
 */
export function treasuryZeroRates(par: ParCurveInput): TreasuryZeroCurve {
  const { tenors, years, parYields } = par;
  const n = years.length;
  require(n >= 1, 'par.years.length', n, '[1, ∞)');
  require(parYields.length === n, 'par.parYields.length', parYields.length, `${n} (= par.years.length)`);
  require(tenors.length === n, 'par.tenors.length', tenors.length, `${n} (= par.years.length)`);
  for (let i = 0; i < n; i++) {
    const t = years[i] as number;
    const previous = i === 0 ? 0 : (years[i - 1] as number);
    require(Number.isFinite(t) && t > previous, `par.years[${i}]`, t, `(${previous}, ∞), strictly increasing`);
    if (t > BILL_MAX_YEARS) {
      require(Math.abs(2 * t - Math.round(2 * t)) < 1e-9, `par.years[${i}]`, t, 'multiples of 0.5 above 1 year');
    }
    checkFinite(`par.parYields[${i}]`, parYields[i] as number);
  }

  const pillarTimes: number[] = [];
  const pillarZeros: number[] = [];
  const zeroRates: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = years[i] as number;
    const y = parYields[i] as number;
    const z = t <= BILL_MAX_YEARS ? billZeroRate(i, t, y) : bootstrapPillar(i, t, y, pillarTimes, pillarZeros);
    pillarTimes.push(t);
    pillarZeros.push(z);
    zeroRates.push(z);
  }
  return Object.freeze({
    tenors: Object.freeze([...tenors]),
    years: Object.freeze([...years]),
    zeroRates: Object.freeze(zeroRates),
    discountFactors: Object.freeze(zeroRates.map((z, i) => Math.exp(-z * (years[i] as number)))),
  });
}

/** Continuously compounded zero rate of a bill of maturity t ≤ 1 with investment rate y. */
function billZeroRate(i: number, t: number, y: number): number {
  // ln(1/P) written with log1p for accuracy at small yields.
  const a = t <= HALF_YEAR ? y * t : y / 2;
  const b = t <= HALF_YEAR ? 0 : y * (t - HALF_YEAR);
  if (!(a > -1 && b > -1)) {
    throw InvalidInputError.outOfRange(`par.parYields[${i}]`, y, `(${-1 / Math.min(t, HALF_YEAR)}, ∞): bill price must be positive`);
  }
  return (Math.log1p(a) + Math.log1p(b)) / t;
}

/**
 * Solves the zero rate x at maturity t so that the semiannual par bond with coupon rate y
 * prices at 1, given the pillars already known (all at maturities < t).
 */
function bootstrapPillar(i: number, t: number, y: number, times: readonly number[], zeros: readonly number[]): number {
  const coupon = y / 2;
  const payments = Math.round(2 * t);
  const lastTime = times.length > 0 ? (times[times.length - 1] as number) : 0;
  const lastZero = times.length > 0 ? (zeros[zeros.length - 1] as number) : Number.NaN;

  // Split the cashflows: those at or before the last pillar have a fixed value; the others
  // depend on x through z(s) = lastZero + (x − lastZero)·w(s), w(s) = (s − lastTime)/(t − lastTime),
  // or z(s) = x when there is no pillar yet (flat extrapolation).
  let fixedValue = 0;
  const times2: number[] = [];
  const amounts: number[] = [];
  const weights: number[] = [];
  for (let k = 1; k <= payments; k++) {
    const s = t - (payments - k) * HALF_YEAR;
    const amount = k === payments ? 1 + coupon : coupon;
    if (s <= lastTime) {
      fixedValue += amount * Math.exp(-interpolate(times, zeros, s) * s);
    } else {
      times2.push(s);
      amounts.push(amount);
      weights.push(times.length > 0 ? (s - lastTime) / (t - lastTime) : 1);
    }
  }
  if (fixedValue >= 1) {
    // Price(x) decreases to fixedValue as x → ∞: no zero rate prices the bond at par, the curve
    // would need a negative discount factor beyond the previous pillar.
    throw new ArbitrageError(
      `par.parYields[${i}] = ${y} at ${t} years is outside the allowed range: coupons paid up to ${lastTime} years ` +
        `are already worth ${fixedValue} ≥ 1 on the curve so far (no positive discount factor prices the bond at par)`,
      { argument: `par.parYields[${i}]`, value: y, years: t, couponsValue: fixedValue },
    );
  }
  const price = (x: number): [number, number] => {
    let value = fixedValue;
    let slope = 0;
    for (let k = 0; k < times2.length; k++) {
      const s = times2[k] as number;
      const w = weights[k] as number;
      const z = times.length > 0 ? lastZero + (x - lastZero) * w : x;
      const pv = (amounts[k] as number) * Math.exp(-z * s);
      value += pv;
      slope -= pv * s * w;
    }
    return [value - 1, slope];
  };

  // Bracket the root: f is strictly decreasing in x, f(lo) > 0 > f(hi).
  let x = 2 * Math.log1p(Math.max(coupon, -0.5));
  let lo = x - 0.05;
  let hi = x + 0.05;
  for (let k = 0; k < 60 && price(lo)[0] <= 0; k++) lo -= 2 * (hi - lo);
  for (let k = 0; k < 60 && price(hi)[0] >= 0; k++) hi += 2 * (hi - lo);
  if (!(price(lo)[0] > 0 && price(hi)[0] < 0)) throw notConverged(i, t, y, Number.NaN);
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    const [f, slope] = price(x);
    if (Math.abs(f) < PRICE_TOLERANCE) return x;
    if (f > 0) lo = x;
    else hi = x;
    let next = x - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (next === x) return x;
    x = next;
  }
  const residual = price(x)[0];
  if (Math.abs(residual) < 1e-12) return x;
  throw notConverged(i, t, y, residual);
}

/** Linear interpolation in zero rate, flat outside the pillars. */
function interpolate(times: readonly number[], zeros: readonly number[], s: number): number {
  const n = times.length;
  if (s <= (times[0] as number)) return zeros[0] as number;
  if (s >= (times[n - 1] as number)) return zeros[n - 1] as number;
  let j = 1;
  while ((times[j] as number) < s) j++;
  const t0 = times[j - 1] as number;
  const t1 = times[j] as number;
  const z0 = zeros[j - 1] as number;
  const z1 = zeros[j] as number;
  return z0 + ((z1 - z0) * (s - t0)) / (t1 - t0);
}

function notConverged(i: number, t: number, y: number, residual: number): ConvergenceError {
  return new ConvergenceError(
    `bootstrap of par.parYields[${i}] = ${y} at ${t} years did not price the par bond at 1 (residual ${residual})`,
    { argument: `par.parYields[${i}]`, value: y, years: t, residual },
  );
}
