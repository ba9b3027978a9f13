import { InvalidInputError } from '../../src/errors.js';
import { solveLinearSystem } from '../../src/math/optimization/_lib/solveLinearSystem.js';
import { RunningStatistics } from '../montecarlo/RunningStatistics.js';
import { minimumNormSolve } from './_lib/minimumNormSolve.js';
import { lmmRestart, lmmStepLayout, runLmmRestart, type LmmRestart } from './_lib/lmmRestart.js';
import type { LiborMarketModel } from './LiborMarketModel.js';
import { simulateLiborMarketModel, type LmmSimulationOptions } from './simulateLiborMarketModel.js';

/**
 * A co-terminal Bermudan swaption on the tenor structure of a {@link LiborMarketModel}: at each
 * exercise index e (rate time T_e) the holder may enter the swap from T_e to T_end.
 * @public
 */
export interface LmmBermudanSwaptionTerms {
  /** 'payer' (pay fixed) or 'receiver'. */
  readonly type: 'payer' | 'receiver';
  /** Fixed rate K, decimal. */
  readonly strike: number;
  /** Exercise indices into the rate times, increasing, each in [0, end). */
  readonly exerciseIndices: readonly number[];
  /** Index of the swap's last rate time, in (last exercise, N]. */
  readonly end: number;
  /** Accrual periods per fixed period; (end − e) must be a multiple for every exercise e. Default 1. */
  readonly fixedEvery?: number;
}

/**
 * Options of {@link mcLmmBermudanSwaption}: the simulation options of the pricing pass, plus the
 * regression pass.
 * @public
 */
export interface LmmBermudanOptions extends LmmSimulationOptions {
  /** Paths of the regression (calibration) pass, integer ≥ 10; default = `paths`. */
  readonly calibrationPaths?: number;
  /** Seed of the regression pass; default seed + 1 (independent of the pricing pass). */
  readonly calibrationSeed?: number;
  /** Also compute the Andersen–Broadie duality upper bound (see {@link LmmUpperBoundOptions}); default off. */
  readonly upperBound?: LmmUpperBoundOptions;
}

/**
 * Sizes of the Andersen–Broadie upper bound of {@link mcLmmBermudanSwaption}.
 * @public
 */
export interface LmmUpperBoundOptions {
  /** Outer paths, integer ≥ 2 (pairs when `antithetic`); they use the pricing pass's rng, factors, drift. */
  readonly outerPaths: number;
  /** Inner (nested) Philox paths per outer path and exercise date, integer ≥ 1. */
  readonly innerPaths: number;
  /** Seed of the outer paths; default seed + 2. The inner paths use the Philox key seed + 1 of this. */
  readonly seed?: number;
}

/**
 * The Andersen–Broadie duality upper bound, per unit notional in P(0,·) units.
 * @public
 */
export interface LmmUpperBoundResult {
  /** High-biased estimate Û = L̂ + Δ̂ (L̂ the lower bound `value`). */
  readonly value: number;
  /** Its standard error √(se_L² + se_Δ²) (independent passes). */
  readonly errorEstimate: number;
  /** Duality gap Δ̂ = Û − L̂ (mean over outer paths of max_k (Z_k − π_k)), ≥ 0 up to noise. */
  readonly gap: number;
  /** Standard error of the gap. */
  readonly gapError: number;
  /** Andersen–Broadie's point estimate (L̂ + Û)/2. */
  readonly pointEstimate: number;
  /** Their 95 % interval [L̂ − 1.96 se_L, Û + 1.96 √(se_L² + se_Δ²)]. */
  readonly interval: readonly [number, number];
  /** Outer and inner sample counts used. */
  readonly outerPaths: number;
  readonly innerPaths: number;
}

/**
 * Result of {@link mcLmmBermudanSwaption}.
 * @public
 */
