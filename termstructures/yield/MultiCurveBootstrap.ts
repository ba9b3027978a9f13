import { checkInteger } from '../../src/_lib/checks.js';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { solveLinearSystem } from '../../src/math/optimization/_lib/solveLinearSystem.js';
import { Handle } from '../../src/patterns/Handle.js';
import { LazyObject } from '../../src/patterns/LazyObject.js';
import { Date } from '../../src/time/Date.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { buildMinusLogDiscount, resolveCurveTraits, sortedPillars, type CurveInterpolation, type CurveKind } from './_lib/curveTraits.js';
import { CurveNodes } from './_lib/CurveNodes.js';
import { NodeCurve } from './_lib/NodeCurve.js';
import type { PiecewiseYieldCurveTraits } from './PiecewiseYieldCurve.js';
import { RateHelper } from './ratehelpers/RateHelper.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * One curve of a {@link MultiCurveBootstrap}: how to build its helpers, what its nodes are and
 * how they interpolate.
 * @public
 */
export type MultiCurveSpec = PiecewiseYieldCurveTraits & {
  /**
   * Builds the curve's helpers (≥ 1, distinct pillars after the reference date). `curves[j]` is
   * a handle to curve j as the solve sees it: pass it where a helper depends on another curve of
   * the set (e.g. `discountingCurve: curves[0]` for OIS discounting), or on its own curve.
   */
  readonly helpers: (curves: readonly Handle<YieldTermStructure>[]) => readonly RateHelper[];
  /** Day counter of the curve's times; default Actual/365 Fixed. */
  readonly dayCounter?: DayCounter;
};

/**
 * Options of {@link MultiCurveBootstrap}.
 * @public
 */
export interface MultiCurveBootstrapOptions {
  /** The reference date of every curve (fixed). */
  readonly referenceDate: Date;
  /** Stop when no node moves by more than this in a Newton step; default 1e-12, in (0, 1e-4]. */
  readonly accuracy?: number;
  /** Newton iterations allowed; default 50, integer ≥ 1. */
  readonly maxIterations?: number;
}

interface CurveState {
  readonly kind: CurveKind;
  readonly interpolation: CurveInterpolation;
  readonly dayCounter: DayCounter;
  readonly helpers: readonly RateHelper[];
  /** The curve the helpers read during the solve (never notifies). */
  readonly work: NodeCurve;
  nodes: CurveNodes | null;
}

/**
 * Several yield curves bootstrapped together: every node of every curve solved at once so that
 * every helper reprices — a global (simultaneous) solve for multi-curve setups such as OIS
 * discounting with term forecasting, where the helpers of one curve read another.
 *
 * @remarks
 * The unknowns are the node values of all curves (discount factors, zero rates or forwards at
 * each curve's reference date and helpers' pillars, as {@link PiecewiseYieldCurve} has them), the
 * equations the helpers' quote errors. Newton's method with a forward-difference Jacobian
 * (h_j = 1e-7·max(|x_j|, 0.01)), a dense pivoted solve and a halving line search on ‖r‖₂ runs
 * from flat curves at each curve's average quote until no node moves by more than `accuracy`.
 * With one curve it is QuantLib's `GlobalBootstrap` idea without extra constraints; with several
 * it needs no ordering of the curves, so mutually dependent curves (say a basis helper of the OIS
 * curve reading the term curve) solve as readily as a chain. Helpers see the curves through the
 * handles passed to `spec.helpers` (curves the solve owns, which never notify); the public curves
 * ({@link MultiCurveBootstrap.curve}) observe the bootstrap, which observes every helper, so a
 * quote tick re-solves once, lazily, on the next read of any curve. Each Newton step costs
 * (n + 1) evaluations of all n helpers.
 * Source: QuantLib `ql/termstructures/globalbootstrap.hpp` (a simultaneous solve over all nodes);
 * M. Henrard, Interest Rate Modelling in the Multi-curve Framework (2014), §5 (simultaneous
 * multi-curve calibration); J. Nocedal, S. J. Wright, Numerical Optimization (2006), §11.1
 * (Newton's method for nonlinear equations with a line search).
 * Checked against: `test/termstructures/MultiCurveBootstrap.test.ts` (the iterative
 * PiecewiseYieldCurve for every traits and interpolation, QuantLib 1.29's sequential dual-curve
 * bootstrap, every helper repriced to 1e-12, one solve per tick).
 *
 * @example
 * ```ts
 * import { Date, MultiCurveBootstrap, OISRateHelper, Period, Settings, SwapRateHelper } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const bootstrap = new MultiCurveBootstrap([
 *   { helpers: () => ['1Y', '2Y', '5Y'].map((t, i) => new OISRateHelper([0.029, 0.0295, 0.031][i]!, Period.parse(t))) },
 *   { helpers: ([ois]) => ['2Y', '5Y'].map((t, i) => new SwapRateHelper([0.0325, 0.035][i]!, Period.parse(t), { discountingCurve: ois })) },
 * ], { referenceDate: today });
 * bootstrap.curve(1).discount(Date.fromISO('2030-01-02')); //=> 0.8414317620787292
 * ```
 * @public
 */
