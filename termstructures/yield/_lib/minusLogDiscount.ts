import { BackwardFlatInterpolation } from '../../../src/math/interpolation/BackwardFlatInterpolation.js';
import { CubicNaturalSpline } from '../../../src/math/interpolation/CubicNaturalSpline.js';
import { LinearInterpolation } from '../../../src/math/interpolation/LinearInterpolation.js';
import { MonotoneConvexInterpolation } from '../../../src/math/interpolation/MonotoneConvexInterpolation.js';
import type { DiscountInterpolation } from '../InterpolatedDiscountCurve.js';
import type { ForwardInterpolation } from '../InterpolatedForwardCurve.js';
import type { ZeroInterpolation } from '../ZeroCurve.js';

/** −ln P(t) for t ≥ 0. */
export type MinusLogDiscount = (t: number) => number;

/**
 * −ln P(t) from discount factors at times[0] = 0 < times[1] < …, with discounts[0] = 1; past
 * the last node the instantaneous forward stays at its value there (QuantLib's
 * `InterpolatedDiscountCurve` extrapolation).
 */
export function fromDiscounts(times: Float64Array, discounts: Float64Array, interpolation: DiscountInterpolation): MinusLogDiscount {
  const F = discounts.map((d) => -Math.log(d));
  const tMax = times[times.length - 1] as number;
  switch (interpolation) {
    case 'logLinear': {
      const line = new LinearInterpolation(times, F);
      return (t) => line.value(t, true);
    }
    case 'logCubic': {
      const spline = new CubicNaturalSpline(times, F, { monotonic: true });
      const fMax = spline.derivative(tMax);
      const FMax = F[F.length - 1] as number;
      return (t) => (t <= tMax ? spline.value(t) : FMax + fMax * (t - tMax));
    }
    case 'monotoneConvex':
      return monotoneConvex(times, F);
  }
}

/**
 * −ln P(t) = z(t)·t from continuously compounded zero rates at times[0] ≥ 0 < times[1] < …:
 * `linear` interpolates z, flat before the first node, with a flat instantaneous forward past
 * the last (QuantLib's `InterpolatedZeroCurve`); `monotoneConvex` interpolates z·t from (0, 0).
 */
export function fromZeroRates(times: Float64Array, zeros: Float64Array, interpolation: ZeroInterpolation): MinusLogDiscount {
  const n = times.length;
  const tMax = times[n - 1] as number;
  const zMax = zeros[n - 1] as number;
  switch (interpolation) {
    case 'linear': {
      const line = new LinearInterpolation(times, zeros);
      const t0 = times[0] as number;
      const fMax = zMax + tMax * line.derivative(tMax);
      return (t) => (t <= tMax ? line.value(Math.max(t, t0)) * t : zMax * tMax + fMax * (t - tMax));
    }
    default: {
      const withOrigin = (times[0] as number) > 0;
      const xs = withOrigin ? Float64Array.of(0, ...times) : times;
      const F = Float64Array.from(xs, (_, i) => (withOrigin ? (i === 0 ? 0 : (zeros[i - 1] as number) * (xs[i] as number)) : (zeros[i] as number) * (xs[i] as number)));
      return monotoneConvex(xs, F);
    }
  }
}

/**
 * −ln P(t) = ∫_0^t f from instantaneous forwards at times[0] = 0 < times[1] < …; past the last
 * node the forward stays at its last value (QuantLib's `InterpolatedForwardCurve`).
 */
export function fromForwards(times: Float64Array, forwards: Float64Array, interpolation: ForwardInterpolation): MinusLogDiscount {
  const tMax = times[times.length - 1] as number;
  const fMax = forwards[forwards.length - 1] as number;
  const interpolant = interpolation === 'linear' ? new LinearInterpolation(times, forwards) : new BackwardFlatInterpolation(times, forwards);
  const FMax = interpolant.primitive(tMax);
  return (t) => (t <= tMax ? interpolant.primitive(t) : FMax + fMax * (t - tMax));
}

function monotoneConvex(times: Float64Array, F: Float64Array): MinusLogDiscount {
  const mc = new MonotoneConvexInterpolation(times, F);
  return (t) => mc.primitive(t, true);
}
