import { InvalidInputError } from '../../src/errors.js';
import type { Handle } from '../../src/patterns/Handle.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { SettlementType } from '../../instruments/SettlementType.js';
import type { SwaptionArguments } from '../../instruments/Swaption.js';
import { SwapType } from '../../instruments/SwapType.js';
import { swaptionTimes } from '../../instruments/_lib/swaptionTimes.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { PricingEngine } from '../PricingEngine.js';
import { LiborMarketModel } from './LiborMarketModel.js';
import { LmmCalibratedModel } from './LmmCalibratedModel.js';
import { mcLmmBermudanSwaption, type LmmBermudanOptions } from './mcLmmBermudanSwaption.js';

/**
 * Options of {@link McLmmSwaptionEngine}: the Monte Carlo options of {@link mcLmmBermudanSwaption}
 * plus the tolerance for matching the swaption's dates to the model's rate times.
 * @public
 */
export interface McLmmSwaptionEngineOptions extends LmmBermudanOptions {
  /** Largest distance, in years, between a swaption date and the rate time it maps to; default 7/365. */
  readonly dateTolerance?: number;
}

/**
 * European and Bermudan swaptions (physical settlement) in the LIBOR market model by Monte
 * Carlo: Longstaff–Schwartz for Bermudans, the same paths' first exercise for Europeans.
 *
 * @remarks
 * The swaption's exercise dates and its swap's last floating accrual end are mapped to the
 * model's rate times (times from `curve`'s reference date; each within `dateTolerance`); the fixed
 * leg must pay every `fixedEvery` accrual periods of the model (the number of rate periods per fixed
 * coupon, the same for every exercise), and its annuity is built from the model's rate times, so
 * small day-count differences between the swap and the model's tenor structure are ignored. The
 * floating leg is valued at par on the model's forwards (single curve; spreads are not supported).
 * Results: value (× nominal), errorEstimate, additionalResults `europeanValue` (first exercise only)
 * and `exerciseIndices`. Observes the model when it is an {@link LmmCalibratedModel} (a quote or
 * curve tick reprices every swaption on this engine once).
 * Source: see {@link mcLmmBermudanSwaption}.
 * Checked against: the engine equals mcLmmBermudanSwaption on the mapped terms; its European value
 * equals Black with Rebonato's vol within 3 se; a quote tick reprices once
 * (test/engines/lmm/McLmmSwaptionEngine.test.ts).
 * @public
 */
export class McLmmSwaptionEngine extends PricingEngine<SwaptionArguments> {
  /**
   * @param model - a LIBOR market model, or a calibrated one that recalibrates lazily.
   * @param curve - the curve whose reference date and day counter define the model's time axis.
   * @param options - Monte Carlo options (paths, seed, factors, rng …) and the date tolerance.
   * @throws InvalidInputError when `model` is neither a LiborMarketModel nor an LmmCalibratedModel.
   */
  constructor(
    readonly model: LiborMarketModel | LmmCalibratedModel,
    readonly curve: Handle<YieldTermStructure>,
    readonly options: McLmmSwaptionEngineOptions,
  ) {
    super();
    if (!(model instanceof LiborMarketModel || model instanceof LmmCalibratedModel)) {
      throw InvalidInputError.outOfRange('model', model, 'a LiborMarketModel or an LmmCalibratedModel');
    }
    if (model instanceof LmmCalibratedModel) this.registerWith(model);
    this.registerWith(curve);
  }

  /**
   * @throws InvalidInputError for cash settlement, an American exercise, a floating spread, a date
   * that matches no rate time, or a fixed leg whose period is not a whole number of model periods;
   * CalibrationError from a calibrated model.
   */
  calculate(args: SwaptionArguments): PricingResults {
    if (args.settlementType !== SettlementType.Physical) throw InvalidInputError.outOfRange('settlementType', args.settlementType, '{Physical} (McLmmSwaptionEngine)');
    if (args.exerciseType === ExerciseType.American) throw InvalidInputError.outOfRange('exerciseType', args.exerciseType, '{European, Bermudan} (McLmmSwaptionEngine)');
    const model = this.model instanceof LmmCalibratedModel ? this.model.model() : this.model;
    const curve = this.curve.currentLink();
    const t = swaptionTimes(args, (d) => curve.timeFromReference(d));
    t.floatSpreadAmounts.forEach((s, j) => {
      if (s !== 0) throw InvalidInputError.outOfRange(`floating spread amount ${j}`, s, '{0} (McLmmSwaptionEngine)');
    });
    const tol = this.options.dateTolerance ?? 7 / 365;
    const indexOf = (time: number, what: string): number => {
      let best = 0;
      model.rateTimes.forEach((r, i) => {
        if (Math.abs(r - time) < Math.abs((model.rateTimes[best] as number) - time)) best = i;
      });
      if (!(Math.abs((model.rateTimes[best] as number) - time) <= tol)) {
        throw InvalidInputError.outOfRange(what, time, `within ${tol} years of a rate time of the model`);
      }
      return best;
    };
    const exerciseIndices = Array.from(t.exerciseTimes, (x, k) => indexOf(x, `exerciseTimes[${k}]`));
    const end = indexOf(t.floatEndTimes[t.floatEndTimes.length - 1] as number, 'swap end time');
    const fixedCount = t.fixedPaymentTimes.length - (t.fixedFirst[0] as number);
    const span = end - (exerciseIndices[0] as number);
    if (fixedCount < 1 || span % fixedCount !== 0) throw InvalidInputError.outOfRange('fixed coupons after the first exercise', fixedCount, `divisors of ${span} (model periods to the end)`);
    const r = mcLmmBermudanSwaption(
      model,
      { type: args.type === SwapType.Payer ? 'payer' : 'receiver', strike: args.fixedRate, exerciseIndices, end, fixedEvery: span / fixedCount },
      this.options,
    );
    return {
      value: args.nominal * r.value,
      errorEstimate: args.nominal * r.errorEstimate,
      greeks: {},
      additionalResults: { europeanValue: args.nominal * r.europeanValue, exerciseIndices: exerciseIndices.length },
    };
  }
}
