import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { LocalVolSurface } from '../../../../termstructures/volatility/LocalVolSurface.js';
import { localVolGrid } from '../../../../termstructures/volatility/localVolGrid.js';
import { setToday } from '../../../_lib/market.js';
import { referenceProcess, smileSurface } from './_lib/referenceSurface.js';

beforeEach(setToday);

describe('localVolGrid', () => {
  const lv = () => LocalVolSurface.fromProcess(referenceProcess(smileSurface('bicubic')));

  it('row-major by time, equal to the pointwise local vols (extrapolation allowed)', () => {
    const surface = lv();
    const times = [0, 0.1, 1.5];
    const spots = [30, 80, 100, 120, 250];
    const grid = localVolGrid(surface, times, spots);
    expect(grid).toBeInstanceOf(Float64Array);
    expect(grid.length).toBe(15);
    times.forEach((t, i) => spots.forEach((s, j) => expect(grid[i * spots.length + j]).toBe(surface.localVol(t, s, true))));
  });

  it('writes into a given buffer', () => {
    const out = new Float64Array(2);
    expect(localVolGrid(lv(), [0.5], [90, 110], out)).toBe(out);
    expect(out.every((v) => v > 0.1 && v < 0.5)).toBe(true);
  });

  it('refuses empty axes, negative times, non-positive spots and a wrong buffer', () => {
    const s = lv();
    expect(() => localVolGrid(s, [], [100])).toThrow(/times\.length/);
    expect(() => localVolGrid(s, [1], [])).toThrow(/spots\.length/);
    expect(() => localVolGrid(s, [-1], [100])).toThrow(/times\[0\]/);
    expect(() => localVolGrid(s, [1], [100, 0])).toThrow(/spots\[1\]/);
    expect(() => localVolGrid(s, [1], [100, NaN])).toThrow(InvalidInputError);
    expect(() => localVolGrid(s, [1], [100], new Float64Array(2))).toThrow(/out\.length/);
  });
});
