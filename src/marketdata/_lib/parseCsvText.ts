// Internal: tokenises CSV text into records with their line numbers (csv-parse).
import { CsvError, parse } from 'csv-parse/sync';
import { fileInputError } from './fileInputError.js';

/** One parsed record: its cells and the 1-based line it ends on. @internal */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

/** A parsed file. @internal */
export interface CsvTable {
  /** The file's name as given, used in messages. */
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
 * Tokenises CSV text.
 *
 * @remarks
 * Line endings LF, CRLF and CR-only (classic Mac) are all accepted (csv-parse detects the record
 * delimiter); a UTF-8 byte-order mark is dropped; the separator is `";"` when the first line
 * holds a semicolon and no comma, else `","`. Rows may have any number of cells; empty lines are
 * ignored. Quoted fields follow RFC 4180. Works on a string, so in browsers too.
 *
 * @param text - the file's content.
 * @param file - the name used in messages.
 * @throws `InvalidInputError` when the text is not a string, or not well-formed CSV (naming the
 *   file, line and column csv-parse reports).
 * @internal
 */
export function parseCsvText(text: string, file: string): CsvTable {
  if (typeof text !== 'string') throw fileInputError(file, 0, 0, '', 'text', typeof text, 'a string (the file content)');
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
