import { InvalidInputError } from '../../src/errors.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import type { Swaption } from '../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { calibrateHullWhite, type HullWhiteCalibrationOptions, type HullWhiteCalibrationResult } from './calibrateHullWhite.js';

/**
 * A live calibration instrument of {@link HullWhiteCalibratedModel}: a swaption and its vol quote.
 * @public
 */
export interface HullWhiteSwaptionVolQuote {
  /** European, physically settled swaption. */
  readonly swaption: Swaption;
  /** Market vol (decimal > 0) or a handle of its quote. */
  readonly volatility: number | Handle<Quote>;
  /** `'normal'` (Bachelier) or `'black'` (lognormal). */
  readonly volatilityType: 'normal' | 'black';
  /** Lognormal shift, decimal ≥ 0; default 0. */
  readonly displacement?: number;
}

/**
 * A Hull–White model whose a and σ are calibrated to live swaption vol quotes, lazily: a quote or
 * curve tick notifies its engines at once, and {@link calibrateHullWhite} reruns on the next read
 * of a or σ (by an engine, or by you), warm-started from the previous parameters.
 *
 * @remarks
 * It is a {@link HullWhite}, so every Hull–White engine takes it as its model: a tick reprices
 * each instrument once, after one recalibration (inside a `transaction()` a burst of ticks costs
 * one). A failed calibration (CalibrationError, an invalid quote) is cached and rethrown by every
 * read of a or σ until the next tick; `setParameters` is overwritten by the next recalibration.
 * Observes: every vol quote handle and the curve handle.
 * Source: QuantLib `CalibratedModel` with `SwaptionHelper`s; laziness as `LazyObject`.
 * Checked against: `test/engines/hullwhite/HullWhiteCalibratedModel.test.ts` (one recalibration
 * per tick and per transaction, none without a read, the same parameters as calibrateHullWhite,
 * failure and recovery).
 * @public
 */
export class HullWhiteCalibratedModel extends HullWhite {
  private readonly quotes: readonly (Omit<HullWhiteSwaptionVolQuote, 'volatility'> & { readonly handle: Handle<Quote> })[];
  private readonly options: HullWhiteCalibrationOptions;
  private dirty = true;
  private failure: unknown = null;
  private last: HullWhiteCalibrationResult | undefined;
  private calibrating = false;
  /** Number of calibrations run so far (for monitoring). */
  calibrations = 0;

  /**
   * @param termStructure - the curve handle (observed).
   * @param quotes - the swaptions and vol quotes; at least 2 (1 with `options.fixedA`).
   * @param options - calibration options; `initial` (default a = 0.05, σ = 0.01) seeds the first run.
   * @param sigmaTimes - breakpoints of a piecewise-constant σ (years, increasing); default none.
   * @throws InvalidInputError when a vol is neither a positive number nor a Handle.
   */
  constructor(termStructure: Handle<YieldTermStructure>, quotes: readonly HullWhiteSwaptionVolQuote[], options: HullWhiteCalibrationOptions = {}, sigmaTimes: readonly number[] = []) {
    super(
      termStructure, options.fixedA ?? options.initial?.a ?? 0.05,
      options.initial?.sigmas ?? new Array<number>(sigmaTimes.length + 1).fill(options.initial?.sigma ?? 0.01), sigmaTimes,
    );
    this.quotes = quotes.map((q, i) => {
      let handle: Handle<Quote>;
      if (typeof q.volatility === 'number') {
        if (!(q.volatility > 0) || !Number.isFinite(q.volatility)) throw InvalidInputError.outOfRange(`quotes[${i}].volatility`, q.volatility, '(0, ∞)');
        handle = new Handle<Quote>(new SimpleQuote(q.volatility));
      } else if (q.volatility instanceof Handle) handle = q.volatility;
      else throw InvalidInputError.outOfRange(`quotes[${i}].volatility`, q.volatility, 'a number or a Handle<Quote>');
      return { swaption: q.swaption, volatilityType: q.volatilityType, ...(q.displacement === undefined ? {} : { displacement: q.displacement }), handle };
    });
    for (const q of this.quotes) q.handle.registerObserver(this);
    this.options = { ...options };
  }

  /** Recalibrates when a quote or the curve changed since the last calibration. */
  protected override refresh(): void {
    this.ensureCalibrated();
  }

  /** The last calibration's result (calibrating first if stale). @throws as the calibration. */
  calibrationResult(): HullWhiteCalibrationResult {
    this.ensureCalibrated();
    return this.last as HullWhiteCalibrationResult;
  }

  /** A quote or curve tick: mark stale and notify the engines. */
  override update(): void {
    this.dirty = true;
    this.failure = null;
    super.update();
  }

  override dispose(): void {
    for (const q of this.quotes) q.handle.unregisterObserver(this);
    super.dispose();
  }

  private ensureCalibrated(): void {
    if (this.calibrating) return;
    if (this.dirty) {
      this.dirty = false;
      this.calibrating = true;
      try {
        const [a0, ...s0] = this.params();
        const scratch = new HullWhite(this.termStructure, a0, s0, this.sigmaTimes);
        const targets = this.quotes.map(({ handle, ...q }) => ({ ...q, volatility: handle.currentLink().value() }));
        this.calibrations++;
        const result = calibrateHullWhite(scratch, targets, { ...this.options, initial: { a: a0 as number, sigmas: s0 } });
        scratch.dispose();
        this.assignParameters(result.a, result.sigmas);
        this.last = result;
        this.failure = null;
      } catch (error) {
        this.failure = error;
      } finally {
        this.calibrating = false;
      }
    }
    if (this.failure !== null) throw this.failure;
  }
}
