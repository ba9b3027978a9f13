// The callable-bond cases of test/reference/quantlib-1.29-callable-bond.json as instruments
// (generator: scripts/reference/gen_hull_white_callable_bond.py).
import { readFileSync } from 'node:fs';
import { CallableFixedRateBond } from '../../../../instruments/CallableFixedRateBond.js';
import { FixedRateBond } from '../../../../instruments/FixedRateBond.js';
import { HullWhite } from '../../../../src/models/HullWhite.js';
import { Handle } from '../../../../src/patterns/Handle.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { Settings } from '../../../../src/settings.js';
import { Actual365Fixed } from '../../../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../../../src/time/BusinessDayConvention.js';
import { Date } from '../../../../src/time/Date.js';
import { NullCalendar } from '../../../../src/time/NullCalendar.js';
import { Period } from '../../../../src/time/Period.js';
import { Schedule } from '../../../../src/time/Schedule.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';

export interface CallableBondCase {
  id: string;
  inputs: { frequency_months: number; coupon: number; callability: { type: 'call' | 'put'; date: string; clean_price: number }[] };
  outputs: Record<string, number>;
}
const doc = JSON.parse(readFileSync(new URL('../../../reference/quantlib-1.29-callable-bond.json', import.meta.url), 'utf8'));
export const callableBondCases: CallableBondCase[] = doc.cases;
export const callableBondMarketData: { zero_rate_cc: number; a: number; sigma: number } = doc.market;

export interface CallableBondMarket {
  rate: SimpleQuote;
  curve: Handle<YieldTermStructure>;
  model: HullWhite;
}

export function callableBondMarket(): CallableBondMarket {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const rate = new SimpleQuote(callableBondMarketData.zero_rate_cc);
  const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle(rate), { referenceDate: today, dayCounter: new Actual365Fixed() }));
  return { rate, curve, model: new HullWhite(curve, callableBondMarketData.a, callableBondMarketData.sigma) };
}

function schedule(c: CallableBondCase): Schedule {
  return new Schedule({
    effectiveDate: Date.fromISO('2025-01-02'), terminationDate: Date.fromISO('2035-01-02'), tenor: Period.parse(`${c.inputs.frequency_months}M`),
    calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted,
  });
}

export function callableBond(c: CallableBondCase): CallableFixedRateBond {
  const callability = c.inputs.callability.map((k) => ({ type: k.type, date: Date.fromISO(k.date), price: k.clean_price }));
  return new CallableFixedRateBond(0, 100, schedule(c), [c.inputs.coupon], new Actual365Fixed(), callability, { paymentConvention: BusinessDayConvention.Unadjusted });
}

export function straightBond(c: CallableBondCase): FixedRateBond {
  return new FixedRateBond(0, 100, schedule(c), [c.inputs.coupon], new Actual365Fixed(), { paymentConvention: BusinessDayConvention.Unadjusted });
}
