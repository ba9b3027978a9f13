// Internal: strict parsing of a numeric CSV cell.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number written in `text` (plain or scientific decimal notation, surrounding blanks
 * ignored); `undefined` when the cell is blank; `NaN` when it is not a decimal number
 * (`"abc"`, `"0x10"`, `"1,5"`, `"Infinity"`). Callers must test the result.
 * @internal
 */
export function parseDecimal(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}
