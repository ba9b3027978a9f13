// Inferred types of the public generics, pinned.
import type { Observable as RxObservable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import {
  Handle,
  RelinkableHandle,
  SimpleQuote,
  transaction,
  type PricingResult,
  type Quote,
  type VanillaOption,
} from '../../src/index.js';
import { europeanOption, OptionType } from '../_lib/market.js';

describe('public generic types', () => {
  it('Handle<T> and RelinkableHandle<T> return their T', () => {
    const h = new Handle(new SimpleQuote(1));
    expectTypeOf(h.currentLink()).toEqualTypeOf<SimpleQuote>();
    const r = new RelinkableHandle<Quote>(new SimpleQuote(2));
    expectTypeOf(r.currentLink()).toEqualTypeOf<Quote>();
    expectTypeOf(r.linkTo).parameter(0).toEqualTypeOf<Quote | null>();
  });

  it('transaction returns what its block returns', () => {
    expectTypeOf(transaction(() => 42)).toEqualTypeOf<number>();
    expectTypeOf(transaction(() => 'x' as const)).toEqualTypeOf<'x'>();
  });

  it('with() returns the instrument class, results$ streams PricingResult', () => {
    const o = europeanOption(OptionType.Call, 100, 30);
    expectTypeOf(o.with(() => undefined)).toEqualTypeOf<VanillaOption>();
    expectTypeOf(o.results$).toEqualTypeOf<RxObservable<PricingResult>>();
    expectTypeOf(new SimpleQuote(1).value$).toEqualTypeOf<RxObservable<number>>();
  });
});
