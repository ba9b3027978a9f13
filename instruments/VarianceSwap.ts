import { checkFinite, checkNonNegative, checkPositive } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { Instrument } from './Instrument.js';
import { Position } from './Position.js';

/**
 * Terms of a {@link VarianceSwap}.
 * @public
 */
export interface VarianceSwapTerms {
  /** Long (receive realised variance) or short. */
  readonly position: Position;
  /** Variance strike K_var in variance units (0.04 = 20 %²); ≥ 0. */
  readonly strike: number;
  /** Variance notional: currency units per 1.00 of annualised variance; > 0. */
  readonly notional: number;
  /** First observation date of the realised variance. */
  readonly startDate: Date;
  /** Last observation (and payment) date; after `startDate`. */
  readonly maturityDate: Date;
  /**
   * Annualised realised variance accrued from `startDate` to the evaluation date (variance units,
   * ≥ 0); needed only once the swap has started before the evaluation date.
   */
  readonly realisedVariance?: number;
}

/**
 * What engines for variance swaps receive (the terms, checked).
 * @public
 */
export type VarianceSwapArguments = VarianceSwapTerms;

/**
 * A variance swap: at maturity the long side receives
 * notional · (σ²_realised − K_var), σ²_realised the annualised variance of daily log returns
 * between `startDate` and `maturityDate`.
 *
 * @remarks
 * NPV = position · notional · D(T) · (E[σ²_realised] − K_var), D(T) the risk-free discount
 * factor to maturity. Engines report the fair (expected) variance as the additional result
 * `variance` ({@link VarianceSwap.variance}). Supported: a swap starting on the evaluation date,
 * and a seasoned swap (`startDate` before the evaluation date) whose accrued annualised
 * `realisedVariance` is given; the expected variance then mixes accrued and future variance in
 * proportion to their times (Act/365F). Forward-starting swaps (start after the evaluation date)
 * are refused by the engine. Expired (value 0) once `maturityDate` is before the evaluation date.
 * Observes: its engine.
 *
 * Source: QuantLib `ql/instruments/varianceswap.hpp`; Demeterfi, Derman, Kamal & Zou (1999),
 * "More Than You Ever Wanted to Know About Volatility Swaps", Goldman Sachs QS note, §1.
 * Checked against: `test/instruments/VarianceSwap.test.ts` (NPV formula, long = −short, expiry,
 * bad terms), `test/engines/blackscholes/ReplicatingVarianceSwapEngine.test.ts`.
 *
 * @example
 * ```ts
 * import { Date, Position, VarianceSwap } from 'quantflow';
 * const swap = new VarianceSwap(Position.Long, 0.04, 50_000, Date.fromISO('2025-01-02'), Date.fromISO('2025-04-02'));
 * swap.terms.strike; //=> 0.04
 * ```
 * @public
 */
export class VarianceSwap extends Instrument<VarianceSwapTerms, VarianceSwapArguments> {
  /**
   * @param position - `Position.Long` or `Position.Short`.
   * @param strike - variance strike, variance units (0.04 = 20 %²); finite, ≥ 0.
   * @param notional - variance notional (currency per 1.00 of variance); finite, > 0.
   * @param startDate - start of the variance observation.
   * @param maturityDate - end of observation and payment date; after `startDate`.
   * @param realisedVariance - annualised variance accrued since `startDate` (≥ 0), for a swap
   *   that started before the evaluation date; omit otherwise.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(position: Position, strike: number, notional: number, startDate: Date, maturityDate: Date, realisedVariance?: number) {
    super({ position, strike, notional, startDate, maturityDate, ...(realisedVariance === undefined ? {} : { realisedVariance }) });
    checkVarianceSwapTerms(this.terms);
  }

  /**
   * The fair (expected) annualised variance from start to maturity, variance units.
   * @throws QuantflowError when pricing fails, or (code `MISSING_RESULT`) when the engine gives none.
   */
  variance(): number {
    return this.result('variance');
  }

  override isExpired(): boolean {
    const today = Settings.instance.evaluationDate.value();
    const last = this.terms.maturityDate;
    return Settings.instance.includeReferenceDateEvents ? last.isOnOrBefore(today) : last.isBefore(today);
  }

  protected buildArguments(): VarianceSwapArguments {
    checkVarianceSwapTerms(this.terms);
    return this.terms;
  }

  protected rebuild(terms: VarianceSwapTerms): this {
    return new VarianceSwap(terms.position, terms.strike, terms.notional, terms.startDate, terms.maturityDate, terms.realisedVariance) as this;
  }
}

function checkVarianceSwapTerms(t: VarianceSwapTerms): void {
  if (t.position !== Position.Long && t.position !== Position.Short) {
    throw InvalidInputError.outOfRange('position', t.position, '{1 (Long), -1 (Short)}');
  }
  checkFinite('strike', t.strike);
  checkNonNegative('strike', t.strike);
  checkPositive('notional', t.notional);
  if (!(t.startDate instanceof Date)) throw InvalidInputError.outOfRange('startDate', t.startDate, 'a quantflow Date');
  if (!(t.maturityDate instanceof Date)) throw InvalidInputError.outOfRange('maturityDate', t.maturityDate, 'a quantflow Date');
  if (!t.maturityDate.isAfter(t.startDate)) {
    throw InvalidInputError.outOfRange('maturityDate', t.maturityDate.toISOString(), `(${t.startDate.toISOString()}, ∞) (after startDate)`);
  }
  if (t.realisedVariance !== undefined) checkNonNegative('realisedVariance', t.realisedVariance);
}
