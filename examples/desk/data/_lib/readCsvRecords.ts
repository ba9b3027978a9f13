// Internal: reads a small CSV file into records with their line numbers (the library's tokeniser).
import { readTextFile } from '../../../../src/marketdata/node/_lib/readTextFile.js';
import { parseCsvText, type CsvTable } from '../../../../src/marketdata/_lib/parseCsvText.js';

export type { CsvRecord, CsvTable } from '../../../../src/marketdata/_lib/parseCsvText.js';

/**
 * Reads and tokenises a CSV file (see the library's `parseCsvText` for the dialect).
 * @param path - file path or `file:` URL.
 * @throws `InvalidInputError` when the file cannot be read (naming the path and the system
 *   error) or is not well-formed CSV (naming the file, line and column).
 * @internal
 */
export function readCsvRecords(path: string | URL): CsvTable {
  const { file, text } = readTextFile(path);
  return parseCsvText(text, file);
}