export class MultiCurveBootstrap extends LazyObject {
  /** The reference date of every curve. */
  readonly referenceDate: Date;
  /** Node convergence of the Newton iteration. */
  readonly accuracy: number;
  /** Newton iterations allowed. */
  readonly maxIterations: number;
  private readonly states: CurveState[];
  private readonly views: MultiCurveYieldCurve[];

  /**
   * @param specs - the curves, ≥ 1: each spec's helper factory, traits and interpolation (as
   * {@link PiecewiseYieldCurve}'s options) and day counter.
   * @param options - the fixed reference date, accuracy, iterations.
   * @throws InvalidInputError when there is no spec, a factory returns no helper or something
   * other than RateHelpers, the reference date is not a Date, or a traits, interpolation,
   * accuracy or iteration option is out of range. Pillar problems and a failed solve
   * (ConvergenceError) surface on the first read.
   */
  constructor(specs: readonly MultiCurveSpec[], options: MultiCurveBootstrapOptions) {
    super();
    if (!Array.isArray(specs) || specs.length === 0) throw InvalidInputError.outOfRange('specs.length', (specs as unknown[] | undefined)?.length, '[1, ∞)');
    if (!(options?.referenceDate instanceof Date)) throw InvalidInputError.outOfRange('options.referenceDate', options?.referenceDate, 'a quantflow Date');
    this.referenceDate = options.referenceDate;
    this.accuracy = options.accuracy ?? 1e-12;
    if (!(this.accuracy > 0 && this.accuracy <= 1e-4)) throw InvalidInputError.outOfRange('options.accuracy', this.accuracy, '(0, 1e-4]');
    this.maxIterations = options.maxIterations ?? 50;
    checkInteger('options.maxIterations', this.maxIterations, 1);
    const work = specs.map((s) => new NodeCurve(this.referenceDate, s.dayCounter ?? new Actual365Fixed()));
    const handles = work.map((c) => new Handle<YieldTermStructure>(c));
    this.states = specs.map((spec, c) => {
      const { kind, interpolation } = resolveCurveTraits(spec.traits, spec.interpolation, `specs[${c}]`);
      const helpers = spec.helpers(handles);
      if (!Array.isArray(helpers) || helpers.length === 0) throw InvalidInputError.outOfRange(`specs[${c}].helpers().length`, (helpers as unknown[] | undefined)?.length, '[1, ∞)');
      helpers.forEach((h, i) => {
        if (!(h instanceof RateHelper)) throw InvalidInputError.outOfRange(`specs[${c}].helpers()[${i}]`, h, 'a RateHelper');
        this.registerWith(h);
      });
      return { kind, interpolation, dayCounter: work[c]!.dayCounter, helpers: [...helpers], work: work[c]!, nodes: null };
    });
    this.views = this.states.map((s, c) => new MultiCurveYieldCurve(this, c, s.dayCounter));
  }

  /**
   * Curve i of the set, bootstrapped on read.
   * @param i - index into the specs, integer in [0, specs.length).
   * @throws InvalidInputError for another index.
   */
  curve(i: number): YieldTermStructure {
    const view = this.views[i];
    if (!Number.isInteger(i) || view === undefined) throw InvalidInputError.outOfRange('i', i, `integers in [0, ${this.views.length})`);
    return view;
  }

  /** @internal The solved nodes of curve i. */
  nodesOf(i: number): CurveNodes {
    this.calculate();
    return this.states[i]!.nodes as CurveNodes;
  }

