// Cases of the `hull_white` reference section for the tree / FD / MC engines, built as
// instruments on hwan's flat-curve market (test/engines/hullwhite/_lib/hullWhiteMarket.ts).
import { BermudanExercise } from '../../../../instruments/exercises/BermudanExercise.js';
import { Swaption } from '../../../../instruments/Swaption.js';
import { SwapType } from '../../../../instruments/SwapType.js';
import { Date } from '../../../../src/time/Date.js';
import { quantlib } from '../../../_lib/reference.js';
import { referenceSwap, referenceSwaption, type HullWhiteMarket, type SwaptionCase } from './hullWhiteMarket.js';

/** A Bermudan swaption case of the `hull_white` section. */
export interface BermudanCase {
  id: string;
  inputs: { exercise_times: number[]; exercise_dates: string[]; fixed_rate: number; fixed_leg: { accrual_start_date: string; payment_date: string }[] };
  outputs: Record<string, number>;
}
export const bermudanCases: BermudanCase[] = quantlib['hull_white'].bermudan_swaptions.cases;

function years(c: { fixed_leg: { payment_date: string }[] }): number {
  return c.fixed_leg.length;
}

/** The European case as a payer or receiver swaption. */
export function europeanSwaption(m: HullWhiteMarket, c: SwaptionCase, type: SwapType): Swaption {
  return referenceSwaption(m, type, c.inputs.exercise_date, years(c.inputs), c.inputs.fixed_rate);
}

/** The Bermudan case: exercisable on every fixed accrual start. */
export function bermudanSwaption(m: HullWhiteMarket, c: BermudanCase, type: SwapType): Swaption {
  const start = c.inputs.fixed_leg[0]?.accrual_start_date as string;
  const swap = referenceSwap(m, type, start, years(c.inputs), c.inputs.fixed_rate);
  return new Swaption(swap, new BermudanExercise(c.inputs.exercise_dates.map((d) => Date.fromISO(d))));
}
