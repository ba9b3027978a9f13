import { checkInteger } from '../../src/_lib/checks.js';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { brentRoot } from '../../src/math/solvers/brentRoot.js';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { CurveNodes } from './_lib/CurveNodes.js';
import { buildMinusLogDiscount, resolveCurveTraits, sortedPillars } from './_lib/curveTraits.js';
import type { MinusLogDiscount } from './_lib/minusLogDiscount.js';
import { NodeCurve } from './_lib/NodeCurve.js';
import type { DiscountInterpolation } from './InterpolatedDiscountCurve.js';
import type { ForwardInterpolation } from './InterpolatedForwardCurve.js';
import { RateHelper } from './ratehelpers/RateHelper.js';
import { YieldTermStructure } from './YieldTermStructure.js';
import type { ZeroInterpolation } from './ZeroCurve.js';

/**
 * What a {@link PiecewiseYieldCurve} bootstraps and how it interpolates: QuantLib's traits
 * (`Discount`, `ZeroYield`, `ForwardRate`) with an interpolation of that quantity.
 * @public
 */
export type PiecewiseYieldCurveTraits =
  | { readonly traits?: 'discount'; readonly interpolation?: DiscountInterpolation }
  | { readonly traits: 'zeroYield'; readonly interpolation?: ZeroInterpolation }
  | { readonly traits: 'forwardRate'; readonly interpolation?: ForwardInterpolation };

/**
 * Options of {@link PiecewiseYieldCurve}: reference date, day counter…, the traits and
 * interpolation (default discount factors, log-linear), and the bootstrap's accuracy.
 * @public
 */
export type PiecewiseYieldCurveOptions = TermStructureOptions &
  PiecewiseYieldCurveTraits & {
    /**
     * Convergence of the bootstrap: each node is solved to accuracy/1000 in its value, and a
     * global interpolation (log-cubic, monotone convex) iterates until no node moves by more
     * than accuracy; default 1e-12, in (0, 1e-4].
     */
    readonly accuracy?: number;
    /** Passes allowed for a global interpolation; default 100, integer ≥ 2. */
    readonly maxIterations?: number;
  };

const GLOBAL: readonly string[] = ['logCubic', 'monotoneConvex'];

/**
 * A yield curve bootstrapped from rate helpers: one node per helper at its pillar date, each
 * node's value solved so that its helper reprices, lazily.
 *
 * @remarks
 * Nodes sit at the reference date and at the helpers' pillar dates (distinct, after the
 * reference date). The node values are discount factors (P = 1 at the reference date),
 * continuously compounded zero rates or instantaneous forwards (the first node then equals the
 * second: flat before the first pillar), interpolated as the options say; the curve
 * extrapolates past the last pillar with a flat instantaneous forward. The bootstrap is
 * iterative: node i is found with Brent's method so that helper i's quote error is 0 on the
 * curve through nodes 0…i (a bracket of ±100 % in the implied forward around the previous node
 * for discounts, rates in [−100 %, 100 %] otherwise); a global interpolation (log-cubic,
 * monotone convex) then repeats the pass on all nodes until they stop moving.
 * It is a {@link LazyObject}: it observes its helpers (each observes its quote) and the
 * evaluation date when its reference date or any helper's dates move with it; a tick marks it
 * dirty, and the bootstrap reruns once, on the next read.
 * Source: QuantLib `ql/termstructures/yield/piecewiseyieldcurve.hpp` and
 * `ql/termstructures/iterativebootstrap.hpp`; Brent (1973) for the root search.
 * Checked against: `test/termstructures/PiecewiseYieldCurve.test.ts` (QuantLib 1.29's
 * PiecewiseLinearZero, PiecewiseLogLinearDiscount, PiecewiseFlatForward and
 * PiecewiseLogCubicDiscount curves, every helper repriced to 1e-12, one bootstrap per tick).
 *
 * @example
 * ```ts
 * import { Date, DepositRateHelper, PiecewiseYieldCurve, Period, Settings, SwapRateHelper } from 'quantflow';
 * Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
 * const curve = new PiecewiseYieldCurve([
 *   new DepositRateHelper(0.02, Period.parse('6M')),
 *   new SwapRateHelper(0.025, Period.parse('1Y')),
 *   new SwapRateHelper(0.03, Period.parse('2Y')),
 * ], { referenceDate: Date.fromISO('2025-01-02') });
 * curve.discount(Date.fromISO('2027-01-02')); //=> 0.9424579682690032   ((1 − 0.03/1.025) / 1.03)
 * ```
 * @public
 */
export class PiecewiseYieldCurve extends YieldTermStructure {
  /** The bootstrapped quantity. */
  readonly traits: 'discount' | 'zeroYield' | 'forwardRate';
  /** Its interpolation. */
  readonly interpolation: DiscountInterpolation | ZeroInterpolation | ForwardInterpolation;
  /** The bootstrap's accuracy. */
  readonly accuracy: number;
  /** Passes allowed for a global interpolation. */
  readonly maxIterations: number;
  private readonly instruments: readonly RateHelper[];
  private nodes: CurveNodes | null = null;

