import { InvalidInputError, ConvergenceError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { mcGbmRun } from '../../src/kernels/montecarlo.js';
import type { GbmKernelInputs } from '../../src/kernels/montecarlo.reference.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import type { AmericanExercise } from '../../instruments/exercises/AmericanExercise.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { BrownianBridge } from '../montecarlo/BrownianBridge.js';
import { LongstaffSchwartz } from '../montecarlo/LongstaffSchwartz.js';
import type { McEngineOptions } from '../montecarlo/McEngineOptions.js';
import { MersenneTwister } from '../montecarlo/MersenneTwister.js';
import { SobolSequence } from '../montecarlo/SobolSequence.js';
import { gbmGrid, uniformTimes } from '../montecarlo/_lib/gbmGrid.js';
import { estimate } from '../montecarlo/_lib/gbmMonteCarlo.js';
import { BlackCalculator } from './BlackCalculator.js';
import { resolveMcOptions, type ResolvedMcOptions } from '../montecarlo/_lib/resolveMcOptions.js';

/**
 * Options of {@link McAmericanEngine}: the common Monte Carlo options plus the Longstaff–Schwartz
 * settings.
 * @public
 */
export interface McAmericanEngineOptions extends McEngineOptions {
  /** Paths used to fit the exercise rule (independent of the pricing paths); integer in [16, 2^24]. Default 8192. */
  readonly calibrationSamples?: number;
  /** Polynomial degree of the regression basis in S/K; integer in [1, 6]. Default 3. */
  readonly basisOrder?: number;
  /** Use the European option (same paths, exercised at expiry) as control variate; default true. */
  readonly controlVariate?: boolean;
}

/** Philox streams of the calibration paths start here, far from the pricing streams. */
const CALIBRATION_STREAM = 2 ** 40;
const CHUNK = 4096;

/**
 * Monte Carlo pricing of American and Bermudan vanilla options under Black–Scholes–Merton by
 * Longstaff–Schwartz least-squares regression.
 *
 * @remarks
 * Exercise is allowed at the `timeSteps` grid times t_j = jT/n (default n = max(1, ⌈50·T⌉)),
 * i.e. a Bermudan approximation of the American option from below, plus immediate exercise
 * today (value = max(intrinsic, estimate)). A Bermudan option is simulated exactly on its own
 * future exercise dates (`timeSteps` is ignored), with immediate exercise only if a date is today. The exercise rule is fitted on
 * `calibrationSamples` separate paths (see {@link LongstaffSchwartz}) and applied to the pricing
 * paths (never exercising where the European value to expiry exceeds the exercise value), so
 * the estimate is low-biased (sub-optimal rule and discrete exercise) with an honest
 * standard error. By default the European option on the same paths (paid at expiry, exact mean
 * by Black–Scholes) is a control variate (β = Cov/Var from the samples). Paths are simulated exactly on the grid in the WebAssembly kernel and stored
 * per chunk of 4096 samples (the regression needs whole paths). With `rng: 'sobol'` the pricing
 * paths are randomised QMC — `sobolReplications` digitally shifted copies of the Sobol points
 * (Brownian bridge by default), the error estimate being the spread of the copies' means, as in
 * the other Monte Carlo engines — while the exercise rule is fitted on Philox paths (the
 * regression wants independent samples, and its error only moves the low bias).
 * Additional results: `samples`, `timeSteps`, `calibrationSamples`.
 * Observes: the process.
 * Source: F. A. Longstaff, E. S. Schwartz (2001), Rev. Financial Studies 14(1); QuantLib
 * `MCAmericanEngine`.
 * Checked against: QuantLib 1.29 `american` cases (QdFp high-precision value) within
 * 3 standard errors + 0.04 (stated low bias of 50 exercise dates and a cubic rule), and ≥ the
 * European value; Bermudans against FdBlackScholesVanillaEngine (test/engines/blackscholes/McAmericanEngine.test.ts).
 *
 * @public
 */
export class McAmericanEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly options: ResolvedMcOptions;
  private readonly calibrationSamples: number;
  private readonly basisOrder: number;
  private readonly controlVariate: boolean;

  /**
   * @param process - the Black–Scholes–Merton process.
   * @param options - samples or requiredTolerance, seed, rng, antithetic, brownianBridge, timeSteps, calibrationSamples, basisOrder.
   * @throws InvalidInputError when an option is out of range (named).
   */
  constructor(readonly process: GeneralizedBlackScholesProcess, options: McAmericanEngineOptions = {}) {
    super();
    this.options = resolveMcOptions(options);
    const cal = options.calibrationSamples ?? 8192;
    if (!Number.isInteger(cal) || cal < 16 || cal > 2 ** 24) throw InvalidInputError.outOfRange('options.calibrationSamples', cal, 'integers in [16, 2^24]');
    const order = options.basisOrder ?? 3;
    if (!Number.isInteger(order) || order < 1 || order > 6) throw InvalidInputError.outOfRange('options.basisOrder', order, 'integers in [1, 6]');
    if (options.controlVariate !== undefined && typeof options.controlVariate !== 'boolean') {
      throw InvalidInputError.outOfRange('options.controlVariate', options.controlVariate, '{true, false}');
    }
    this.controlVariate = options.controlVariate ?? true;
    this.calibrationSamples = cal;
    this.basisOrder = order;
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not American or Bermudan, an American one's
   * earliest date is after the evaluation date, the payoff is not plain vanilla or the spot is not positive.
   * @throws ConvergenceError when `requiredTolerance` is not reached within `maxSamples`.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const type = args.exercise.type;
    if (type !== ExerciseType.American && type !== ExerciseType.Bermudan) {
      throw InvalidInputError.outOfRange('exercise.type', type, '{American, Bermudan}');
    }
    if (!(args.payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
    const p = this.process;
    const vol = p.blackVolatility.currentLink();
    const ex = args.exercise;
    if (type === ExerciseType.American && vol.timeFromReference((ex as AmericanExercise).earliestDate) > 0) {
      const earliest = (ex as AmericanExercise).earliestDate;
      throw InvalidInputError.outOfRange('exercise.earliestDate', earliest.toISOString(), '(−∞, evaluation date]: exercise must be allowed from today');
    }
    const spot = p.spot();
    const K = args.payoff.strike;
    const w = args.payoff.optionType;
    const exercisableNow = type === ExerciseType.American || ex.dates().some((d) => vol.timeFromReference(d) === 0);
    const intrinsic = exercisableNow ? Math.max(w * (spot - K), 0) : 0;
    const T = vol.timeFromReference(ex.lastDate());
    if (!(T > 0)) return { value: Math.max(w * (spot - K), 0), errorEstimate: 0, greeks: {}, additionalResults: { samples: 0, timeSteps: 0 } };
    const o = this.options;
    // American: a uniform grid (a Bermudan approximation from below); Bermudan: its own future dates.
    const times =
      type === ExerciseType.American
        ? uniformTimes(T, o.timeSteps ?? Math.max(1, Math.ceil(50 * T)))
        : Float64Array.from(ex.dates().map((d) => vol.timeFromReference(d)).filter((t) => t > 0));
    const n = times.length;
    const grid = gbmGrid(p, times, K);
    const params = new Float64Array(11);
    params[0] = Math.log(spot);
    const bridge = o.brownianBridge ? new BrownianBridge(times).packed : undefined;
    const passes = o.antithetic ? 2 : 1;
    const mt = o.rng === 'mt19937' ? new MersenneTwister(o.seed) : undefined;
    /** Paths of `samples` samples: Philox from path `first` on, or from the given uniforms (samples × n). */
    const simulate = (samples: number, first: number, uniforms = mt?.fillUniforms(new Float64Array(samples * n))): Float64Array => {
      const paths = new Float64Array(samples * n * passes);
      const inp: GbmKernelInputs = {
        kind: 3, samples, firstPath: first, key0: o.seed, key1: 0, steps: n, antithetic: o.antithetic,
        uniforms, bridge, stepData: grid.stepData, params,
      };
      mcGbmRun(inp, new Float64Array(5), paths, o.backend);
      return paths;
    };
    // The European value to expiry bounds the continuation value from below.
    const G = grid.growths, V = grid.variances, D = grid.stepData.subarray(3 * n, 4 * n);
    const europeanFrom = (j: number, s: number) =>
      new BlackCalculator(w, K, s * Math.exp(G[n - 1]! - G[j]!), Math.sqrt(Math.max(V[n - 1]! - V[j]!, 0)), D[n - 1]! / D[j]!).value();
    const lsm = new LongstaffSchwartz({ strike: K, optionType: w, discounts: D, basisOrder: this.basisOrder, continuationLowerBound: europeanFrom });
    lsm.calibrate(simulate(this.calibrationSamples, CALIBRATION_STREAM), this.calibrationSamples * passes);
    const payDisc = grid.stepData[4 * n - 1]!;
    const controlMean = new BlackCalculator(w, K, spot * Math.exp(grid.growths[n - 1]!), Math.sqrt(grid.variances[n - 1]!), payDisc).value();
    const control = this.controlVariate ? controlMean : undefined;
    /** Adds k samples' (exercise value, European control) sums of `paths` into acc. */
    const accumulate = (paths: Float64Array, k: number, acc: Float64Array) => {
      const v = lsm.pathValues(paths, k * passes);
      for (let i = 0; i < k; i++) {
        let y = 0, c = 0;
        for (let a = 0; a < passes; a++) {
          y += v[i * passes + a]!;
          c += payDisc * Math.max(w * (paths[(i * passes + a) * n + n - 1]! - K), 0);
        }
        y /= passes;
        c /= passes;
        acc[0] += y; acc[1] += y * y; acc[2] += c; acc[3] += c * c; acc[4] += y * c;
      }
    };
    // Pseudo-random: one accumulator. Sobol: one per digitally shifted copy, `done` samples each.
    const sobol = o.rng === 'sobol';
    const seqs = sobol ? Array.from({ length: o.sobolReplications }, (_, r) => new SobolSequence(n, { scrambleSeed: o.seed, replicate: r })) : [];
    const accs = sobol ? seqs.map(() => new Float64Array(5)) : [new Float64Array(5)];
    let done = 0;
    const run = (m: number) => {
      for (let s = 0; s < m; s += CHUNK) {
        const k = Math.min(CHUNK, m - s);
        if (!sobol) accumulate(simulate(k, done + s), k, accs[0]!);
        for (let r = 0; r < seqs.length; r++) {
          const u = new Float64Array(k * n);
          for (let i = 0; i < k; i++) seqs[r]!.nextPoint(u, i * n);
          accumulate(simulate(k, 0, u), k, accs[r]!);
        }
      }
      done += m;
    };
    const est = () => {
      if (!sobol) {
        const e = estimate(accs[0]!, done, control);
        return { mean: e.value, se: e.errorEstimate };
      }
      const R = accs.length;
      const pooled = new Float64Array(5);
      for (const a of accs) for (let i = 0; i < 5; i++) pooled[i] = pooled[i]! + a[i]!;
      const beta = control === undefined ? 0 : estimate(pooled, done * R, control).beta;
      const means = accs.map((a) => estimate(a, done, control, beta).value);
      const mean = means.reduce((t, x) => t + x, 0) / R;
      return { mean, se: Math.sqrt(means.reduce((t, x) => t + (x - mean) ** 2, 0) / (R - 1) / R) };
    };
    const perReplication = (samples: number) => (sobol ? Math.max(2, Math.ceil(samples / seqs.length)) : samples);
    const total = () => done * accs.length;
    if (o.samples !== undefined) {
      run(perReplication(o.samples));
    } else {
      run(perReplication(Math.min(1024, o.maxSamples)));
      for (let e = est(); e.se > o.requiredTolerance!; e = est()) {
        const cap = Math.floor(o.maxSamples / accs.length);
        if (done >= cap) {
          throw new ConvergenceError(`Monte Carlo error estimate ${e.se} above requiredTolerance ${o.requiredTolerance} after maxSamples = ${total()} samples`, {
            argument: 'options.requiredTolerance', value: o.requiredTolerance, errorEstimate: e.se, samples: total(),
          });
        }
        run(Math.min(Math.max(Math.ceil(done * (e.se / o.requiredTolerance!) ** 2 * 1.05), done + 1), cap) - done);
      }
    }
    const e = est();
    const value = Math.max(e.mean, intrinsic);
    return {
      value,
      errorEstimate: value === e.mean ? e.se : 0,
      greeks: {},
      additionalResults: { samples: total(), timeSteps: n, calibrationSamples: this.calibrationSamples },
    };
  }
}
