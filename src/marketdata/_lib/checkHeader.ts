// Internal: exact header check for the desk readers.
import type { CsvRecord } from './parseCsvText.js';
import { fileInputError } from './fileInputError.js';

/**
 * Throws unless the header record's cells (trimmed) equal `expected`, column by column.
 *
 * @param file - file name for the message.
 * @param header - the header record, or `undefined` when the file has no records at all.
 * @param expected - the required column names, in order (`""` for an unnamed column).
 * @throws `InvalidInputError` naming the file, the line and the first column that differs
 *   (a missing column is reported as an empty name; an empty file as line 1, column 1).
 * @internal
 */
export function checkHeader(file: string, header: CsvRecord | undefined, expected: readonly string[]): void {
  if (header === undefined) {
    throw fileInputError(file, 1, 1, expected[0] || '(unnamed)', 'header', '', `the header ${JSON.stringify(expected.join(','))} (the file is empty)`);
  }
  const { cells, line } = header;
  const n = Math.max(cells.length, expected.length);
  for (let i = 0; i < n; i++) {
    const got = (cells[i] ?? '').trim();
    const want = expected[i];
    if (want === undefined) {
      throw fileInputError(file, line, i + 1, got, 'header', got, `no column ${i + 1} (expected ${expected.length} columns)`);
    }
    if (got !== want || (cells[i] === undefined && want === '')) {
      throw fileInputError(file, line, i + 1, want === '' ? '(unnamed)' : want, 'header', got, JSON.stringify(want));
    }
  }
}
