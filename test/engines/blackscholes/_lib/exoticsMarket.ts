// Test helpers for the analytic exotics: reference JSON and markets with a chosen day counter.
import { readFileSync } from 'node:fs';
import { Handle } from '../../../../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../../../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { Actual360 } from '../../../../src/time/Actual360.js';
import { BlackConstantVol } from '../../../../termstructures/volatility/BlackConstantVol.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';
import type { BlackVolTermStructure } from '../../../../termstructures/volatility/BlackVolTermStructure.js';
import { today } from '../../../_lib/market.js';

const url = new URL('../../../reference/quantlib-1.29-analytic-exotics.json', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON is read per section
export const exotics: Record<string, any> = JSON.parse(readFileSync(url, 'utf8'));

/** Flat market on Actual/360, so that Haug's T = 0.5, 0.75 are whole days (180, 270). */
export function act360Market(S: number, r: number, q: number, vol: number) {
  const ref = { referenceDate: today, dayCounter: new Actual360() };
  const spot = new SimpleQuote(S);
  const process = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(spot),
    new Handle<YieldTermStructure>(new FlatForward(q, ref)),
    new Handle<YieldTermStructure>(new FlatForward(r, ref)),
    new Handle<BlackVolTermStructure>(new BlackConstantVol(vol, ref)),
  );
  return { spot, process };
}
