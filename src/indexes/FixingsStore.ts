import { produce } from 'immer';
import { InvalidInputError, MissingFixingError } from '../errors.js';
import { Observable } from '../patterns/Observable.js';
import { Date } from '../time/Date.js';

/**
 * One index's fixing history: ISO date (`"2025-01-02"`) → fixing (a decimal rate, 0.0431 =
 * 4.31 %); deeply frozen.
 * @public
 */
export type FixingHistory = Readonly<Record<string, number>>;

const EMPTY: FixingHistory = Object.freeze({});

/** Index names are case-insensitive, as in QuantLib's IndexManager. */
function key(name: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw InvalidInputError.outOfRange('name', name, 'a non-empty index name');
  return name.trim().toUpperCase();
}

function checkDate(argument: string, d: Date): void {
  if (!(d instanceof Date)) throw InvalidInputError.outOfRange(argument, d, 'a quantflow Date');
}

function checkValue(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw InvalidInputError.outOfRange(argument, value, '(-∞, ∞), finite');
}

/**
 * The store of past index fixings: an immutable history per index name, observable by name.
 *
 * @remarks
 * Each history is a frozen record (ISO date → value) replaced, never mutated, by
 * {@link FixingsStore.addFixings}: a history read earlier stays as it was. Adding or clearing
 * fixings of an index notifies the observers of that name (see {@link FixingsStore.notifier}),
 * so indexes and the coupons that read them recompute. Names are compared case-insensitively.
 * `FixingsStore.instance` is the process-wide store that indexes use by default; separate
 * stores can be built for tests or sandboxes.
 * Source: QuantLib `ql/indexes/indexmanager.hpp` (fixings kept by upper-cased index name,
 * refusal of a different value for a stored date unless overwriting is forced) and
 * `ql/index.hpp` (`addFixing`, `addFixings`, `clearFixings`).
 * Checked against: `test/indexes/FixingsStore.test.ts` (immutability, duplicates,
 * notification counts, missing-fixing errors).
 *
 * @example
 * ```ts
 * import { Date, FixingsStore } from 'quantflow';
 * const store = new FixingsStore();
 * store.addFixing('SOFRON Actual/360', Date.fromISO('2025-01-02'), 0.0431);
 * store.fixing('sofron actual/360', Date.fromISO('2025-01-02')); //=> 0.0431
 * ```
 * @public
 */
export class FixingsStore {
  /** The process-wide store, used by every index unless given another. */
  static readonly instance: FixingsStore = new FixingsStore();

  #histories: Readonly<Record<string, FixingHistory>> = Object.freeze({});
  readonly #notifiers = new Map<string, Observable>();

  /**
   * The observable notified whenever the history of `name` changes (created on first use).
   * @param name - index name (case-insensitive).
   * @throws InvalidInputError when `name` is empty.
   */
  notifier(name: string): Observable {
    const k = key(name);
    let n = this.#notifiers.get(k);
    if (n === undefined) {
      n = new Observable();
      this.#notifiers.set(k, n);
    }
    return n;
  }

  /**
   * The history of an index (empty when none): a frozen record ISO date → value.
   * @param name - index name (case-insensitive).
   */
  history(name: string): FixingHistory {
    return this.#histories[key(name)] ?? EMPTY;
  }

  /** Whether a fixing of `name` is stored for `date`. */
  hasFixing(name: string, date: Date): boolean {
    checkDate('date', date);
    return this.history(name)[date.toISOString()] !== undefined;
  }

  /**
   * The stored fixing of `name` on `date`, or `undefined` when there is none.
   * @param name - index name (case-insensitive).
   * @param date - the fixing date.
   * @throws InvalidInputError when `date` is not a Date.
   */
  fixing(name: string, date: Date): number | undefined {
    checkDate('date', date);
    return this.history(name)[date.toISOString()];
  }

  /**
   * The stored fixing of `name` on `date`.
   * @throws MissingFixingError when there is none (naming the index and the date).
   */
  requireFixing(name: string, date: Date): number {
    const value = this.fixing(name, date);
    if (value === undefined) throw new MissingFixingError(name, date.toISOString());
    return value;
  }

  /**
   * Stores one fixing; see {@link FixingsStore.addFixings}.
   * @param name - index name.
   * @param date - fixing date.
   * @param value - the fixing, a decimal rate, finite.
   * @param forceOverwrite - replace a different stored value; default false.
   */
  addFixing(name: string, date: Date, value: number, forceOverwrite = false): void {
    this.addFixings(name, [date], [value], forceOverwrite);
  }

  /**
   * Stores fixings of one index in a single new history, then notifies the observers of that
   * name once (only if something changed).
   * @param name - index name (case-insensitive).
   * @param dates - fixing dates, same length as `values`.
   * @param values - fixings, decimal rates, finite.
   * @param forceOverwrite - replace stored values that differ; default false.
   * @throws InvalidInputError when the lengths differ, a date or value is invalid, a date
   * appears twice with different values, or a stored value differs and `forceOverwrite` is
   * false (nothing is stored then).
   */
  addFixings(name: string, dates: readonly Date[], values: readonly number[], forceOverwrite = false): void {
    const k = key(name);
    if (!Array.isArray(dates)) throw InvalidInputError.outOfRange('dates', dates, 'an array of Dates');
    if (!Array.isArray(values) || values.length !== dates.length) {
      throw InvalidInputError.outOfRange('values.length', Array.isArray(values) ? values.length : values, `{${dates.length}} (dates.length)`);
    }
    const old = this.#histories[k] ?? EMPTY;
    const incoming = new Map<string, number>();
    dates.forEach((d, i) => {
      checkDate(`dates[${i}]`, d);
      checkValue(`values[${i}]`, values[i]);
      const iso = d.toISOString();
      const seen = incoming.get(iso);
      if (seen !== undefined && seen !== values[i]) {
        throw InvalidInputError.outOfRange(`values[${i}]`, values[i], `{${seen}} (the value given earlier for ${name} on ${iso})`);
      }
      const stored = old[iso];
      if (!forceOverwrite && stored !== undefined && stored !== values[i]) {
        throw InvalidInputError.outOfRange(`values[${i}]`, values[i], `{${stored}} (the stored ${name} fixing for ${iso}; pass forceOverwrite to replace it)`);
      }
      incoming.set(iso, values[i]);
    });
    let changed = false;
    const next = produce(old, (draft: Record<string, number>) => {
      for (const [iso, v] of incoming) {
        if (draft[iso] !== v) {
          draft[iso] = v;
          changed = true;
        }
      }
    });
    if (!changed) return;
    this.#histories = Object.freeze({ ...this.#histories, [k]: next });
    this.#notifiers.get(k)?.notifyObservers();
  }

  /**
   * Forgets the history of one index and notifies its observers (if it had fixings).
   * @param name - index name (case-insensitive).
   */
  clearHistory(name: string): void {
    const k = key(name);
    if (this.#histories[k] === undefined) return;
    const rest: Record<string, FixingHistory> = { ...this.#histories };
    delete rest[k];
    this.#histories = Object.freeze(rest);
    this.#notifiers.get(k)?.notifyObservers();
  }

  /** Forgets every history, notifying the observers of each name that had fixings. */
  clearHistories(): void {
    for (const k of Object.keys(this.#histories)) this.clearHistory(k);
  }

  /** Names (upper-cased) of the indexes with a stored history. */
  names(): string[] {
    return Object.keys(this.#histories);
  }
}
