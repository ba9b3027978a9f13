import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { LazyObject } from '../../src/patterns/LazyObject.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { calibrateHeston, type HestonCalibrationOptions, type HestonCalibrationResult, type HestonCalibrationSlice } from './calibrateHeston.js';

/**
 * One maturity of {@link HestonCalibratedModel}: strikes with implied-vol quotes.
 * @public
 */
export interface HestonQuoteSlice {
  /** Time to maturity T, years, > 0. */
  readonly time: number;
  /** Forward F to T, price units, > 0. */
  readonly forward: number;
  /** Discount factor D to T, > 0; default 1. */
  readonly discount?: number;
  /** Strikes K, length m ≥ 1, price units, each > 0. */
  readonly strikes: ArrayLike<number>;
  /** Black-76 implied vols (decimals > 0) or quote handles of them, length m. */
  readonly vols: ReadonlyArray<number | Handle<Quote>>;
}

/**
 * Heston parameters calibrated to live implied-vol quotes: a lazy object that recalibrates once,
 * on the first read after any of its quotes changes, warm-started from the previous parameters.
 *
 * @remarks
 * Observes every vol quote (through its handle). A tick marks the model dirty and notifies its
 * observers once; {@link calibrateHeston} reruns at the next read — inside a `transaction()` a
 * burst of ticks costs one recalibration. The first calibration starts from `options.initial`
 * (or calibrateHeston's default); each later one from the last successful parameters, which
 * typically halves the iterations after a small tick. A failed calibration (CalibrationError,
 * an invalid quote) is cached and rethrown by every read until the next tick.
 * Source: QuantLib's `CalibratedModel` / `HestonModel::calibrate` (calibration to helpers);
 * the laziness of `LazyObject`.
 * Checked against: one recalibration per tick and per transaction, none without a read, the
 * same parameters as {@link calibrateHeston} on the same numbers
 * (test/engines/heston/HestonCalibratedModel.test.ts).
 * @public
 */
export class HestonCalibratedModel extends LazyObject {
  private readonly slices: readonly (Omit<HestonQuoteSlice, 'vols'> & { readonly handles: readonly Handle<Quote>[] })[];
  private readonly options: HestonCalibrationOptions;
  private warmStart: HestonParameters | undefined;
  private result: HestonCalibrationResult | undefined;

  /**
   * @param slices - maturities with T (years), F, D, strikes and vol quotes; length ≥ 1.
   * @param options - the calibration's options ({@link HestonCalibrationOptions}); `initial` is
   * used for the first calibration only.
   * @throws InvalidInputError when there is no slice, lengths disagree, or a vol is not a
   * positive number or a `Handle<Quote>`.
   */
  constructor(slices: readonly HestonQuoteSlice[], options: HestonCalibrationOptions = {}) {
    super();
    if (!(slices.length >= 1)) throw InvalidInputError.outOfRange('slices.length', slices.length, '[1, ∞)');
    this.slices = slices.map((s, j) => {
      if (s.vols.length !== s.strikes.length) throw InvalidInputError.outOfRange(`slices[${j}].vols.length`, s.vols.length, `{${s.strikes.length}} (strikes.length)`);
      const handles = s.vols.map((v, i) => {
        if (typeof v === 'number') {
          if (!(v > 0) || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`slices[${j}].vols[${i}]`, v, '(0, ∞)');
          return new Handle<Quote>(new SimpleQuote(v));
        }
        if (!(v instanceof Handle)) throw InvalidInputError.outOfRange(`slices[${j}].vols[${i}]`, v, 'a number or a Handle<Quote>');
        return v;
      });
      return { time: s.time, forward: s.forward, ...(s.discount === undefined ? {} : { discount: s.discount }), strikes: Float64Array.from(s.strikes), handles };
    });
    for (const s of this.slices) for (const h of s.handles) this.registerWith(h);
    this.options = { ...options };
    this.warmStart = options.initial;
  }

  protected override performCalculations(): void {
    this.result = undefined;
    const targets: HestonCalibrationSlice[] = this.slices.map(({ handles, ...s }) => ({ ...s, vols: handles.map((h) => h.currentLink().value()) }));
    const result = calibrateHeston(targets, this.warmStart === undefined ? this.options : { ...this.options, initial: this.warmStart });
    this.result = result;
    this.warmStart = result.parameters;
  }

  /**
   * The whole calibration: parameters, RMSEs, residuals, iterations, time (recalibrates first
   * if a quote changed).
   * @throws CalibrationError or InvalidInputError as {@link calibrateHeston}.
   */
  calibration(): HestonCalibrationResult {
    this.calculate();
    return this.result as HestonCalibrationResult;
  }

  /** The calibrated v0, κ, θ, σ, ρ. @throws as {@link HestonCalibratedModel.calibration}. */
  parameters(): HestonParameters {
    return this.calibration().parameters;
  }
}
