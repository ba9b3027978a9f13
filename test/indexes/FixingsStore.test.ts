import { describe, expect, it } from 'vitest';
import { InvalidInputError, MissingFixingError } from '../../src/errors.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { Date } from '../../src/time/Date.js';

const d1 = Date.fromISO('2025-01-02');
const d2 = Date.fromISO('2025-01-03');

describe('FixingsStore', () => {
  it('stores and looks up fixings by case-insensitive name', () => {
    const store = new FixingsStore();
    store.addFixing('SOFRON Actual/360', d1, 0.0431);
    expect(store.fixing('sofron actual/360', d1)).toBe(0.0431);
    expect(store.hasFixing('SOFRON ACTUAL/360', d1)).toBe(true);
    expect(store.fixing('SOFRON Actual/360', d2)).toBeUndefined();
    expect(store.names()).toEqual(['SOFRON ACTUAL/360']);
  });

  it('keeps every history immutable: a history read earlier does not change', () => {
    const store = new FixingsStore();
    store.addFixing('X', d1, 0.01);
    const before = store.history('X');
    store.addFixing('X', d2, 0.02);
    expect(before).toEqual({ '2025-01-02': 0.01 });
    expect(store.history('X')).toEqual({ '2025-01-02': 0.01, '2025-01-03': 0.02 });
    expect(Object.isFrozen(before)).toBe(true);
    expect(() => {
      (store.history('X') as Record<string, number>)['2025-01-06'] = 1;
    }).toThrow(TypeError);
  });

  it('refuses a different value for a stored date unless overwriting is forced', () => {
    const store = new FixingsStore();
    store.addFixing('X', d1, 0.01);
    expect(() => store.addFixing('X', d1, 0.02)).toThrow(InvalidInputError);
    expect(() => store.addFixing('X', d1, 0.02)).toThrow(/values\[0\] = 0.02 .*0.01.*forceOverwrite/);
    store.addFixing('X', d1, 0.01); // same value: accepted, nothing changes
    store.addFixing('X', d1, 0.02, true);
    expect(store.fixing('X', d1)).toBe(0.02);
  });

  it('refuses an atomic batch with a bad entry and stores nothing from it', () => {
    const store = new FixingsStore();
    expect(() => store.addFixings('X', [d1, d2], [0.01, Number.NaN])).toThrow(/values\[1\] = NaN is outside the allowed range/);
    expect(() => store.addFixings('X', [d1, d1], [0.01, 0.02])).toThrow(InvalidInputError);
    expect(() => store.addFixings('X', [d1], [0.01, 0.02])).toThrow(/values.length = 2/);
    expect(store.history('X')).toEqual({});
  });

  it('notifies the observers of a name once per batch that changes something', () => {
    const store = new FixingsStore();
    let count = 0;
    const sub = store.notifier('x').changes$.subscribe(() => count++);
    store.addFixings('X', [d1, d2], [0.01, 0.02]);
    expect(count).toBe(1);
    store.addFixing('X', d1, 0.01); // unchanged
    expect(count).toBe(1);
    store.addFixing('Y', d1, 0.05); // another name
    expect(count).toBe(1);
    store.clearHistory('X');
    expect(count).toBe(2);
    sub.unsubscribe();
  });

  it('a missing fixing is an error naming the index and the date, never NaN', () => {
    const store = new FixingsStore();
    const read = () => store.requireFixing('Euribor6M Actual/360', d1);
    expect(read).toThrow(MissingFixingError);
    try {
      read();
    } catch (e) {
      expect((e as MissingFixingError).message).toMatch(/Euribor6M Actual\/360 fixing for 2025-01-02/);
      expect((e as MissingFixingError).details).toEqual({ index: 'Euribor6M Actual/360', date: '2025-01-02' });
      expect((e as MissingFixingError).code).toBe('MISSING_FIXING');
    }
  });
});
