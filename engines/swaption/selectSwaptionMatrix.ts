import { InvalidInputError } from '../../src/errors.js';

/**
 * A cell of a swaption vol matrix.
 * @public
 */
export interface SwaptionMatrixCell {
  /** Row (expiry) index. */
  readonly row: number;
  /** Column (tenor) index. */
  readonly column: number;
}

/**
 * Picks calibration swaptions out of an expiry × tenor matrix.
 *
 * @remarks
 * - `full`: every cell;
 * - `diagonal`: expiry = tenor (1y1y, 2y2y, …), i.e. cells with expiries[r] = tenors[c];
 * - `coterminal`: expiry + tenor = `maturity` (e.g. 1y4y, 2y3y, 3y2y, 4y1y for 5 years) — the
 *   European components of a Bermudan swaption maturing then.
 * Source: Brigo & Mercurio (2006) §6.x (co-terminal calibration for Bermudans); Andersen &
 * Piterbarg (2010) vol. III §19.
 * @param expiries - expiries in years, length R.
 * @param tenors - tenors in years, length C.
 * @param selection - `'full'`, `'diagonal'` or `'coterminal'`.
 * @param maturity - final maturity in years for `'coterminal'`.
 * @returns the cells, row-major.
 * @throws InvalidInputError for an unknown selection, a missing maturity or an empty result.
 * @public
 */
export function selectSwaptionMatrix(expiries: readonly number[], tenors: readonly number[], selection: 'full' | 'diagonal' | 'coterminal', maturity?: number): SwaptionMatrixCell[] {
  if (selection !== 'full' && selection !== 'diagonal' && selection !== 'coterminal') throw InvalidInputError.outOfRange('selection', selection, "{'full', 'diagonal', 'coterminal'}");
  if (selection === 'coterminal' && !(typeof maturity === 'number' && maturity > 0)) throw InvalidInputError.outOfRange('maturity', maturity, '(0, ∞) years for a co-terminal selection');
  const cells: SwaptionMatrixCell[] = [];
  expiries.forEach((e, row) =>
    tenors.forEach((t, column) => {
      const keep = selection === 'full' || (selection === 'diagonal' ? Math.abs(e - t) < 1e-9 : Math.abs(e + t - (maturity as number)) < 1e-9);
      if (keep) cells.push({ row, column });
    }),
  );
  if (cells.length === 0) throw InvalidInputError.outOfRange('selection', selection, 'a selection that keeps at least one cell');
  return cells;
}
