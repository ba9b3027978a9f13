import { InvalidInputError } from '../../errors.js';

/**
 * Options of {@link differentialEvolution}.
 * @internal
 */
export interface DifferentialEvolutionOptions {
  /** Lower bounds per parameter; length n, finite. */
  readonly lower: ArrayLike<number>;
  /** Upper bounds per parameter; length n, finite, > lower. */
  readonly upper: ArrayLike<number>;
  /** Population size; default 10·n, integer ≥ 4. */
  readonly populationSize?: number;
  /** Generations; default 30, integer ≥ 1. */
  readonly generations?: number;
  /** Differential weight F; default 0.7, in (0, 2]. */
  readonly weight?: number;
  /** Crossover probability CR; default 0.9, in [0, 1]. */
  readonly crossover?: number;
  /** Seed of the generator (the same seed gives the same result); default 42, integer in [0, 2^32). */
  readonly seed?: number;
  /** Members of the first population placed by the caller (e.g. a previous fit), clamped to the box. */
  readonly include?: ReadonlyArray<ArrayLike<number>>;
}

/**
 * Result of {@link differentialEvolution}.
 * @internal
 */
export interface DifferentialEvolutionResult {
  /** The best member found; length n. */
  readonly x: Float64Array;
  /** Its cost. */
  readonly cost: number;
  /** Cost evaluations used. */
  readonly evaluations: number;
}

/**
 * Minimises a cost over a box by differential evolution, DE/rand/1/bin: for each member a mutant
 * a + F(b − c) from three other distinct members, binomial crossover at rate CR (one coordinate
 * always from the mutant), the trial reflected into the box, kept when its cost is no worse.
 * Meant as a global seed for a local method, not as a solver to full accuracy. Deterministic:
 * a xorshift generator seeded by `seed`. Non-finite costs count as +∞.
 *
 * Source: R. Storn, K. Price (1997), "Differential evolution — a simple and efficient heuristic for
 * global optimization over continuous spaces", J. Global Optim. 11, 341–359.
 * Checked against: minima of the Rosenbrock and Rastrigin functions within a box
 * (test/math/optimization.test.ts).
 *
 * @param cost - the function to minimise; must not keep its argument.
 * @param options - bounds, population, generations, F, CR, seed, included members.
 * @returns the best member, its cost and the evaluation count.
 * @throws InvalidInputError when the bounds are not finite and increasing or lengths disagree, or
 *   an option is out of range.
 * @internal
 */
export function differentialEvolution(cost: (x: Float64Array) => number, options: DifferentialEvolutionOptions): DifferentialEvolutionResult {
  const { lower, upper } = options;
  const n = lower.length;
  if (!(n >= 1) || upper.length !== n) throw InvalidInputError.outOfRange('upper.length', upper.length, `{${n}} (lower.length ≥ 1)`);
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(lower[j]!) || !(upper[j]! > lower[j]!) || !Number.isFinite(upper[j]!)) {
      throw InvalidInputError.outOfRange(`upper[${j}]`, upper[j], `(${lower[j]}, ∞), finite, with a finite lower bound`);
    }
  }
  const np = options.populationSize ?? 10 * n;
  const generations = options.generations ?? 30;
  const F = options.weight ?? 0.7;
  const CR = options.crossover ?? 0.9;
  const seed = options.seed ?? 42;
  if (!Number.isInteger(np) || np < 4) throw InvalidInputError.outOfRange('options.populationSize', np, 'integers in [4, ∞)');
  if (!Number.isInteger(generations) || generations < 1) throw InvalidInputError.outOfRange('options.generations', generations, 'integers in [1, ∞)');
  if (!(F > 0 && F <= 2)) throw InvalidInputError.outOfRange('options.weight', F, '(0, 2]');
  if (!(CR >= 0 && CR <= 1)) throw InvalidInputError.outOfRange('options.crossover', CR, '[0, 1]');
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw InvalidInputError.outOfRange('options.seed', seed, 'integers in [0, 2^32)');
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  const uniform = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const safe = (x: Float64Array): number => {
    const c = cost(x);
    return Number.isFinite(c) ? c : Infinity;
  };
  const population = Array.from({ length: np }, (_, i) => {
    const given = options.include?.[i];
    return Float64Array.from({ length: n }, (_, j) => {
      const v = given === undefined ? lower[j]! + (upper[j]! - lower[j]!) * uniform() : given[j]!;
      return Math.min(Math.max(v, lower[j]!), upper[j]!);
    });
  });
  const costs = population.map(safe);
  let evaluations = np;
  const trial = new Float64Array(n);
  for (let g = 0; g < generations; g++) {
    for (let i = 0; i < np; i++) {
      let a: number, b: number, c: number;
      do a = Math.floor(uniform() * np); while (a === i);
      do b = Math.floor(uniform() * np); while (b === i || b === a);
      do c = Math.floor(uniform() * np); while (c === i || c === a || c === b);
      const forced = Math.floor(uniform() * n);
      const xi = population[i]!, xa = population[a]!, xb = population[b]!, xc = population[c]!;
      for (let j = 0; j < n; j++) {
        let v = j === forced || uniform() < CR ? xa[j]! + F * (xb[j]! - xc[j]!) : xi[j]!;
        // Reflect into the box (once, then clamp).
        if (v < lower[j]!) v = Math.min(2 * lower[j]! - v, upper[j]!);
        if (v > upper[j]!) v = Math.max(2 * upper[j]! - v, lower[j]!);
        trial[j] = v;
      }
      const ct = safe(trial);
      evaluations++;
      if (ct <= costs[i]!) {
        xi.set(trial);
        costs[i] = ct;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < np; i++) if (costs[i]! < costs[best]!) best = i;
  return { x: Float64Array.from(population[best]!), cost: costs[best]!, evaluations };
}
