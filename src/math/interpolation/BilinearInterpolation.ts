import { InvalidInputError } from '../../errors.js';
import { checkGrid } from './_lib/checkGrid.js';
import { locate } from './_lib/locate.js';

/**
 * Bilinear interpolation of z(x, y) on a rectangular grid.
 *
 * @remarks
 * Inside a cell, z is the tensor-product linear interpolant of its four corners. Outside the
 * grid the end cells are prolonged when extrapolation is allowed; otherwise a read there throws.
 * Source: standard; Press et al., Numerical Recipes (3rd ed.), §3.6.
 * Checked against: `test/math/interpolation.test.ts` (reproduces bilinear functions exactly).
 *
 * @public
 */
export class BilinearInterpolation {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly zs: Float64Array;

  /**
   * @param xs - first-axis nodes, length nx ≥ 2, strictly increasing.
   * @param ys - second-axis nodes, length ny ≥ 2, strictly increasing.
   * @param zs - values, row-major by y: `zs[j][i] = z(xs[i], ys[j])`, ny rows of nx finite numbers.
   * @throws InvalidInputError when shapes disagree or values are not finite.
   */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>, zs: ReadonlyArray<ArrayLike<number>>) {
    checkGrid('xs', xs);
    checkGrid('ys', ys);
    if (zs.length !== ys.length) throw InvalidInputError.outOfRange('zs.length', zs.length, `{${ys.length}} (ys.length)`);
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    this.zs = new Float64Array(xs.length * ys.length);
    zs.forEach((row, j) => {
      if (row.length !== xs.length) throw InvalidInputError.outOfRange(`zs[${j}].length`, row.length, `{${xs.length}} (xs.length)`);
      for (let i = 0; i < row.length; i++) {
        const z = row[i] as number;
        if (!Number.isFinite(z)) throw InvalidInputError.outOfRange(`zs[${j}][${i}]`, z, 'finite numbers');
        this.zs[j * xs.length + i] = z;
      }
    });
  }

  /**
   * z at (x, y).
   * @throws InvalidInputError when (x, y) is outside the grid and extrapolation is not allowed.
   */
  value(x: number, y: number, allowExtrapolation = false): number {
    const nx = this.xs.length;
    if (!allowExtrapolation) {
      if (!(x >= (this.xs[0] as number) && x <= (this.xs[nx - 1] as number))) {
        throw InvalidInputError.outOfRange('x', x, `[${this.xs[0]}, ${this.xs[nx - 1]}] (extrapolation not allowed)`);
      }
      const ny = this.ys.length;
      if (!(y >= (this.ys[0] as number) && y <= (this.ys[ny - 1] as number))) {
        throw InvalidInputError.outOfRange('y', y, `[${this.ys[0]}, ${this.ys[ny - 1]}] (extrapolation not allowed)`);
      }
    }
    const i = locate(this.xs, x);
    const j = locate(this.ys, y);
    const u = (x - (this.xs[i] as number)) / ((this.xs[i + 1] as number) - (this.xs[i] as number));
    const v = (y - (this.ys[j] as number)) / ((this.ys[j + 1] as number) - (this.ys[j] as number));
    const z00 = this.zs[j * nx + i] as number;
    const z10 = this.zs[j * nx + i + 1] as number;
    const z01 = this.zs[(j + 1) * nx + i] as number;
    const z11 = this.zs[(j + 1) * nx + i + 1] as number;
    return (1 - u) * (1 - v) * z00 + u * (1 - v) * z10 + (1 - u) * v * z01 + u * v * z11;
  }
}
