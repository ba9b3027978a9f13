// Small Hull–White markets for tests: the flat 3 % curve of the QuantLib reference section.
import { Actual365Fixed } from '../../../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../../../src/time/BusinessDayConvention.js';
import { Currency } from '../../../../src/money/Currency.js';
import { Date } from '../../../../src/time/Date.js';
import { EuropeanExercise } from '../../../../instruments/exercises/EuropeanExercise.js';
import { Handle } from '../../../../src/patterns/Handle.js';
import { HullWhite } from '../../../../src/models/HullWhite.js';
import { IborIndex } from '../../../../src/indexes/IborIndex.js';
import { NullCalendar } from '../../../../src/time/NullCalendar.js';
import { Period } from '../../../../src/time/Period.js';
import { Schedule } from '../../../../src/time/Schedule.js';
import { Settings } from '../../../../src/settings.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { Swaption } from '../../../../instruments/Swaption.js';
import { SwapType } from '../../../../instruments/SwapType.js';
import { VanillaSwap } from '../../../../instruments/VanillaSwap.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';
import { quantlib } from '../../../_lib/reference.js';

/** A zero-coupon bond option case of the `hull_white` section. */
export interface ZeroBondOptionCase {
  inputs: { option_expiry_T: number; bond_maturity_S: number; strike_X: number };
  outputs: { call: number; put: number; call_closed_form_check: number; put_closed_form_check: number };
}
/** A European swaption case of the `hull_white` section. */
export interface SwaptionCase {
  id: string;
  inputs: { exercise_time: number; exercise_date: string; fixed_rate: number; atm_rate: number; nominal: number; fixed_leg: { payment_date: string }[] };
  outputs: Record<string, number>;
}
export const zeroBondOptionCases: ZeroBondOptionCase[] = quantlib['hull_white'].zero_coupon_bond_options.cases;
export const swaptionCases: SwaptionCase[] = quantlib['hull_white'].european_swaptions.cases;
export const today = Date.fromISO('2025-01-02');

export interface HullWhiteMarket {
  rate: SimpleQuote;
  curve: Handle<YieldTermStructure>;
  model: HullWhite;
  index: IborIndex;
}

/** Flat continuously compounded curve (Act/365F) on 2025-01-02 with a 6M index forwarding on it. */
export function hullWhiteMarket(r = 0.03, a = 0.1, sigma = 0.01): HullWhiteMarket {
  Settings.instance.evaluationDate.set(today);
  const rate = new SimpleQuote(r);
  const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle(rate), { referenceDate: today, dayCounter: new Actual365Fixed() }));
  const model = new HullWhite(curve, a, sigma);
  const index = new IborIndex({
    familyName: 'FlatIdx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(),
    dayCounter: new Actual365Fixed(), convention: BusinessDayConvention.Unadjusted, forwardingTermStructure: curve,
  });
  return { rate, curve, model, index };
}

/** The reference section's swap: fixed annual, float 6M, Act/365F, NullCalendar, Unadjusted. */
export function referenceSwap(m: HullWhiteMarket, type: SwapType, start: string, years: number, fixedRate: number, nominal = 1): VanillaSwap {
  const s0 = Date.fromISO(start);
  const end = s0.addPeriod(Period.parse(`${years}Y`));
  const s = (t: string) => new Schedule({ effectiveDate: s0, terminationDate: end, tenor: Period.parse(t), calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted });
  return new VanillaSwap(type, nominal, s('1Y'), fixedRate, new Actual365Fixed(), s('6M'), m.index, 0, new Actual365Fixed(), BusinessDayConvention.Unadjusted);
}

/** A European swaption on {@link referenceSwap} exercising at the swap's start. */
export function referenceSwaption(m: HullWhiteMarket, type: SwapType, start: string, years: number, fixedRate: number): Swaption {
  return new Swaption(referenceSwap(m, type, start, years, fixedRate), new EuropeanExercise(Date.fromISO(start)));
}
