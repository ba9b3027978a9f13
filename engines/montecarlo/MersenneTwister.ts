import { InvalidInputError } from '../../src/errors.js';

const N = 624;
const M = 397;

/**
 * MT19937, the Mersenne Twister of Matsumoto and Nishimura (period 2^19937 − 1).
 *
 * @remarks
 * Seeded by the 2002 initialisation x_i = 1812433253·(x_{i−1} ⊕ (x_{i−1} ≫ 30)) + i; 32-bit
 * outputs tempered as in the paper. `nextUniform()` takes two outputs a, b and returns
 * (⌊a/32⌋·2^26 + ⌊b/64⌋ + ½)·2^−53, a 53-bit uniform strictly inside (0, 1).
 * A sequential generator: for reproducibility path by path prefer {@link Philox4x32}.
 *
 * Source: M. Matsumoto, T. Nishimura (1998), "Mersenne Twister: a 623-dimensionally
 * equidistributed uniform pseudo-random number generator", ACM TOMACS 8(1), 3–30.
 * Checked against: the reference output for seed 5489 (first output 3499211612, 10000th
 * 4123659995) in test/engines/montecarlo/MersenneTwister.test.ts.
 *
 * @example
 * ```ts
 * import { MersenneTwister } from 'quantflow';
 * new MersenneTwister(5489).nextUint32(); //=> 3499211612
 * ```
 * @public
 */
export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /**
   * @param seed - integer in [0, 2^32).
   * @throws InvalidInputError when `seed` is not such an integer.
   */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw InvalidInputError.outOfRange('seed', seed, 'integers in [0, 2^32)');
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, p) + i) >>> 0;
    }
  }

  /** The next 32-bit output, in [0, 2^32). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** The next uniform in (0, 1), 53 bits from two outputs. */
  nextUniform(): number {
    const a = this.nextUint32();
    const b = this.nextUint32();
    return ((a >>> 5) * 67108864 + (b >>> 6) + 0.5) * 1.1102230246251565e-16;
  }

  /**
   * Fills `out` with uniforms in (0, 1).
   * @param out - any `Float64Array`.
   */
  fillUniforms(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.nextUniform();
    return out;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % N]! & 0x7fffffff);
      let v = mt[(i + M) % N]! ^ (y >>> 1);
      if (y & 1) v ^= 0x9908b0df;
      mt[i] = v >>> 0;
    }
    this.index = 0;
  }
}
