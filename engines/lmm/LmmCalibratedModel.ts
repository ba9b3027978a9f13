import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { LazyObject } from '../../src/patterns/LazyObject.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import {
  calibrateLiborMarketModel,
  type LmmCalibrationOptions,
  type LmmCalibrationResult,
  type LmmCapletQuote,
  type LmmSwaptionQuote,
} from './calibrateLiborMarketModel.js';
import type { LiborMarketModel } from './LiborMarketModel.js';

/** A caplet quote whose vol may be a live quote. @public */
export type LmmLiveCapletQuote = Omit<LmmCapletQuote, 'volatility'> & { readonly volatility: number | Handle<Quote> };
/** A swaption quote whose vol may be a live quote. @public */
export type LmmLiveSwaptionQuote = Omit<LmmSwaptionQuote, 'volatility'> & { readonly volatility: number | Handle<Quote> };

/**
 * A LIBOR market model calibrated to live caplet and swaption vol quotes over a live discount
 * curve: a lazy object that recalibrates once, on the first read after a quote or the curve changes.
 *
 * @remarks
 * Observes the curve handle and every vol quote. A tick marks the model dirty and notifies its
 * observers once; {@link calibrateLiborMarketModel} reruns at the next read (one recalibration
 * per `transaction()`), discount factors P(0, T_i) read from the curve at the rate times. The first
 * calibration uses `options` (by default with the differential-evolution seed); later ones start
 * from the last parameters without the global search. A failure is cached and rethrown by every
 * read until the next tick.
 * Source: QuantLib `CalibratedModel` (calibration to helpers) and `LazyObject`.
 * Checked against: one recalibration per tick and per transaction, none without a read, the same
 * parameters as {@link calibrateLiborMarketModel} on the same numbers
 * (test/engines/lmm/LmmCalibratedModel.test.ts).
 * @public
 */
export class LmmCalibratedModel extends LazyObject {
  private readonly caplets: readonly { readonly index: number; readonly handle: Handle<Quote> }[];
  private readonly swaptions: readonly (Omit<LmmSwaptionQuote, 'volatility'> & { readonly handle: Handle<Quote> })[];
  private readonly rateTimes: Float64Array;
  private readonly options: Omit<LmmCalibrationOptions, 'rateTimes' | 'discounts'>;
  private warm: LmmCalibrationResult | undefined;
  private result: LmmCalibrationResult | undefined;

  /**
   * @param curve - discount curve handle; P(0, T_i) = curve.discount(T_i).
   * @param rateTimes - T_0 < … < T_N in years on the curve's time axis.
   * @param caplets - caplet quotes (vol a number or a quote handle).
   * @param swaptions - ATM swaption quotes (vol a number or a quote handle).
   * @param options - calibration options without the tenor structure and discounts.
   * @throws InvalidInputError for a vol that is neither a positive number nor a `Handle<Quote>`.
   */
  constructor(
    private readonly curve: Handle<YieldTermStructure>,
    rateTimes: ArrayLike<number>,
    caplets: readonly LmmLiveCapletQuote[],
    swaptions: readonly LmmLiveSwaptionQuote[],
    options: Omit<LmmCalibrationOptions, 'rateTimes' | 'discounts'> = {},
  ) {
    super();
    const handleOf = (v: number | Handle<Quote>, name: string): Handle<Quote> => {
      if (typeof v === 'number') {
        if (!(v > 0) || !Number.isFinite(v)) throw InvalidInputError.outOfRange(name, v, '(0, ∞)');
        return new Handle<Quote>(new SimpleQuote(v));
      }
      if (!(v instanceof Handle)) throw InvalidInputError.outOfRange(name, v, 'a number or a Handle<Quote>');
      return v;
    };
    this.caplets = caplets.map((q, j) => ({ index: q.index, handle: handleOf(q.volatility, `caplets[${j}].volatility`) }));
    this.swaptions = swaptions.map(({ volatility, ...q }, j) => ({ ...q, handle: handleOf(volatility, `swaptions[${j}].volatility`) }));
    this.rateTimes = Float64Array.from(rateTimes);
    this.options = { ...options };
    this.registerWith(curve);
    for (const q of this.caplets) this.registerWith(q.handle);
    for (const q of this.swaptions) this.registerWith(q.handle);
  }

  protected override performCalculations(): void {
    this.result = undefined;
    const c = this.curve.currentLink();
    const discounts = Array.from(this.rateTimes, (t) => c.discount(t));
    const caplets = this.caplets.map((q) => ({ index: q.index, volatility: q.handle.currentLink().value() }));
    const swaptions = this.swaptions.map(({ handle, ...q }) => ({ ...q, volatility: handle.currentLink().value() }));
    const prior = this.warm;
    const options: LmmCalibrationOptions = { ...this.options, rateTimes: this.rateTimes, discounts };
    const warmOptions: LmmCalibrationOptions =
      prior === undefined
        ? options
        : {
            ...options,
            initial: { ...prior.abcd, beta: prior.correlation.beta, ...(prior.correlation.form === 'rebonato' ? { rhoInfinity: prior.correlation.rhoInfinity } : {}) },
            globalSeed: false,
          };
    const result = calibrateLiborMarketModel(caplets, swaptions, warmOptions);
    this.result = result;
    this.warm = result;
  }

  /** The whole calibration (recalibrates first if an input changed). @throws as {@link calibrateLiborMarketModel}. */
  calibration(): LmmCalibrationResult {
    this.calculate();
    return this.result as LmmCalibrationResult;
  }

  /** The calibrated model. @throws as {@link LmmCalibratedModel.calibration}. */
  model(): LiborMarketModel {
    return this.calibration().model;
  }
}
