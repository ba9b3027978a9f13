// Mid-path restarts of the LMM path kernel, for nested (inner) simulations: the forwards still
// alive at a rate time T_e form a smaller market model of their own, so the unchanged kernel runs
// from an outer path's state when given the tail of the step data with the first-alive indices
// shifted, the tail accruals, the state as initial forwards and the deflator reached as P(0, T_0).
import type { BatchBackend } from '../../../src/kernels/black.js';
import { mcLmmPathsRun } from '../../../src/kernels/lmm.js';
import type { LiborMarketModel } from '../LiborMarketModel.js';
import { reduceFactors } from '../reduceFactors.js';

/** The kernel's step data of a model (the layout of simulateLiborMarketModel), with each step's place. @internal */
export interface LmmStepLayout {
  /** Steps: N for term rates, N + 1 for backward-looking rates (step m ends at T_m). */
  readonly steps: number;
  /** Per step m: k_m, f_m, fixing flag, C, B (see src/kernels/lmm.ts). */
  readonly stepData: Float64Array;
  /** Offset of step m's record in stepData; offsets[steps] = stepData.length. */
  readonly offsets: readonly number[];
  /** Factors k_m per step. */
  readonly factors: readonly number[];
  /** First alive forward f_m per step. */
  readonly firsts: readonly number[];
  /** Share of the total variance kept by the factors, smallest over the steps. */
  readonly varianceKept: number;
}

/**
 * Builds the kernel's step data of a model with `factors` factors: per step m (ending at T_m) the
 * exact integrated covariance C of the alive forwards and its principal-component root B with the
 * diagonal kept. simulateLiborMarketModel runs on it, and so restarted paths follow the outer
 * paths' dynamics.
 * @internal
 */
export function lmmStepLayout(model: LiborMarketModel, factors: number): LmmStepLayout {
  const n = model.size;
  const backward = model.rateType === 'backwardLooking';
  const steps = backward ? n + 1 : n;
  const parts: Float64Array[] = [];
  const ks: number[] = [];
  const firsts: number[] = [];
  const offsets: number[] = [];
  let varianceKept = 1;
  let len = 0;
  for (let m = 0; m < steps; m++) {
    const t1 = m === 0 ? 0 : (model.rateTimes[m - 1] as number);
    const t2 = model.rateTimes[m] as number;
    const f = backward ? Math.max(m - 1, 0) : m;
    const alive = n - f;
    const c = new Float64Array(alive * alive);
    for (let i = 0; i < alive; i++) for (let j = 0; j <= i; j++) c[i * alive + j] = c[j * alive + i] = model.integratedCovariance(f + i, f + j, t1, t2);
    const k = Math.min(factors, alive);
    const r = reduceFactors(c, alive, k, 'diagonal');
    varianceKept = Math.min(varianceKept, r.varianceKept);
    const root = r.pseudoRoot;
    const rec = new Float64Array(3 + c.length + root.length);
    rec[0] = k;
    rec[1] = f;
    rec[2] = backward && m === 0 ? 0 : 1;
    rec.set(c, 3);
    rec.set(root, 3 + c.length);
    parts.push(rec);
    ks.push(k);
    firsts.push(f);
    offsets.push(len);
    len += rec.length;
  }
  offsets.push(len);
  const stepData = new Float64Array(len);
  parts.forEach((p, m) => stepData.set(p, offsets[m] as number));
  return { steps, stepData, offsets, factors: ks, firsts, varianceKept };
}

/** A restart from rate time T_e over the steps e + 1 … last, and where its outputs sit. @internal */
export interface LmmRestart {
  /** First forward still alive on step e + 1 (s = e + 1 for term rates, e for backward-looking). */
  readonly shift: number;
  /** Forwards of the sub-model, n − shift. */
  readonly size: number;
  /** Steps simulated, last − e (sub-step r is the original step e + 1 + r, ending at T_{e+1+r}). */
  readonly steps: number;
  /** Normals per path. */
  readonly dims: number;
  /** Tail of the step data with f_m − shift. */
  readonly stepData: Float64Array;
  /** τ_shift … τ_{n−1}. */
  readonly accruals: Float64Array;
}

/**
 * The restart of the kernel at T_e running the original steps e + 1 … last (last < steps).
 * Inner path outputs: forwards[r·size + (l − shift)] = L_l(T_{e+1+r}), deflators[j − shift] = D_j.
 * @internal
 */
export function lmmRestart(model: LiborMarketModel, layout: LmmStepLayout, e: number, last: number): LmmRestart {
  const shift = layout.firsts[e + 1] as number;
  const from = layout.offsets[e + 1] as number;
  const to = layout.offsets[last + 1] as number;
  const stepData = layout.stepData.slice(from, to);
  let dims = 0;
  for (let m = e + 1; m <= last; m++) {
    stepData[(layout.offsets[m] as number) - from + 1] = (layout.firsts[m] as number) - shift;
    dims += layout.factors[m] as number;
  }
  return { shift, size: model.size - shift, steps: last - e, dims, stepData, accruals: model.accruals.slice(shift) };
}

/**
 * Runs `samples` inner paths of a restart from one outer state: `state` = the n forwards at T_e
 * (an outer path's row e), `deflator` = D_shift of that path. Philox streams firstPath … under
 * the 64-bit key `seed`, or the supplied `normals` (samples × dims).
 * @internal
 */
export function runLmmRestart(
  restart: LmmRestart,
  model: LiborMarketModel,
  state: Float64Array,
  deflator: number,
  sim: { samples: number; firstPath: number; seed: number; predictorCorrector: boolean; normals?: Float64Array; backend?: BatchBackend },
  out: { forwards: Float64Array; deflators: Float64Array },
): void {
  mcLmmPathsRun(
    {
      samples: sim.samples, firstPath: sim.firstPath, key0: sim.seed >>> 0, key1: Math.floor(sim.seed / 2 ** 32) >>> 0, size: restart.size, steps: restart.steps,
      dims: restart.dims, antithetic: false, predictorCorrector: sim.predictorCorrector, displacement: model.displacement, firstDiscount: deflator,
      stepData: restart.stepData, accruals: restart.accruals, initialForwards: state.subarray(restart.shift, model.size),
      ...(sim.normals === undefined ? {} : { normals: sim.normals }),
    },
    out,
    sim.backend,
  );
}
