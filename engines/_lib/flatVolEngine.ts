// The shared set-up of the engines on a discount curve and one flat vol quote: Black and
// Bachelier caps/floors (engines/capfloor) and swaptions (engines/swaption). Internal.
import { checkNonNegative, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Observer } from '../../src/patterns/Observer.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { Settings } from '../../src/settings.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { quoteHandle } from '../../termstructures/_lib/quoteHandle.js';

/** A flat-vol engine's checked inputs. */
export interface FlatVolEngineInputs {
  readonly volatility: Handle<Quote>;
  /** The displacement given, 0 when none was. */
  readonly displacement: number;
  readonly dayCounter: DayCounter;
}

/**
 * Checks a flat-vol engine's constructor arguments — the curve handle, the vol (a number > 0 or
 * a quote handle), the `options.displacement` ≥ 0 when one is given — defaults the day counter to
 * Actual/365F, then registers `engine` with the curve, the vol quote and the evaluation date.
 * @throws InvalidInputError when a handle is not one, the vol is not positive or the displacement is negative.
 */
export function flatVolEngineInputs(
  engine: Observer,
  discountCurve: Handle<YieldTermStructure>,
  volatility: number | Handle<Quote>,
  dayCounter: DayCounter | undefined,
  displacement?: number,
): FlatVolEngineInputs {
  if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
  const vol = quoteHandle('volatility', volatility, checkPositive);
  if (displacement !== undefined) checkNonNegative('options.displacement', displacement);
  const inputs = { volatility: vol, displacement: displacement ?? 0, dayCounter: dayCounter ?? new Actual365Fixed() };
  discountCurve.registerObserver(engine);
  vol.registerObserver(engine);
  Settings.instance.evaluationDate.registerObserver(engine);
  return inputs;
}

/**
 * The vol quote's current value.
 * @throws InvalidInputError when it is not positive.
 */
export function flatVolValue(volatility: Handle<Quote>): number {
  const sigma = volatility.currentLink().value();
  checkPositive('volatility', sigma);
  return sigma;
}