  /**
   * @param helpers - the rate helpers, length ≥ 1, with distinct pillar dates after the
   * reference date (any order; sorted by pillar).
   * @param options - reference date (fixed, or omitted to move with the evaluation date),
   * day counter (default Act/365F), traits and interpolation, accuracy, iterations.
   * @throws InvalidInputError when there is no helper, a helper is not a RateHelper, or the
   * traits, interpolation, accuracy or iteration count are out of range. Pillar problems
   * (duplicates, pillars on or before the reference date) and a failed bootstrap
   * (ConvergenceError) surface on the first read, since they depend on the quotes and dates.
   */
  constructor(helpers: readonly RateHelper[], options: PiecewiseYieldCurveOptions = {}) {
    super(options);
    if (!Array.isArray(helpers) || helpers.length === 0) throw InvalidInputError.outOfRange('helpers.length', (helpers as unknown[] | undefined)?.length, '[1, ∞)');
    helpers.forEach((h, i) => {
      if (!(h instanceof RateHelper)) throw InvalidInputError.outOfRange(`helpers[${i}]`, h, 'a RateHelper');
    });
    const { kind, interpolation } = resolveCurveTraits(options.traits, options.interpolation, 'options');
    this.traits = kind;
    this.interpolation = interpolation;
    this.accuracy = options.accuracy ?? 1e-12;
    if (!(this.accuracy > 0 && this.accuracy <= 1e-4)) throw InvalidInputError.outOfRange('options.accuracy', this.accuracy, '(0, 1e-4]');
    this.maxIterations = options.maxIterations ?? 100;
    checkInteger('options.maxIterations', this.maxIterations, 2);
    this.instruments = [...helpers];
    for (const h of this.instruments) this.registerWith(h);
    if (this.instruments.some((h) => h.movesWithEvaluationDate())) this.registerWith(Settings.instance.evaluationDate);
  }

  /** The helpers, in the order given. */
  helpers(): RateHelper[] {
    return [...this.instruments];
  }

  /**
   * The last pillar date (bootstraps first, as QuantLib does).
   * @throws as the bootstrap does (see the constructor).
   */
  override maxDate(): Date {
    return this.bootstrapped().lastDate();
  }

  /**
   * The node dates: the reference date, then the pillars.
   * @throws as the bootstrap does (see the constructor).
   */
  dates(): Date[] {
    return [...this.bootstrapped().dates];
  }

  /** The node times (years from the reference date). */
  times(): Float64Array {
    return Float64Array.from(this.bootstrapped().times);
  }

  /** The node values: discount factors, zero rates or forwards, by the traits. */
  data(): Float64Array {
    return Float64Array.from(this.bootstrapped().values);
  }

  /** exp(−F(t)) through the bootstrapped nodes. */
  protected discountImpl(t: number): number {
    return (this.nodes as CurveNodes).discount(t);
  }

  /** The bootstrap (see the class remarks); called by `calculate()` when dirty. */
  protected override performCalculations(): void {
    this.nodes = null;
    const reference = this.referenceDate();
    const { sorted: helpers, dates } = sortedPillars(this.instruments, reference);
    const pillars = dates.slice(1);
    const times = Float64Array.from(dates, (d) => this.timeFromReference(d));
    const n = helpers.length;
    const data = new Float64Array(n + 1);
    if (this.traits === 'discount') data[0] = 1;
    const curve = new NodeCurve(reference, this.dayCounter);
    const global = GLOBAL.includes(this.interpolation);
    const solverAccuracy = this.accuracy / 1000;
    for (let iteration = 0; ; iteration++) {
      const previousPass = Float64Array.from(data);
      for (let i = 1; i <= n; i++) {
        const helper = helpers[i - 1] as RateHelper;
        const used = global && iteration > 0 ? n + 1 : i + 1;
        const error = (x: number): number => {
          data[i] = x;
          if (i === 1 && this.traits !== 'discount') data[0] = x;
          curve.minusLogDiscount = this.build(times.subarray(0, used), data.subarray(0, used));
          return helper.quoteError(curve);
        };
        const [lo, hi] = this.bracket(i, times, data);
        let root: number;
        try {
          root = brentRoot(error, lo, hi, { accuracy: solverAccuracy, maxEvaluations: 200 });
        } catch (cause) {
          throw new ConvergenceError(
            `PiecewiseYieldCurve: no node value in [${lo}, ${hi}] reprices the helper with pillar ${(pillars[i - 1] as Date).toISOString()} (quote ${helper.quoteValue()})`,
            { pillar: (pillars[i - 1] as Date).toISOString(), bracket: [lo, hi] },
            { cause },
          );
        }
        error(root);
      }
      if (!global) break;
      if (iteration === 0) continue;
      let change = 0;
      for (let i = 1; i <= n; i++) change = Math.max(change, Math.abs((data[i] as number) - (previousPass[i] as number)));
      if (change <= this.accuracy) break;
      if (iteration + 1 >= this.maxIterations) {
        throw new ConvergenceError(`PiecewiseYieldCurve: nodes still move by ${change} after ${this.maxIterations} passes (accuracy ${this.accuracy})`, { change, iterations: this.maxIterations });
      }
    }
    this.nodes = new CurveNodes(dates, (d) => this.timeFromReference(d), data, (ts, vs) => this.build(ts, vs));
  }

  private bootstrapped(): CurveNodes {
    this.calculate();
    return this.nodes as CurveNodes;
  }

  private build(times: Float64Array, values: Float64Array): MinusLogDiscount {
    return buildMinusLogDiscount(this.traits, this.interpolation, times, values);
  }

  /** Search interval for node i: implied forward within ±100 % of the previous node (discounts), or rates in [−1, 1]. */
  private bracket(i: number, times: Float64Array, data: Float64Array): [number, number] {
    if (this.traits !== 'discount') return [-1, 1];
    const previous = data[i - 1] as number;
    const dt = (times[i] as number) - (times[i - 1] as number);
    return [previous * Math.exp(-dt), previous * Math.exp(dt)];
  }
}
