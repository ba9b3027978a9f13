// Holiday lists 2015–2030 against native QuantLib 1.29 (test/reference/quantlib-1.29-holidays.json,
// written by scripts/reference/gen_holidays.py). The only differences allowed are rules QuantLib
// added after 1.29, each named here with its source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Date, TARGET, UnitedStates, UnitedStatesMarket, type Calendar } from '../../src/index.js';

const ref: Record<string, string[]> = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-holidays.json', import.meta.url), 'utf8'));

/** Dates we close that QuantLib 1.29 does not know, and dates it closes that later rules open. */
const laterRules: Record<string, { onlyOurs: string[]; onlyQuantLib: string[] }> = {
  // NYSE closed for the national day of mourning for President Carter (NYSE notice, Dec 2024).
  'UnitedStates.NYSE': { onlyOurs: ['2025-01-09'], onlyQuantLib: [] },
  // SIFMA recommends an early close, not a full close, on a Good Friday that is the first
  // Friday of the month (payroll report): those dates are business days in the newer rule
  // (QuantLib 1.29 already special-cases 2015 only).
  'UnitedStates.GovernmentBond': { onlyOurs: [], onlyQuantLib: ['2021-04-02', '2023-04-07', '2026-04-03'] },
  TARGET: { onlyOurs: [], onlyQuantLib: [] },
  // Juneteenth became a federal holiday on 2021-06-17 (Pub. L. 117-17) and was observed on Friday
  // 2021-06-18; QuantLib 1.29 starts it in 2022 for every market.
  'UnitedStates.Settlement': { onlyOurs: ['2021-06-18'], onlyQuantLib: [] },
};

const calendars: Record<string, Calendar> = {
  TARGET: new TARGET(),
  'UnitedStates.NYSE': new UnitedStates(UnitedStatesMarket.NYSE),
  'UnitedStates.GovernmentBond': new UnitedStates(UnitedStatesMarket.GovernmentBond),
  'UnitedStates.Settlement': new UnitedStates(UnitedStatesMarket.Settlement),
};

describe('holiday lists against QuantLib 1.29', () => {
  for (const [name, calendar] of Object.entries(calendars)) {
    it(`${name} 2015–2030`, () => {
      const ours = new Set(calendar.holidayList(Date.fromISO('2015-01-01'), Date.fromISO('2030-12-31')).map((d) => d.toISOString()));
      const theirs = new Set(ref[name]);
      expect([...ours].filter((d) => !theirs.has(d)).sort()).toEqual(laterRules[name]!.onlyOurs);
      expect([...theirs].filter((d) => !ours.has(d)).sort()).toEqual(laterRules[name]!.onlyQuantLib);
    });
  }
});
