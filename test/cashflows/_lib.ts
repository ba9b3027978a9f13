// Shared fixtures for the cash-flow tests.
import { readFileSync } from 'node:fs';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';

export const today = Date.fromISO('2025-01-02');

export function setToday(): void {
  Settings.instance.evaluationDate.set(today);
}

/** QuantLib 1.29 values written by scripts/reference/gen_cashflows.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON is read per section with local types
export const qlCashflows: Record<string, any> = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-cashflows.json', import.meta.url), 'utf8'));

/** |a/b − 1|. */
export function relErr(a: number, b: number): number {
  return Math.abs(a / b - 1);
}