export interface LmmBermudanResult {
  /** Low-biased value of the exercise policy found, per unit notional, in P(0,·) units. */
  readonly value: number;
  /** Its standard error. */
  readonly errorEstimate: number;
  /** Value of the first exercise alone (the European swaption), same paths. */
  readonly europeanValue: number;
  /** Regression coefficients per exercise (the last exercise needs none: empty). */
  readonly coefficients: readonly Float64Array[];
  /** The Andersen–Broadie upper bound, when `options.upperBound` is given. */
  readonly upperBound?: LmmUpperBoundResult;
}

const BASIS = 6; // 1, S, S², A, A·S, A²

/**
 * A co-terminal Bermudan swaption by least-squares Monte Carlo in the LIBOR market model.
 *
 * @remarks
 * At each exercise T_e the exercise value is A_e·(S_e − K)⁺ (payer; (K − S_e)⁺ receiver) in T_e
 * money, with S_e and A_e the forward swap rate and fixed annuity of the remaining swap computed
 * from the simulated forwards. The continuation value is regressed (least squares over
 * in-the-money paths, normal equations) on 1, S, S², A, A·S, A² — the swap rate and annuity basis —
 * of a separate calibration pass, backwards from the last exercise; the pricing pass applies the
 * rule on independent paths, so the estimate is low-biased without foresight.
 *
 * With `options.upperBound` the Andersen–Broadie duality upper bound is added: on outer paths, at
 * every exercise date T_k but the last, the policy's continuation value Q_k = E_k[Z_τ(k+1)]
 * (deflated, τ(k+1) the policy's first exercise after k) is estimated by `innerPaths` nested
 * Philox paths restarted from the outer path's forwards and deflator at T_k (the unchanged path
 * kernel on the sub-model of the forwards still alive), the policy deciding exercise on them. With
 * L_k = Z_k where the policy exercises and Q_k where not, the martingale of the lower-bound value
 * process has increments π_{k+1} − π_k = L_{k+1} − Q_k (and L_0 − E[L_0] from time 0), so
 * Δ̂ = mean of max_k (Z_k − L_0 − Σ_{j=0}^{k−1}(L_{j+1} − Q_j)) and Û = L̂ + Δ̂ (duality:
 * V_0 ≤ E[max_k (Z_k − π_k)]). Inner noise biases Δ̂ upwards (the max of noisy estimates); the
 * bias falls as innerPaths grows. The outer pass is independent of the pricing pass (seed + 2).
 * Source: F. A. Longstaff, E. S. Schwartz (2001), Rev. Financial Studies 14(1); L. Andersen,
 * M. Broadie (2004), "Primal-dual simulation algorithm for pricing multidimensional American
 * options", Management Science 50(9), 1222–1234 (eq. for Δ and the interval, §2–3); P. Glasserman
 * (2004), "Monte Carlo Methods in Financial Engineering", §8.6; the swap-rate/annuity basis as in
 * M. Joshi (2003), "The Concepts and Practice of Mathematical Finance", §18.7 (LS for Bermudan
 * swaptions in the market model).
 * Checked against: one exercise = the European swaption (MC and Rebonato's formula), the
 * Bermudan ≥ every co-terminal European, and a Hull–White tree on the equivalent Gaussian model
 * where available; the upper bound: = the lower bound with one exercise date, ≥ it within errors,
 * the gap falling with more inner paths and a better policy, under 2 bp of notional with a good one
 * (test/engines/lmm/mcLmmBermudanSwaption.test.ts); inner restarts reproduce full paths bit for bit
 * (test/engines/lmm/lmmRestart.test.ts).
 *
 * @param model - the LIBOR market model.
 * @param terms - the swaption (see {@link LmmBermudanSwaptionTerms}).
 * @param options - simulation options of both passes.
 * @returns value, standard error, the first-exercise European value, the regression coefficients
 * and, when asked, the upper bound (value, error, gap, AB point estimate and 95 % interval).
 * @throws InvalidInputError for exercise indices out of order or range, a fixed period not dividing a
 * remaining swap, a non-finite strike, too few calibration paths, or upper-bound sizes / seed out
 * of range (outerPaths < 2, innerPaths < 1).
 * @public
 */
