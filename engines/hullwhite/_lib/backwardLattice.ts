// Internal: what the Hull–White tree and FD engines share — a grid of times and a one-step
// backward operator — and the two products rolled back on it (Bermudan swaption, callable bond).
import { InvalidInputError } from '../../../src/errors.js';
import { gridIndexOf } from '../../../src/math/lattices/timeGridWithMandatoryTimes.js';

/** A backward-induction scheme on the Hull–White state x: a tree or an FD grid. */
export interface BackwardLattice {
  /** Grid times t_0 = 0 < … < t_N, years; every flow and exercise time is one of them. */
  readonly times: Float64Array;
  /** Number of nodes at t_i. */
  size(i: number): number;
  /**
   * Values at t_i (into `out`) from values at t_{i+1} (`next`), discounted over the step.
   * `damped` asks for a smoothing step (FD: Rannacher's implicit half steps after a kink); a
   * tree ignores it.
   */
  stepBack(i: number, next: Float64Array, out: Float64Array, damped: boolean): void;
  /** The value today from the values at t_0 (FD: interpolated at x = 0); default `values[0]`. */
  rootValue?(values: Float64Array): number;
  /**
   * The model's closed-form zero bond P(t_i, T | node) on every node at t_i, T ≥ t_i, when the
   * scheme's state is the model's own x (FD). A swaption's exercise value then uses it instead of
   * the rolled-back swap.
   */
  zeroBond?(i: number, T: number, out: Float64Array): void;
}

function root(lattice: BackwardLattice, values: Float64Array): number {
  return lattice.rootValue === undefined ? (values[0] as number) : lattice.rootValue(values);
}

/**
 * A deterministic amount paid at `time`, part of the exercise at t_k when `entitlementTime ≥ t_k`
 * (a swap coupon: its accrual start).
 */
export interface LatticeFlow {
  readonly time: number;
  readonly amount: number;
  readonly entitlementTime: number;
}

/** Rannacher: number of damped steps after the payoff and after each exercise. */
const DAMPED_STEPS = 2;

function indexOf(lattice: BackwardLattice, t: number, what: string): number {
  const i = gridIndexOf(lattice.times, t);
  if (i < 0) throw InvalidInputError.outOfRange(what, t, 'a time of the lattice grid');
  return i;
}

/** Values of a list of arrays, rolled together; each array is swapped with its scratch. */
class Rolled {
  values: Float64Array;
  private scratch: Float64Array;
  constructor(size: number) {
    this.values = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }
  step(lattice: BackwardLattice, i: number, damped: boolean): void {
    lattice.stepBack(i, this.values, this.scratch, damped);
    const t = this.values;
    this.values = this.scratch;
    this.scratch = t;
  }
  add(amount: number, n: number): void {
    const v = this.values;
    for (let j = 0; j < n; j++) v[j] = (v[j] as number) + amount;
  }
}

function maxSize(lattice: BackwardLattice): number {
  let m = 0;
  for (let i = 0; i < lattice.times.length; i++) m = Math.max(m, lattice.size(i));
  return m;
}

/**
 * Bermudan (or European, one time) option to enter at t_k the swap made of the flows with
 * entitlementTime ≥ t_k; `flows` are those of the payer swap, `omega` = +1 payer, −1 receiver.
 * Returns the option value and the whole swap's value at t_0 (flows with time > 0).
 */
export function rollBermudanSwaption(lattice: BackwardLattice, flows: readonly LatticeFlow[], exerciseTimes: readonly number[], omega: 1 | -1, dampedSteps = DAMPED_STEPS): { value: number; swapValue: number } {
  if (lattice.zeroBond !== undefined) return rollBermudanSwaptionAnalytic(lattice as BackwardLattice & Required<Pick<BackwardLattice, "zeroBond">>, flows, exerciseTimes, omega, dampedSteps);
  const n = lattice.times.length - 1;
  const size = maxSize(lattice);
  const ex = exerciseTimes.map((t, k) => indexOf(lattice, t, `exerciseTimes[${k}]`));
  const exAt = new Map<number, number>();
  ex.forEach((i, k) => exAt.set(i, k));
  type F = { amount: number; ent: number };
  const byIndex = new Map<number, F[]>();
  for (const [m, f] of flows.entries()) {
    if (f.time <= 0) continue;
    const i = indexOf(lattice, f.time, `flows[${m}].time`);
    const list = byIndex.get(i) ?? [];
    list.push({ amount: f.amount, ent: f.entitlementTime });
    byIndex.set(i, list);
  }
  const swap = new Rolled(size);
  const option = new Rolled(size);
  // G_k: straddling flows of exercise k (entitlement < t_k < time), removed from the swap at t_k.
  const straddle = new Map<number, Rolled>();
  const lastEx = Math.max(...ex);
  let damp = 0;
  for (let i = n; i >= 0; i--) {
    const t = lattice.times[i] as number;
    const m = lattice.size(i);
    const here = byIndex.get(i) ?? [];
    for (const f of here) if (f.ent >= t - 1e-12) swap.add(f.amount, m);
    const k = exAt.get(i);
    if (k !== undefined) {
      const g = straddle.get(k);
      const s = swap.values;
      const o = option.values;
      const gv = g?.values;
      for (let j = 0; j < m; j++) {
        const u = omega * ((s[j] as number) - (gv === undefined ? 0 : (gv[j] as number)));
        if (u > (o[j] as number)) o[j] = u;
      }
      straddle.delete(k);
      if (i === lastEx) damp = dampedSteps;
    }
    for (const f of here) {
      if (f.ent < t - 1e-12) {
        swap.add(f.amount, m);
        for (let kk = 0; kk < ex.length; kk++) {
          const tk = lattice.times[ex[kk] as number] as number;
          if (f.ent < tk - 1e-12 && tk < t - 1e-12) {
            let g = straddle.get(kk);
            if (g === undefined) {
              g = new Rolled(size);
              straddle.set(kk, g);
            }
            g.add(f.amount, m);
          }
        }
      }
    }
    if (i === 0) break;
    const damped = damp > 0;
    swap.step(lattice, i - 1, damped);
    if (i <= lastEx) option.step(lattice, i - 1, damped);
    for (const g of straddle.values()) g.step(lattice, i - 1, damped);
    if (damp > 0) damp--;
  }
  return { value: root(lattice, option.values), swapValue: root(lattice, swap.values) };
}

