// Loads the QuantLib 1.29 reference values (test/reference/README.md says how they were made).
import { readFileSync } from 'node:fs';

const url = new URL('../reference/quantlib-1.29.json', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON is read per section with local types
export const quantlib: Record<string, any> = JSON.parse(readFileSync(url, 'utf8'));

/** A case of the `american` section (QuantLib 1.29 Americans with several engines' values). */
export interface AmericanCase {
  id: string;
  inputs: { S: number; K: number; N_days: number; r: number; q: number; vol: number; type: 'call' | 'put' };
  outputs: Record<string, number>;
}
export const americanCases: AmericanCase[] = quantlib['american'].cases;

const publishedUrl = new URL('../reference/published.json', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON is read per section with local types
export const published: Record<string, any> = JSON.parse(readFileSync(publishedUrl, 'utf8'));
