/**
 * An immutable complex number re + i·im in double precision, with the elementary functions a
 * characteristic function needs (principal square root, principal logarithm, log1p, exp).
 *
 * @remarks
 * Branch cuts are the principal ones: `sqrt` has Re ≥ 0 and `log` has Im ∈ (−π, π], both cut
 * along the negative real axis. `log1p(z)` = log(1 + z) keeps full relative accuracy for small
 * |z| (its real part goes through `Math.log1p`). Division uses Smith's (1962) scaling, so
 * |w| near the overflow threshold does not overflow.
 * Source: standard; Smith (1962), "Algorithm 116: Complex division", CACM 5(8); Kahan (1987),
 * "Branch cuts for complex elementary functions" (the principal square root formula).
 * Checked against: `test/math/complex.test.ts` (identities: exp(log z) = z, sqrt(z)² = z,
 * log1p against log(1 + z), division against multiplication, branch cuts).
 *
 * @example
 * ```ts
 * import { Complex } from 'quantflow';
 * new Complex(0, 1).mul(new Complex(0, 1)).re; //=> -1
 * ```
 * @public
 */
export class Complex {
  /**
   * @param re - real part.
   * @param im - imaginary part (default 0).
   */
  constructor(
    readonly re: number,
    readonly im = 0,
  ) {}

  /** The imaginary unit i. */
  static readonly I = new Complex(0, 1);

  /** z + w. */
  add(w: Complex): Complex {
    return new Complex(this.re + w.re, this.im + w.im);
  }

  /** z − w. */
  sub(w: Complex): Complex {
    return new Complex(this.re - w.re, this.im - w.im);
  }

  /** z · w. */
  mul(w: Complex): Complex {
    return new Complex(this.re * w.re - this.im * w.im, this.re * w.im + this.im * w.re);
  }

  /** z · s for a real s. */
  scale(s: number): Complex {
    return new Complex(this.re * s, this.im * s);
  }

  /** z / w by Smith's algorithm (Inf/NaN when w = 0). */
  div(w: Complex): Complex {
    if (Math.abs(w.re) >= Math.abs(w.im)) {
      const t = w.im / w.re;
      const den = w.re + w.im * t;
      return new Complex((this.re + this.im * t) / den, (this.im - this.re * t) / den);
    }
    const t = w.re / w.im;
    const den = w.re * t + w.im;
    return new Complex((this.re * t + this.im) / den, (this.im * t - this.re) / den);
  }

  /** −z. */
  neg(): Complex {
    return new Complex(-this.re, -this.im);
  }

  /** The complex conjugate re − i·im. */
  conj(): Complex {
    return new Complex(this.re, -this.im);
  }

  /** |z|, without intermediate overflow. */
  abs(): number {
    return Math.hypot(this.re, this.im);
  }

  /** arg z ∈ (−π, π]. */
  arg(): number {
    return Math.atan2(this.im, this.re);
  }

  /** e^z. */
  exp(): Complex {
    const m = Math.exp(this.re);
    if (this.im === 0) return new Complex(m, 0);
    return new Complex(m * Math.cos(this.im), m * Math.sin(this.im));
  }

  /** Principal logarithm: ln|z| + i·arg z. */
  log(): Complex {
    return new Complex(Math.log(this.abs()), this.arg());
  }

  /** log(1 + z), accurate for small |z|. */
  log1p(): Complex {
    const x = this.re;
    const y = this.im;
    // |1 + z|² = 1 + (2x + x² + y²); ½·log1p of the bracket keeps small values exact.
    const re = Math.abs(x) < 0.5 && Math.abs(y) < 0.5 ? 0.5 * Math.log1p(x * (2 + x) + y * y) : Math.log(Math.hypot(1 + x, y));
    return new Complex(re, Math.atan2(y, 1 + x));
  }

  /** Principal square root (Re ≥ 0; on the cut, Im has the sign of im, as −0 gives −i·√|x|). */
  sqrt(): Complex {
    const x = this.re;
    const y = this.im;
    if (x === 0 && y === 0) return new Complex(0, y);
    const t = Math.sqrt((Math.abs(x) + this.abs()) / 2);
    if (x >= 0) return new Complex(t, y / (2 * t));
    return new Complex(Math.abs(y) / (2 * t), y < 0 || Object.is(y, -0) ? -t : t);
  }
}
