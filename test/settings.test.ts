import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';

afterEach(() => Settings.instance.evaluationDate.reset());

describe('Settings.evaluationDate', () => {
  it('defaults to today and is observable', () => {
    const e = Settings.instance.evaluationDate;
    e.reset();
    expect(e.value().equals(Date.todaysDate())).toBe(true);
    const seen: string[] = [];
    const sub = e.value$.subscribe((d) => seen.push(d.toISOString()));
    e.set(Date.fromISO('2023-02-15'));
    e.set(Date.fromISO('2023-02-15')); // same date: no notification
    e.set(Date.fromISO('2023-02-16'));
    expect(seen.slice(1)).toEqual(['2023-02-15', '2023-02-16']);
    sub.unsubscribe();
  });

  it('refuses a JavaScript Date', () => {
    expect(() => Settings.instance.evaluationDate.set(new globalThis.Date() as unknown as Date)).toThrow(/quantflow Date/);
  });
});
