// @test readCboeChain
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCboeChain } from '../../../examples/desk/data/readCboeChain.js';
import { expectInputError } from './_lib/expectInputError.js';

const root = new URL('../../..', import.meta.url);
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const SPX_FILE = fileURLToPath(new URL('data/spx-chain-cboe-20230914/spx_quotedata.csv', root));

describe('readCboeChain on the 2023-09-14 SPX chain', () => {
  const chain = readCboeChain(SPX_FILE);
  it('matches the counts and preamble the data README documents', () => {
    expect(chain.underlying).toBe('Standard & Poors 500 Index');
    expect(chain.spot).toBe(4505.1001);
    expect([chain.quoteDate, chain.quoteTime, chain.timeZone]).toEqual(['2023-09-14', '16:31', 'EDT']);
    expect(chain.rows.length).toBe(9960);
    expect(chain.skipped.count).toBe(0);
    expect(chain.rows.filter((r) => r.root === 'SPXW').length).toBe(6817);
    expect(chain.rows.filter((r) => r.root === 'SPX').length).toBe(3143);
    expect(new Set(chain.rows.map((r) => r.expiry)).size).toBe(53);
    // README: 9,222 calls and 9,217 puts have a two-sided quote.
    expect(chain.rows.filter((r) => r.callBid > 0 && r.callAsk > 0).length).toBe(9222);
    expect(chain.rows.filter((r) => r.putBid > 0 && r.putAsk > 0).length).toBe(9217);
    expect(chain.rows[0]).toEqual({
      expiry: '2023-09-14', root: 'SPXW', strike: 1200, callSymbol: 'SPXW230914C01200000', putSymbol: 'SPXW230914P01200000',
      callBid: 3300.1, callAsk: 3319.8, putBid: 0, putAsk: 0.05, callIv: 0, putIv: 0,
    });
  });
});

describe('readCboeChain on fixtures', () => {
  it('keeps the good rows and counts every bad row exactly, with its line', () => {
    const chain = readCboeChain(fixture('cboe-small.csv'));
    expect(chain.rows.map((r) => [r.expiry, r.root, r.strike])).toEqual([
      ['2023-10-13', 'SPXW', 4500],
      ['2023-10-20', 'SPX', 4500],
    ]);
    expect(chain.quoteTime).toBe('09:05');
    expect(chain.skipped.count).toBe(6);
    expect(chain.skipped.reasons).toEqual({
      'wrong number of columns': 1,
      'invalid Expiration Date': 1,
      'invalid Strike': 1,
      'invalid Calls': 1,
      'invalid Puts': 1,
      'invalid Bid': 1,
    });
    expect(chain.skipped.examples[0]).toMatch(/^line 6: wrong number of columns/);
  });

  it('names the file, line and column of a bad header or preamble', () => {
    const e = expectInputError(() => readCboeChain(fixture('cboe-bad-header.csv')), ['cboe-bad-header.csv', 'line 4', 'column 12 (Strike)']);
    expect(e.details).toMatchObject({ line: 4, column: 12 });
    expectInputError(() => readCboeChain(fixture('cboe-bad-date.csv')), ['cboe-bad-date.csv', 'line 3', 'Date']);
    expectInputError(() => readCboeChain(fixture('empty.csv')), ['empty.csv', 'line 1']);
    expectInputError(() => readCboeChain(fixture('no-such-file.csv')), ['no-such-file.csv', 'a readable file']);
  });
});