export function mcLmmBermudanSwaption(model: LiborMarketModel, terms: LmmBermudanSwaptionTerms, options: LmmBermudanOptions): LmmBermudanResult {
  const n = model.size;
  const ex = terms.exerciseIndices;
  const fixedEvery = terms.fixedEvery ?? 1;
  const omega = terms.type === 'payer' ? 1 : -1;
  if (!Number.isFinite(terms.strike)) throw InvalidInputError.outOfRange('terms.strike', terms.strike, 'finite numbers');
  if (!Number.isInteger(terms.end) || terms.end > n) throw InvalidInputError.outOfRange('terms.end', terms.end, `integers in (last exercise, ${n}]`);
  if (ex.length < 1) throw InvalidInputError.outOfRange('terms.exerciseIndices.length', 0, '[1, ∞)');
  ex.forEach((e, k) => {
    const prev = k === 0 ? -1 : (ex[k - 1] as number);
    if (!Number.isInteger(e) || e <= prev || e >= terms.end) throw InvalidInputError.outOfRange(`terms.exerciseIndices[${k}]`, e, `integers in (${prev}, ${terms.end}) (increasing, before end)`);
    if ((terms.end - e) % fixedEvery !== 0) throw InvalidInputError.outOfRange('terms.fixedEvery', fixedEvery, `divisors of ${terms.end - e} (end − exerciseIndices[${k}])`);
  });
  const calibrationPaths = options.calibrationPaths ?? options.paths;
  if (!Number.isInteger(calibrationPaths) || calibrationPaths < 10) throw InvalidInputError.outOfRange('options.calibrationPaths', calibrationPaths, 'integers in [10, ∞)');
  const upperBoundOptions = options.upperBound;
  const outerSeed = upperBoundOptions?.seed ?? (options.seed ?? 42) + 2;
  if (upperBoundOptions !== undefined) {
    const { outerPaths, innerPaths } = upperBoundOptions;
    if (!Number.isInteger(outerPaths) || outerPaths < 2) throw InvalidInputError.outOfRange('options.upperBound.outerPaths', outerPaths, 'integers in [2, ∞)');
    if (!Number.isInteger(innerPaths) || innerPaths < 1) throw InvalidInputError.outOfRange('options.upperBound.innerPaths', innerPaths, 'integers in [1, ∞)');
    if (!Number.isInteger(outerSeed) || outerSeed < 0 || outerSeed + 1 >= 2 ** 53) throw InvalidInputError.outOfRange('options.upperBound.seed', outerSeed, 'integers in [0, 2^53 − 1)');
  }

  /** S_e, A_e (in T_e money) at exercise index e, forward l at fw[base + l]. */
  const features = (fw: Float64Array, base: number, e: number): { S: number; A: number } => {
    let bond = 1;
    let annuity = 0;
    let floating = 0;
    for (let l = e; l < terms.end; l++) {
      const L = fw[base + l] as number;
      bond /= 1 + (model.accruals[l] as number) * L;
      floating += (model.accruals[l] as number) * L * bond;
      if ((l + 1 - e) % fixedEvery === 0) annuity += ((model.rateTimes[l + 1] as number) - (model.rateTimes[l + 1 - fixedEvery] as number)) * bond;
    }
    return { S: floating / annuity, A: annuity };
  };
  const basis = (S: number, A: number, out: Float64Array): void => {
    out[0] = 1;
    out[1] = S;
    out[2] = S * S;
    out[3] = A;
    out[4] = A * S;
    out[5] = A * A;
  };

  // Regression pass: store S, A, D per exercise per path.
  const K = ex.length;
  const Ss = new Float64Array(calibrationPaths * K);
  const As = new Float64Array(calibrationPaths * K);
  const Ds = new Float64Array(calibrationPaths * K);
  let row = 0;
  const calibrationSim: LmmSimulationOptions = { ...options, paths: calibrationPaths, seed: options.calibrationSeed ?? (options.seed ?? 42) + 1, antithetic: false };
  simulateLiborMarketModel(model, calibrationSim, (p) => {
    for (let k = 0; k < K; k++) {
      const e = ex[k] as number;
      const { S, A } = features(p.forwards, e * n, e);
      Ss[row * K + k] = S;
      As[row * K + k] = A;
      Ds[row * K + k] = p.deflators[e] as number;
    }
    row++;
    return 0;
  });
  // Backward induction: cash[path] = deflated value of the policy from exercise k on.
  const cash = new Float64Array(calibrationPaths);
  for (let j = 0; j < calibrationPaths; j++) {
    const k = K - 1;
    cash[j] = Math.max(omega * ((Ss[j * K + k] as number) - terms.strike), 0) * (As[j * K + k] as number) * (Ds[j * K + k] as number);
  }
  const coefficients: Float64Array[] = new Array(K);
  coefficients[K - 1] = new Float64Array(0);
  const phi = new Float64Array(BASIS);
  for (let k = K - 2; k >= 0; k--) {
    const ata = new Float64Array(BASIS * BASIS);
    const atb = new Float64Array(BASIS);
    let itm = 0;
    for (let j = 0; j < calibrationPaths; j++) {
      const S = Ss[j * K + k] as number;
      if (!(omega * (S - terms.strike) > 0)) continue;
      itm++;
      basis(S, As[j * K + k] as number, phi);
      const y = (cash[j] as number) / (Ds[j * K + k] as number);
      for (let a = 0; a < BASIS; a++) {
        atb[a] = (atb[a] as number) + (phi[a] as number) * y;
        for (let b = 0; b < BASIS; b++) ata[a * BASIS + b] = (ata[a * BASIS + b] as number) + (phi[a] as number) * (phi[b] as number);
      }
    }
    // Elimination first (unchanged results where it works); where it finds the system singular
    // (one factor: S and A move together), the minimum-norm least-squares fit instead.
    const beta = itm > BASIS ? solveLinearSystem(ata, atb) ?? minimumNormSolve(ata, atb, BASIS) : undefined;
    coefficients[k] = beta ?? new Float64Array(0);
    if (beta === undefined) continue; // never exercised here
    for (let j = 0; j < calibrationPaths; j++) {
      const S = Ss[j * K + k] as number;
      const A = As[j * K + k] as number;
      const exercise = Math.max(omega * (S - terms.strike), 0) * A;
      if (!(exercise > 0)) continue;
      basis(S, A, phi);
      let cont = 0;
      for (let a = 0; a < BASIS; a++) cont += (beta[a] as number) * (phi[a] as number);
      if (exercise > cont) cash[j] = exercise * (Ds[j * K + k] as number);
    }
  }

  /** The policy: exercise at k (exercise value x > 0) when x beats the regressed continuation. */
  const exercises = (k: number, S: number, A: number, x: number): boolean => {
    if (!(x > 0)) return false;
    if (k === K - 1) return true;
    const beta = coefficients[k] as Float64Array;
    if (beta.length === 0) return false;
    basis(S, A, phi);
    let cont = 0;
    for (let a = 0; a < BASIS; a++) cont += (beta[a] as number) * (phi[a] as number);
    return x > cont;
  };

  // Pricing pass on independent paths.
  const european = new RunningStatistics();
  let pairHalf: number | undefined;
  const pricing = simulateLiborMarketModel(model, options, (p) => {
    let value = 0;
    for (let k = 0; k < K; k++) {
      const e = ex[k] as number;
      const { S, A } = features(p.forwards, e * n, e);
      const exercise = Math.max(omega * (S - terms.strike), 0) * A;
      if (k === 0) {
        const v = exercise * (p.deflators[e] as number);
        if (options.antithetic) {
          if (pairHalf === undefined) pairHalf = v;
          else {
            european.add(0.5 * (v + pairHalf));
            pairHalf = undefined;
          }
        } else european.add(v);
      }
      if (exercises(k, S, A, exercise)) {
        value = exercise * (p.deflators[e] as number);
        break;
      }
    }
    return value;
  });
  const result = { value: pricing.value, errorEstimate: pricing.errorEstimate, europeanValue: european.mean(), coefficients };
  if (options.upperBound === undefined) return result;

  // Andersen–Broadie: outer paths; on each, the policy's continuation values Q_k by inner paths
  // restarted from the state at every exercise date but the last.
  const ub = options.upperBound;
  const innerSeed = outerSeed + 1;
  const inner = ub.innerPaths;
  const pc = (options.drift ?? 'predictorCorrector') === 'predictorCorrector';
  const last = ex[K - 1] as number;
  const layout = K > 1 ? lmmStepLayout(model, options.factors ?? n) : undefined;
  const restarts: LmmRestart[] = [];
  const innerForwards: Float64Array[] = [];
  const innerDeflators: Float64Array[] = [];
  for (let k = 0; k < K - 1 && layout !== undefined; k++) {
    const r = lmmRestart(model, layout, ex[k] as number, last);
    restarts.push(r);
    innerForwards.push(new Float64Array(inner * r.steps * r.size));
    innerDeflators.push(new Float64Array(inner * (r.size + 1)));
  }
  const Z = new Float64Array(K);
  const lower = new Float64Array(K); // L_k: the policy's value process (deflated)
  const Q = new Float64Array(K); // Q_k = E_k[L_{k+1}] by inner paths
  let outerIndex = 0;
  const dual = simulateLiborMarketModel(model, { ...options, paths: ub.outerPaths, seed: outerSeed }, (p) => {
    for (let k = 0; k < K; k++) {
      const e = ex[k] as number;
      const { S, A } = features(p.forwards, e * n, e);
      const exercise = Math.max(omega * (S - terms.strike), 0) * A;
      Z[k] = exercise * (p.deflators[e] as number);
      if (k < K - 1) {
        const r = restarts[k] as LmmRestart;
        const fw = innerForwards[k] as Float64Array;
        const df = innerDeflators[k] as Float64Array;
        runLmmRestart(r, model, p.forwards.subarray(e * n, (e + 1) * n), p.deflators[r.shift] as number,
          { samples: inner, firstPath: (outerIndex * (K - 1) + k) * inner, seed: innerSeed, predictorCorrector: pc, ...(options.backend === undefined ? {} : { backend: options.backend }) },
          { forwards: fw, deflators: df });
        let sum = 0;
        for (let i = 0; i < inner; i++) {
          for (let j = k + 1; j < K; j++) {
            const ej = ex[j] as number;
            const ij = features(fw, i * r.steps * r.size + (ej - e - 1) * r.size - r.shift, ej);
            const xj = Math.max(omega * (ij.S - terms.strike), 0) * ij.A;
            if (exercises(j, ij.S, ij.A, xj)) {
              sum += xj * (df[i * (r.size + 1) + ej - r.shift] as number);
              break;
            }
          }
        }
        Q[k] = sum / inner;
        lower[k] = exercises(k, S, A, exercise) ? (Z[k] as number) : (Q[k] as number);
      } else lower[k] = Z[k] as number;
    }
    outerIndex++;
    // π_k − π_0 = Σ_{j<k} (L_{j+1} − Q_j); the time-0 martingale adds L_0 − E[L_0], so
    // max_k (Z_k − π_k) = L̂ + max_k (Z_k − L_0 − Σ_{j<k} (L_{j+1} − Q_j)).
    let pi = lower[0] as number;
    let best = (Z[0] as number) - pi;
    for (let k = 1; k < K; k++) {
      pi += (lower[k] as number) - (Q[k - 1] as number);
      best = Math.max(best, (Z[k] as number) - pi);
    }
    return best;
  });
  const se = Math.hypot(result.errorEstimate, dual.errorEstimate);
  const upper = result.value + dual.value;
  return {
    ...result,
    upperBound: {
      value: upper, errorEstimate: se, gap: dual.value, gapError: dual.errorEstimate, pointEstimate: 0.5 * (result.value + upper),
      interval: [result.value - 1.96 * result.errorEstimate, upper + 1.96 * se], outerPaths: dual.samples, innerPaths: inner,
    },
  };
}
