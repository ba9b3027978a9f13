// @test SsviFittedSurface, EssviFittedSurface, SviFittedSurface: lazy refits on quote ticks (once per tick, once per transaction)
import { describe, expect, it, vi } from 'vitest';
import { Handle } from '../../../../src/patterns/Handle.js';
import { transaction } from '../../../../src/patterns/transaction.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { EssviFittedSurface } from '../../../../termstructures/volatility/ssvi/EssviFittedSurface.js';
import { fitEssviSurface } from '../../../../termstructures/volatility/ssvi/fitEssviSurface.js';
import { fitSsviSurface } from '../../../../termstructures/volatility/ssvi/fitSsviSurface.js';
import { SsviFittedSurface } from '../../../../termstructures/volatility/ssvi/SsviFittedSurface.js';
import { SsviSurface } from '../../../../termstructures/volatility/ssvi/SsviSurface.js';
import { fitSviSurface } from '../../../../termstructures/volatility/svi/fitSviSurface.js';
import { SviFittedSurface } from '../../../../termstructures/volatility/svi/SviFittedSurface.js';

const TRUTH = new SsviSurface({ times: [0.25, 1], thetas: [0.01, 0.04], forwards: [100, 100], rho: -0.6, phi: { type: 'powerLaw', eta: 1, gamma: 0.4 } });
const STRIKES = [70, 80, 90, 95, 100, 105, 110, 120];

function live(times: readonly number[] = [0.25, 1]) {
  return times.map((t) => {
    const vols = STRIKES.map((K) => TRUTH.blackVol(t, K));
    const fwd = new SimpleQuote(100);
    return { time: t, fwd, forward: new Handle<Quote>(fwd), strikes: STRIKES, bids: vols.map((v) => new SimpleQuote(v - 0.002)), asks: vols.map((v) => new SimpleQuote(v + 0.002)) };
  });
}

const cases = [
  { name: 'SsviFittedSurface', make: (q: ReturnType<typeof live>) => new SsviFittedSurface(q.map(asQuotes)), fit: fitSsviSurface, proto: SsviFittedSurface.prototype, times: [0.25, 1] },
  { name: 'EssviFittedSurface', make: (q: ReturnType<typeof live>) => new EssviFittedSurface(q.map(asQuotes)), fit: fitEssviSurface, proto: EssviFittedSurface.prototype, times: [0.25, 1] },
  // One expiry for SVI (each slice fit costs about a second on a loaded machine).
  { name: 'SviFittedSurface', make: (q: ReturnType<typeof live>) => new SviFittedSurface(q.map(asQuotes)), fit: fitSviSurface, proto: SviFittedSurface.prototype, times: [1] },
] as const;

function asQuotes(s: ReturnType<typeof live>[number]) {
  return { time: s.time, forward: s.forward, strikes: s.strikes, bidVols: s.bids.map((b) => new Handle<Quote>(b)), askVols: s.asks.map((a) => new Handle<Quote>(a)) };
}

describe.each(cases)('$name (a lazy surface fit on quotes)', ({ make, fit, proto, times }) => {
  it('fits on the first read, once per tick and once per transaction, never without a read, equal to the plain fit', () => {
    const spy = vi.spyOn(proto as unknown as { performCalculations: () => void }, 'performCalculations');
    try {
      const q = live(times);
      const surface = make(q);
      let notifications = 0;
      const sub = surface.changes$.subscribe(() => notifications++);
      expect(spy).toHaveBeenCalledTimes(0);
      const first = surface.fit();
      surface.blackVol(0.5, 95);
      surface.totalVarianceDerivatives(0.1, 0.5);
      expect(spy).toHaveBeenCalledTimes(1);
      const plain = fit(q.map((s) => ({ time: s.time, forward: 100, strikes: s.strikes, bidVols: s.bids.map((b) => b.value()), askVols: s.asks.map((a) => a.value()) })));
      expect(first.parameters).toEqual(plain.parameters);
      const before = surface.blackVol(1, 80);
      q[q.length - 1]!.bids[1]!.setValue(q[q.length - 1]!.bids[1]!.value() - 0.01);
      expect(notifications).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(surface.blackVol(1, 80)).not.toBe(before);
      surface.fit();
      expect(spy).toHaveBeenCalledTimes(2);
      transaction(() => {
        q[0]!.asks[2]!.setValue(q[0]!.asks[2]!.value() + 0.001);
        q[q.length - 1]!.asks[3]!.setValue(q[q.length - 1]!.asks[3]!.value() + 0.001);
        q[0]!.fwd.setValue(100.2);
      });
      expect(notifications).toBe(2);
      surface.fit();
      expect(spy).toHaveBeenCalledTimes(3);
      sub.unsubscribe();
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  it('caches a failed fit until the next tick, then recovers', () => {
    const q = live(times);
    const surface = make(q);
    const bid = q[0]!.bids[2]!.value();
    q[0]!.bids[2]!.setValue(-0.1);
    expect(() => surface.fit()).toThrow(/bidVols\[2\]/);
    expect(() => surface.blackVol(0.5, 100)).toThrow(/bidVols\[2\]/);
    q[0]!.bids[2]!.setValue(bid);
    expect(surface.fit().diagnostics.arbitrageFree).toBe(true);
  }, 60_000);
});
