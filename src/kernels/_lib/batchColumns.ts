// Internal: broadcasting and validation of struct-of-arrays batch arguments.
import { InvalidInputError } from '../../errors.js';

/** A batch input column as callers pass it: a scalar, or an array of length n or 1. @internal */
export type ColumnInput = Float64Array | Int8Array | number;

/** A named column after normalisation: always an array (length n or 1). @internal */
export interface Column {
  readonly name: string;
  readonly data: Float64Array | Int8Array;
}

/**
 * Normalises the columns (scalars become length-1 arrays) and returns the common length n.
 * Length-1 columns broadcast; any other disagreement throws InvalidInputError naming the column.
 * @internal
 */
export function resolveColumns(inputs: ReadonlyArray<readonly [string, ColumnInput | undefined]>): { n: number; columns: Column[] } {
  const columns: Column[] = [];
  let n = 1;
  let nFrom: string | undefined;
  for (const [name, value] of inputs) {
    let data: Float64Array | Int8Array;
    if (typeof value === 'number') data = Float64Array.of(value);
    else if (value instanceof Float64Array || value instanceof Int8Array) data = value;
    else throw new InvalidInputError(`${name} must be a number or a Float64Array, got ${value === null ? 'null' : typeof value}`, { argument: name, value, allowed: 'number | Float64Array' });
    if (data.length !== 1) {
      if (nFrom === undefined) {
        n = data.length;
        nFrom = name;
      } else if (data.length !== n) {
        throw InvalidInputError.outOfRange(`${name}.length`, data.length, `{1, ${n}} (the length of ${nFrom})`);
      }
    }
    columns.push({ name, data });
  }
  return { n, columns };
}

/** Checks an output column has length ≥ n, or allocates one. @internal */
export function outputColumn(name: string, given: Float64Array | undefined, n: number): Float64Array {
  if (given === undefined) return new Float64Array(n);
  if (!(given instanceof Float64Array) || given.length < n) {
    throw InvalidInputError.outOfRange(`${name}.length`, given?.length, `[${n}, ∞) (a Float64Array at least as long as the inputs)`);
  }
  return given;
}

/** Domain of a column: (0, ∞), [0, ∞), finite, or {+1, −1}. @internal */
export type ColumnDomain = 'positive' | 'nonNegative' | 'finite' | 'sign';

const ALLOWED: Record<ColumnDomain, string> = {
  positive: '(0, ∞)',
  nonNegative: '[0, ∞)',
  finite: '(-∞, ∞), finite',
  sign: '{+1 (call), -1 (put)}',
};

/** Index of the first element outside `domain`, or −1. One tight loop per domain (no callbacks). */
function firstOutside(d: Float64Array | Int8Array, domain: ColumnDomain): number {
  const n = d.length;
  switch (domain) {
    case 'positive':
      for (let i = 0; i < n; i++) if (!(d[i] > 0 && d[i] < Infinity)) return i;
      return -1;
    case 'nonNegative':
      for (let i = 0; i < n; i++) if (!(d[i] >= 0 && d[i] < Infinity)) return i;
      return -1;
    case 'finite':
      for (let i = 0; i < n; i++) if (!(d[i] > -Infinity && d[i] < Infinity)) return i;
      return -1;
    case 'sign':
      for (let i = 0; i < n; i++) if (d[i] !== 1 && d[i] !== -1) return i;
      return -1;
  }
}

/** Throws InvalidInputError naming `name[i]`, its value and the allowed range, for the first element outside `domain`. @internal */
export function checkColumn(column: Column, domain: ColumnDomain): void {
  const i = firstOutside(column.data, domain);
  if (i >= 0) {
    throw InvalidInputError.outOfRange(column.data.length === 1 ? column.name : `${column.name}[${i}]`, column.data[i], ALLOWED[domain]);
  }
}

/**
 * Index of the first i < n where `finite[i]` is not finite or any of `notNaN` holds NaN, or −1.
 * @internal
 */
export function firstBadOutput(finite: Float64Array, notNaN: ReadonlyArray<Float64Array>, n: number): number {
  let first = n;
  for (let i = 0; i < n; i++) {
    const x = finite[i];
    if (!(x > -Infinity && x < Infinity)) {
      first = i;
      break;
    }
  }
  for (const c of notNaN) {
    for (let i = 0; i < first; i++) {
      if (c[i] !== c[i]) {
        first = i;
        break;
      }
    }
  }
  return first === n ? -1 : first;
}