  /** The Newton solve (see the class remarks). */
  protected performCalculations(): void {
    for (const s of this.states) s.nodes = null;
    const layout = this.states.map((s) => {
      const { sorted, dates } = sortedPillars(s.helpers, this.referenceDate);
      const times = Float64Array.from(dates, (d) => s.dayCounter.yearFraction(this.referenceDate, d));
      const quotes = sorted.map((h) => h.quoteValue());
      const flat = Math.min(Math.max(quotes.reduce((a, q) => a + q, 0) / quotes.length, -0.05), 0.2);
      return { state: s, helpers: sorted, dates, times, flat, values: new Float64Array(dates.length) };
    });
    const n = layout.reduce((a, l) => a + l.helpers.length, 0);
    const x = new Float64Array(n);
    let o = 0;
    for (const l of layout) {
      for (let i = 1; i < l.dates.length; i++) x[o++] = l.state.kind === 'discount' ? Math.exp(-l.flat * (l.times[i] as number)) : l.flat;
    }
    const residuals = (point: Float64Array, out: Float64Array): void => {
      let k = 0;
      for (const l of layout) {
        const v = l.values;
        for (let i = 1; i < v.length; i++) v[i] = point[k + i - 1] as number;
        v[0] = l.state.kind === 'discount' ? 1 : (v[1] as number);
        l.state.work.minusLogDiscount = buildMinusLogDiscount(l.state.kind, l.state.interpolation, l.times, v);
        k += v.length - 1;
      }
      k = 0;
      for (const l of layout) for (const h of l.helpers) out[k++] = h.quoteError(l.state.work);
    };
    const norm = (r: Float64Array) => Math.hypot(...r);
    const r = new Float64Array(n);
    const trial = new Float64Array(n);
    const rTrial = new Float64Array(n);
    const jacobian = new Float64Array(n * n);
    residuals(x, r);
    for (let iteration = 0; ; iteration++) {
      if (iteration >= this.maxIterations) {
        throw new ConvergenceError(`MultiCurveBootstrap: no convergence in ${this.maxIterations} Newton steps (largest quote error ${Math.max(...r.map(Math.abs))})`, {
          iterations: this.maxIterations, residualNorm: norm(r),
        });
      }
      for (let j = 0; j < n; j++) {
        const h = 1e-7 * Math.max(Math.abs(x[j] as number), 0.01);
        trial.set(x);
        trial[j] = (x[j] as number) + h;
        residuals(trial, rTrial);
        for (let k = 0; k < n; k++) jacobian[k * n + j] = ((rTrial[k] as number) - (r[k] as number)) / h;
      }
      const step = solveLinearSystem(jacobian, r.map((v) => -v));
      if (step === undefined) throw new ConvergenceError('MultiCurveBootstrap: singular Jacobian (two helpers pin the same nodes, or a node no helper reads)', { iteration });
      const r0 = norm(r);
      let t = 1;
      for (;;) {
        for (let j = 0; j < n; j++) trial[j] = (x[j] as number) + t * (step[j] as number);
        residuals(trial, rTrial);
        const rt = norm(rTrial);
        if ((Number.isFinite(rt) && rt <= r0 * (1 - 1e-4 * t)) || t < 1e-6 || r0 === 0) break;
        t *= 0.5;
      }
      let moved = 0;
      for (let j = 0; j < n; j++) moved = Math.max(moved, Math.abs(t * (step[j] as number)));
      x.set(trial);
      r.set(rTrial);
      if (moved <= this.accuracy) break;
    }
    residuals(x, r); // leave the work curves at the solution
    for (const l of layout) {
      const { kind, interpolation } = l.state;
      l.state.nodes = new CurveNodes(l.dates, (d) => l.state.dayCounter.yearFraction(this.referenceDate, d), l.values, (ts, vs) => buildMinusLogDiscount(kind, interpolation, ts, vs));
    }
  }
}

/** A curve of a {@link MultiCurveBootstrap}: reads the bootstrap's nodes; observes it. */
class MultiCurveYieldCurve extends YieldTermStructure {
  constructor(private readonly bootstrap: MultiCurveBootstrap, private readonly index: number, dayCounter: DayCounter) {
    super({ referenceDate: bootstrap.referenceDate, dayCounter });
    this.registerWith(bootstrap);
  }

  override maxDate(): Date {
    return this.bootstrap.nodesOf(this.index).lastDate();
  }

  protected discountImpl(t: number): number {
    return this.bootstrap.nodesOf(this.index).discount(t);
  }
}
