// Constants shared by the scalar and lane-wise (f64x2) transcendentals. The TypeScript
// reference (src/kernels/_lib/referenceMath.ts) uses the same literals, so the three code
// paths round identically.

/** ln 2 split for Cody–Waite range reduction: LN2_HI has 32 significant bits (k·LN2_HI exact for |k| < 2^21). */
export const LN2_HI: f64 = 6.93147180369123816490e-1;
/** ln 2 − LN2_HI. */
export const LN2_LO: f64 = 1.90821492927058770002e-10;
/** 1/ln 2. */
export const INV_LN2: f64 = 1.4426950408889634074;
/** √2. */
export const SQRT2: f64 = 1.4142135623730950488;
/** 1/√2. */
export const SQRT_HALF: f64 = 0.7071067811865475244;
/** 1/√(2π). */
export const INV_SQRT_2PI: f64 = 0.3989422804014326779;
/** 1/√π. */
export const INV_SQRT_PI: f64 = 0.5641895835477562869;
/** Dekker's splitter 2^27 + 1. */
export const SPLITTER: f64 = 134217729.0;
/** Smallest normal double. */
export const MIN_NORMAL: f64 = 2.2250738585072014e-308;
/** 2^54, to lift subnormals into the normal range before log. */
export const TWO54: f64 = 18014398509481984.0;
/** exp() argument clamp: below EXP_MIN the result is 0, above EXP_MAX it is +∞. */
export const EXP_MIN: f64 = -746.0;
export const EXP_MAX: f64 = 710.0;
/**
 * Below this argument e^t < 2^-1075 and the exp approximation returns +0 anyway; the kernels
 * return +0 directly, because the underflowing products that would get there take a slow
 * (microcoded, denormal) path on x86 — about 4× the cost of a normal exp, and a quarter of
 * the Gaussian factors of a random option book underflow.
 */
export const EXP_ZERO: f64 = -745.2;
/** Gaussian clamp: exp(−x²/2) is 0 in double for |x| ≥ 38.6. */
export const GAUSS_MAX: f64 = 40.0;

// Taylor coefficients 1/n! of exp on |r| ≤ ln2/2 (degree 13: truncation < 5e-18 relative).
export const E2: f64 = 1.0 / 2.0;
export const E3: f64 = 1.0 / 6.0;
export const E4: f64 = 1.0 / 24.0;
export const E5: f64 = 1.0 / 120.0;
export const E6: f64 = 1.0 / 720.0;
export const E7: f64 = 1.0 / 5040.0;
export const E8: f64 = 1.0 / 40320.0;
export const E9: f64 = 1.0 / 362880.0;
export const E10: f64 = 1.0 / 3628800.0;
export const E11: f64 = 1.0 / 39916800.0;
export const E12: f64 = 1.0 / 479001600.0;
export const E13: f64 = 1.0 / 6227020800.0;

// atanh series 2/(2k+1) for log(1+f) = f − s·(f − R(s²)), s = f/(2+f), |s| ≤ 0.1716
// (ten terms: truncation < 3e-17 relative).
export const L1: f64 = 2.0 / 3.0;
export const L2: f64 = 2.0 / 5.0;
export const L3: f64 = 2.0 / 7.0;
export const L4: f64 = 2.0 / 9.0;
export const L5: f64 = 2.0 / 11.0;
export const L6: f64 = 2.0 / 13.0;
export const L7: f64 = 2.0 / 15.0;
export const L8: f64 = 2.0 / 17.0;
export const L9: f64 = 2.0 / 19.0;
export const L10: f64 = 2.0 / 21.0;

// W. J. Cody (1969), Math. Comp. 23, 631–637: rational approximations of erf / erfc.
export const CODY_X1: f64 = 0.46875;
export const CODY_X2: f64 = 4.0;
export const A0: f64 = 3.1611237438705656;
export const A1: f64 = 113.86415415105016;
export const A2: f64 = 377.48523768530202;
export const A3: f64 = 3209.3775891384695;
export const A4: f64 = 0.18577770618460315;
export const B0: f64 = 23.601290952344122;
export const B1: f64 = 244.02463793444417;
export const B2: f64 = 1282.6165260773723;
export const B3: f64 = 2844.2368334391706;
export const C0: f64 = 0.56418849698867009;
export const C1: f64 = 8.8831497943883759;
export const C2: f64 = 66.119190637141634;
export const C3: f64 = 298.63513819740013;
export const C4: f64 = 881.95222124176909;
export const C5: f64 = 1712.0476126340706;
export const C6: f64 = 2051.0783778260715;
export const C7: f64 = 1230.3393547979972;
export const C8: f64 = 2.1531153547440383e-8;
export const D0: f64 = 15.744926110709835;
export const D1: f64 = 117.6939508913125;
export const D2: f64 = 537.18110186200986;
export const D3: f64 = 1621.3895745666902;
export const D4: f64 = 3290.7992357334596;
export const D5: f64 = 4362.6190901432472;
export const D6: f64 = 3439.3676741437216;
export const D7: f64 = 1230.3393548037494;
export const P0: f64 = 0.30532663496123236;
export const P1: f64 = 0.36034489994980445;
export const P2: f64 = 0.12578172611122925;
export const P3: f64 = 0.016083785148742275;
export const P4: f64 = 6.5874916152983678e-4;
export const P5: f64 = 0.016315387137302097;
export const Q0: f64 = 2.5685201922898682;
export const Q1: f64 = 1.8729528499234604;
export const Q2: f64 = 0.52790510295142837;
export const Q3: f64 = 0.060518341312441319;
export const Q4: f64 = 0.0023352049762686918;
