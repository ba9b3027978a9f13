// Internal: reads a small CSV file into records with their line numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CsvError, parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../../../src/errors.js';
import { fileInputError } from './fileInputError.js';

/** One parsed record: its cells and the 1-based line it ends on. @internal */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A parsed file. @internal */
export interface CsvTable {
  /** The path as a plain string, used in messages. */
  readonly file: string;
  /** The field separator found on the first line: `","` or `";"`. */
  readonly delimiter: string;
  /** Non-empty records in file order (the header rows included). */
  readonly records: readonly CsvRecord[];
}

interface InfoRecordShape {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Reads and tokenises a CSV file.
 *
 * @remarks
 * Line endings LF, CRLF and CR-only (classic Mac, as in the Oxford-Man file) are all
 * accepted (csv-parse detects the record delimiter); a UTF-8 byte-order mark is dropped; the
 * separator is `";"` when the first line holds a semicolon and no comma, else `","`. Rows
 * may have any number of cells; empty lines are ignored. Quoted fields follow RFC 4180.
 *
 * @param path - file path or `file:` URL.
 * @throws `InvalidInputError` when the file cannot be read (naming the path and the system
 *   error) or is not well-formed CSV (naming the file, line and column csv-parse reports).
 * @internal
 */
export function readCsvRecords(path: string | URL): CsvTable {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InvalidInputError(
      `${file}: path = ${JSON.stringify(file)} is outside the allowed range: a readable file (${code})`,
      { argument: 'path', value: file, allowed: 'a readable file', file, line: 0, column: 0, cause: code },
      { cause: err },
    );
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let parsed: InfoRecordShape[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as InfoRecordShape[];
  } catch (err) {
    if (err instanceof CsvError) {
      const details = err as CsvError & { lines?: number; column?: number | string };
      const line = typeof details.lines === 'number' ? details.lines : 0;
      const column = typeof details.column === 'number' ? details.column + 1 : 0;
      throw fileInputError(file, line, column, '', 'CSV syntax', err.code, 'well-formed CSV (RFC 4180)', err);
    }
    throw err;
  }
  const records = parsed.map((r) => Object.freeze({ cells: r.record, line: r.info.lines }));
  return Object.freeze({ file, delimiter, records: Object.freeze(records) });
}