/**
 * As {@link rollBermudanSwaption}, with the exercise value from the model's closed-form zero bonds:
 * U_k(x) = Σ_{entitled flows, time ≥ t_k} amount · P(t_k, time | x); only the option is rolled.
 */
function rollBermudanSwaptionAnalytic(lattice: BackwardLattice & Required<Pick<BackwardLattice, "zeroBond">>, flows: readonly LatticeFlow[], exerciseTimes: readonly number[], omega: 1 | -1, dampedSteps: number): { value: number; swapValue: number } {
  const n = lattice.times.length - 1;
  const size = maxSize(lattice);
  const ex = exerciseTimes.map((t, k) => indexOf(lattice, t, `exerciseTimes[${k}]`));
  const exAt = new Map<number, number>();
  ex.forEach((i, k) => exAt.set(i, k));
  const live = flows.filter((f) => f.time > 0);
  const option = new Rolled(size);
  const bond = new Float64Array(size);
  const u = new Float64Array(size);
  const lastEx = Math.max(...ex);
  let damp = 0;
  for (let i = lastEx; i >= 0; i--) {
    const t = lattice.times[i] as number;
    const m = lattice.size(i);
    if (exAt.has(i)) {
      u.fill(0);
      for (const f of live) {
        if (f.entitlementTime < t - 1e-12 || f.time < t - 1e-12) continue;
        lattice.zeroBond(i, f.time, bond);
        for (let j = 0; j < m; j++) u[j] = (u[j] as number) + f.amount * (bond[j] as number);
      }
      const o = option.values;
      for (let j = 0; j < m; j++) {
        const x = omega * (u[j] as number);
        if (x > (o[j] as number)) o[j] = x;
      }
      // Rannacher start: damped steps only where the payoff first enters (later exercises add a
      // kink to an already smooth solution, and damping there measurably costs accuracy)
      if (i === lastEx) damp = dampedSteps;
    }
    if (i === 0) break;
    option.step(lattice, i - 1, damp > 0);
    if (damp > 0) damp--;
  }
  let swapValue = 0;
  for (const f of live) {
    lattice.zeroBond(0, f.time, bond);
    swapValue += f.amount * root(lattice, bond);
  }
  return { value: root(lattice, option.values), swapValue };
}

/** A call (issuer buys back) or put (holder sells back) at a dirty price at `time`. */
export interface LatticeCallability {
  readonly time: number;
  /** Dirty price paid, currency units. */
  readonly price: number;
  readonly type: 'call' | 'put';
}

/**
 * A bond paying `flows` (time > 0), callable/puttable at the given times: at t_k the value of the
 * flows after t_k becomes min(V, K_k) (call) or max(V, K_k) (put); flows on t_k are paid either
 * way. Returns the callable value and the straight bond's value at t_0.
 */
export function rollCallableBond(lattice: BackwardLattice, flows: readonly LatticeFlow[], callability: readonly LatticeCallability[], dampedSteps = DAMPED_STEPS): { value: number; straightValue: number } {
  const n = lattice.times.length - 1;
  const size = maxSize(lattice);
  const byIndex = new Map<number, number>();
  for (const [m, f] of flows.entries()) {
    if (f.time <= 0) continue;
    const i = indexOf(lattice, f.time, `flows[${m}].time`);
    byIndex.set(i, (byIndex.get(i) ?? 0) + f.amount);
  }
  const calls = new Map<number, LatticeCallability>();
  callability.forEach((c, k) => {
    if (c.time >= 0) calls.set(indexOf(lattice, c.time, `callability[${k}].time`), c);
  });
  const bond = new Rolled(size);
  const straight = new Rolled(size);
  let damp = 0;
  let first = true;
  for (let i = n; i >= 0; i--) {
    const m = lattice.size(i);
    const c = calls.get(i);
    if (c !== undefined) {
      const v = bond.values;
      if (c.type === 'call') for (let j = 0; j < m; j++) v[j] = Math.min(v[j] as number, c.price);
      else for (let j = 0; j < m; j++) v[j] = Math.max(v[j] as number, c.price);
      // Rannacher start: damped steps where the first (latest) exercise enters
      if (first) damp = dampedSteps;
      first = false;
    }
    const amount = byIndex.get(i);
    if (amount !== undefined) {
      bond.add(amount, m);
      straight.add(amount, m);
    }
    if (i === 0) break;
    const damped = damp > 0;
    bond.step(lattice, i - 1, damped);
    straight.step(lattice, i - 1, false);
    if (damp > 0) damp--;
  }
  return { value: root(lattice, bond.values), straightValue: root(lattice, straight.values) };
}
