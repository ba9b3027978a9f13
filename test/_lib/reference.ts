// Loads the QuantLib 1.29 reference values (test/reference/README.md says how they were made).
import { readFileSync } from 'node:fs';

const url = new URL('../reference/quantlib-1.29.json', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON is read per section with local types
export const quantlib: Record<string, any> = JSON.parse(readFileSync(url, 'utf8'));
