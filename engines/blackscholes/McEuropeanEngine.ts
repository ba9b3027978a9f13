import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import type { McEngineOptions } from '../montecarlo/McEngineOptions.js';
import { gbmGrid, uniformTimes } from '../montecarlo/_lib/gbmGrid.js';
import { gbmMonteCarlo } from '../montecarlo/_lib/gbmMonteCarlo.js';
import { resolveMcOptions, type ResolvedMcOptions } from '../montecarlo/_lib/resolveMcOptions.js';

/**
 * Monte Carlo pricing of European vanilla options under Black–Scholes–Merton, with an error
 * estimate.
 *
 * @remarks
 * ln S evolves exactly over each step: ln S_{j} = ln S_{j−1} + ln(D_q(t_j)D_r(t_{j−1})/(D_q(t_{j−1})D_r(t_j)))
 * − ½Δw_j + √Δw_j·Z_j, Δw_j the increment of the Black variance at the strike, so one step
 * (the default) is exact for a terminal payoff. Value = D_r(T)·mean(max(ω(S_T − K), 0));
 * `errorEstimate` = the standard error (randomised QMC with `'sobol'`: the spread of the
 * shifted replicates). Path generation and payoff run fused in the WebAssembly kernel.
 * Options: see {@link McEngineOptions}; `timeSteps` default 1.
 * Additional results: `samples`, `timeSteps`.
 * Observes: the process.
 * Source: P. Glasserman (2004), Monte Carlo Methods in Financial Engineering, §3.2.1 and §4.1–4.2
 * (antithetic); QuantLib `ql/pricingengines/vanilla/mceuropeanengine.hpp`.
 * Checked against: AnalyticEuropeanEngine within 3–4 standard errors over a grid; the error
 * estimate covering the analytic value in ≥ 95 % of 200 seeds; N^−1/2 convergence
 * (test/engines/blackscholes/McEuropeanEngine.test.ts).
 *
 * @public
 */
export class McEuropeanEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly options: ResolvedMcOptions;

  /**
   * @param process - the Black–Scholes–Merton process.
   * @param options - samples or requiredTolerance, seed, rng, antithetic, brownianBridge, timeSteps.
   * @throws InvalidInputError when an option is out of range (named).
   */
  constructor(readonly process: GeneralizedBlackScholesProcess, options: McEngineOptions = {}) {
    super();
    this.options = resolveMcOptions(options);
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the payoff is not plain vanilla or the spot is not positive.
   * @throws ConvergenceError when `requiredTolerance` is not reached within `maxSamples`.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    if (args.exercise.type !== ExerciseType.European) throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
    if (!(args.payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
    const K = args.payoff.strike;
    const omega = args.payoff.optionType;
    const p = this.process;
    const T = p.blackVolatility.currentLink().timeFromReference(args.exercise.lastDate());
    const spot = p.spot();
    if (!(T > 0)) return { value: Math.max(omega * (spot - K), 0), errorEstimate: 0, greeks: {}, additionalResults: { samples: 0, timeSteps: 0 } };
    const steps = this.options.timeSteps ?? 1;
    const times = uniformTimes(T, steps);
    const grid = gbmGrid(p, times, K);
    const params = new Float64Array(11);
    params[0] = Math.log(spot);
    params[1] = K;
    params[2] = omega;
    params[10] = grid.stepData[3 * steps + steps - 1]!;
    const e = gbmMonteCarlo({ kind: 0, times, stepData: grid.stepData, params }, this.options);
    return { value: e.value, errorEstimate: e.errorEstimate, greeks: {}, additionalResults: { samples: e.samples, timeSteps: steps } };
  }
}
