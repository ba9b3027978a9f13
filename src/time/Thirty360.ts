import { InvalidInputError } from '../errors.js';
import { DayCounter } from './DayCounter.js';
import type { Date } from './Date.js';

/**
 * Variants of the 30/360 day count.
 *
 * @public
 */
export enum Thirty360Convention {
  /** 30/360 "Bond Basis" (ISDA 2006 §4.16(f)): D1 = 31 → 30; D2 = 31 → 30 only if D1 ≥ 30 (after the first rule). */
  BondBasis = 0,
  /** 30E/360 "Eurobond Basis" (ISDA 2006 §4.16(g)): D1 = 31 → 30 and D2 = 31 → 30. */
  European = 1,
}

/**
 * 30/360 day counts: every month has 30 days and every year 360.
 *
 * @remarks
 * `dayCount = 360·(Y2 − Y1) + 30·(M2 − M1) + (D2 − D1)` after the convention's end-of-month
 * rules on D1 and D2 (see {@link Thirty360Convention}); `yearFraction = dayCount / 360`.
 * Reference-period arguments are ignored.
 *
 * Source: 2006 ISDA Definitions, Section 4.16(f) (30/360, Bond Basis) and 4.16(g)
 * (30E/360, Eurobond Basis).
 * Checked against: worked examples computed by hand from those definitions, where the two
 * conventions agree and where they differ (`test/time/DayCounters.test.ts`).
 *
 * @example
 * ```ts
 * import { Thirty360, Thirty360Convention, Date } from 'quantflow';
 * new Thirty360(Thirty360Convention.BondBasis).dayCount(Date.fromISO('2007-01-15'), Date.fromISO('2007-03-31'));
 * //=> 76
 * ```
 *
 * @public
 */
export class Thirty360 extends DayCounter {
  /** The variant. */
  readonly convention: Thirty360Convention;

  /**
   * @param convention - the 30/360 variant; default `BondBasis`.
   * @throws `InvalidInputError` for an unknown convention.
   */
  constructor(convention: Thirty360Convention = Thirty360Convention.BondBasis) {
    super();
    if (convention !== Thirty360Convention.BondBasis && convention !== Thirty360Convention.European) {
      throw InvalidInputError.outOfRange('convention', convention, 'Thirty360Convention.BondBasis | European');
    }
    this.convention = convention;
  }

  name(): string {
    return this.convention === Thirty360Convention.BondBasis ? '30/360 (Bond Basis)' : '30E/360 (Eurobond Basis)';
  }

  override dayCount(d1: Date, d2: Date): number {
    let dd1 = d1.dayOfMonth();
    let dd2 = d2.dayOfMonth();
    if (dd1 === 31) dd1 = 30;
    if (dd2 === 31 && (this.convention === Thirty360Convention.European || dd1 === 30)) dd2 = 30;
    return 360 * (d2.year() - d1.year()) + 30 * (d2.month() - d1.month()) + (dd2 - dd1);
  }

  /** @returns `dayCount(d1, d2) / 360` years; signed. */
  yearFraction(d1: Date, d2: Date, _refPeriodStart?: Date, _refPeriodEnd?: Date): number {
    return this.dayCount(d1, d2) / 360;
  }
}
