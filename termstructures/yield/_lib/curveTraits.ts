// Internal: the traits, interpolation, pillar and node-building rules shared by the bootstraps
// (PiecewiseYieldCurve, MultiCurveBootstrap).
import { InvalidInputError } from '../../../src/errors.js';
import { Date } from '../../../src/time/Date.js';
import type { DiscountInterpolation } from '../InterpolatedDiscountCurve.js';
import type { ForwardInterpolation } from '../InterpolatedForwardCurve.js';
import type { RateHelper } from '../ratehelpers/RateHelper.js';
import type { ZeroInterpolation } from '../ZeroCurve.js';
import { fromDiscounts, fromForwards, fromZeroRates, type MinusLogDiscount } from './minusLogDiscount.js';

/** What a bootstrap solves for. */
export type CurveKind = 'discount' | 'zeroYield' | 'forwardRate';
export type CurveInterpolation = DiscountInterpolation | ZeroInterpolation | ForwardInterpolation;

const INTERPOLATIONS: Readonly<Record<CurveKind, readonly string[]>> = {
  discount: ['logLinear', 'logCubic', 'monotoneConvex'],
  zeroYield: ['linear', 'monotoneConvex'],
  forwardRate: ['backwardFlat', 'linear'],
};
const DEFAULT_INTERPOLATION: Readonly<Record<CurveKind, string>> = { discount: 'logLinear', zeroYield: 'linear', forwardRate: 'backwardFlat' };

/** Validated traits and interpolation (defaults: discount, log-linear); `prefix` names the options in errors. */
export function resolveCurveTraits(traits: string | undefined, interpolation: string | undefined, prefix: string): { kind: CurveKind; interpolation: CurveInterpolation } {
  const kind = (traits ?? 'discount') as CurveKind;
  if (!(kind in INTERPOLATIONS)) throw InvalidInputError.outOfRange(`${prefix}.traits`, kind, "{'discount', 'zeroYield', 'forwardRate'}");
  const chosen = interpolation ?? DEFAULT_INTERPOLATION[kind];
  if (!INTERPOLATIONS[kind].includes(chosen)) {
    throw InvalidInputError.outOfRange(`${prefix}.interpolation`, chosen, `{${INTERPOLATIONS[kind].map((s) => `'${s}'`).join(', ')}} (for ${kind})`);
  }
  return { kind, interpolation: chosen as CurveInterpolation };
}

/** −ln P through nodes (times[0] = 0) of the given kind. */
export function buildMinusLogDiscount(kind: CurveKind, interpolation: CurveInterpolation, times: Float64Array, values: Float64Array): MinusLogDiscount {
  switch (kind) {
    case 'discount':
      return fromDiscounts(times, values, interpolation as DiscountInterpolation);
    case 'zeroYield':
      return fromZeroRates(times, values, interpolation as ZeroInterpolation);
    case 'forwardRate':
      return fromForwards(times, values, interpolation as ForwardInterpolation);
  }
}

/**
 * The helpers sorted by pillar, with the node dates [reference, pillars…].
 * @throws InvalidInputError when two pillars coincide or one is on or before the reference date
 * (naming the helper by its index in `helpers`).
 */
export function sortedPillars(helpers: readonly RateHelper[], reference: Date): { sorted: RateHelper[]; dates: Date[] } {
  const sorted = [...helpers].sort((a, b) => Date.compare(a.pillarDate(), b.pillarDate()));
  const pillars = sorted.map((h) => h.pillarDate());
  pillars.forEach((d, i) => {
    const previous = i === 0 ? reference : (pillars[i - 1] as Date);
    if (!d.isAfter(previous)) {
      throw InvalidInputError.outOfRange(`pillar date of helper ${helpers.indexOf(sorted[i] as RateHelper)}`, d.toISOString(), `(${previous.toISOString()}, ∞): pillars must be distinct and after the reference date`);
    }
  });
  return { sorted, dates: [reference, ...pillars] };
}
