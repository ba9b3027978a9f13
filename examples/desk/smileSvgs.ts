// One SVG per expiry of the desk's smiles: market bid/ask bars and mids against the fitted SVI
// (calendar-constrained surface), eSSVI and SABR curves, in implied vol against log-moneyness.
// Hand-written SVG (no dependency); `npm start -- --svg <dir>` writes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatheralOptionChain } from '../../src/marketdata/gatheralOptionChain.js';
import type { OptionChainSlice } from '../../src/marketdata/OptionChainSlice.js';
import { readTextFile } from '../../src/marketdata/node/_lib/readTextFile.js';
import { fitSabrSmile } from '../../termstructures/volatility/sabr/fitSabrSmile.js';
import { sabrVolatility } from '../../termstructures/volatility/sabr/sabrVolatility.js';
import { EssviSurface } from '../../termstructures/volatility/ssvi/EssviSurface.js';
import { fitEssviSurface } from '../../termstructures/volatility/ssvi/fitEssviSurface.js';
import { fitSviSurface } from '../../termstructures/volatility/svi/fitSviSurface.js';
import { SviSurface } from '../../termstructures/volatility/svi/SviSurface.js';
import { dataDir, quoteDate, type Desk } from './buildDesk.js';

/** A fitted curve: vols (decimals) at log-moneyness points. */
export interface SmileCurve {
  readonly label: string;
  readonly color: string;
  readonly k: ArrayLike<number>;
  readonly vols: ArrayLike<number>;
}

/** One expiry's chart: market quotes (k = ln(K/F), vols as decimals) and fitted curves. */
export interface SmileChart {
  readonly title: string;
  readonly k: ArrayLike<number>;
  readonly bid: ArrayLike<number>;
  readonly ask: ArrayLike<number>;
  readonly mid: ArrayLike<number>;
  readonly curves: readonly SmileCurve[];
}

export const WIDTH = 720;
export const HEIGHT = 440;
const M = { left: 64, right: 150, top: 36, bottom: 48 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number) => x.toFixed(2);

/** Round tick step for a range: 1, 2 or 5 × 10ⁿ giving about `count` ticks. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

/**
 * The SVG text of one chart: axes with ticks (x = log-moneyness, y = implied vol in %), bid/ask
 * bars, mid dots, one polyline per curve (cut where it leaves the plot), a legend. Every
 * coordinate lies inside the 720 × 440 view box.
 */
export function smileSvg(chart: SmileChart): string {
  const n = chart.k.length;
  let kMin = Infinity;
  let kMax = -Infinity;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let i = 0; i < n; i++) {
    kMin = Math.min(kMin, chart.k[i] as number);
    kMax = Math.max(kMax, chart.k[i] as number);
    vMin = Math.min(vMin, chart.bid[i] as number);
    vMax = Math.max(vMax, chart.ask[i] as number);
  }
  const kPad = 0.05 * Math.max(kMax - kMin, 1e-3);
  kMin -= kPad;
  kMax += kPad;
  const vPad = 0.08 * Math.max(vMax - vMin, 1e-3);
  vMin = Math.max(0, vMin - vPad);
  vMax += vPad;
  const pw = WIDTH - M.left - M.right;
  const ph = HEIGHT - M.top - M.bottom;
  const x = (k: number) => M.left + ((k - kMin) / (kMax - kMin)) * pw;
  const y = (v: number) => M.top + (1 - (v - vMin) / (vMax - vMin)) * ph;
  const inside = (k: number, v: number) => Number.isFinite(v) && k >= kMin && k <= kMax && v >= vMin && v <= vMax;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${f(M.left)}" y="20" font-size="13">${esc(chart.title)}</text>`);
  // Axes and ticks.
  out.push(`<line x1="${f(M.left)}" y1="${f(M.top + ph)}" x2="${f(M.left + pw)}" y2="${f(M.top + ph)}" stroke="black"/>`);
  out.push(`<line x1="${f(M.left)}" y1="${f(M.top)}" x2="${f(M.left)}" y2="${f(M.top + ph)}" stroke="black"/>`);
  const ks = tickStep(kMax - kMin, 6);
  for (let t = Math.ceil(kMin / ks) * ks; t <= kMax + 1e-12; t += ks) {
    out.push(`<line x1="${f(x(t))}" y1="${f(M.top + ph)}" x2="${f(x(t))}" y2="${f(M.top + ph + 4)}" stroke="black"/>`);
    out.push(`<text x="${f(x(t))}" y="${f(M.top + ph + 16)}" text-anchor="middle">${(Math.abs(t) < 1e-12 ? 0 : t).toFixed(ks < 0.01 ? 3 : 2)}</text>`);
  }
  const vs = tickStep(vMax - vMin, 6);
  for (let t = Math.ceil(vMin / vs) * vs; t <= vMax + 1e-12; t += vs) {
    out.push(`<line x1="${f(M.left - 4)}" y1="${f(y(t))}" x2="${f(M.left)}" y2="${f(y(t))}" stroke="black"/>`);
    out.push(`<text x="${f(M.left - 6)}" y="${f(y(t) + 4)}" text-anchor="end">${(100 * t).toFixed(vs < 0.01 ? 1 : 0)}</text>`);
  }
  out.push(`<text x="${f(M.left + pw / 2)}" y="${f(HEIGHT - 10)}" text-anchor="middle">log-moneyness k = ln(K/F)</text>`);
  out.push(`<text x="14" y="${f(M.top + ph / 2)}" text-anchor="middle" transform="rotate(-90 14 ${f(M.top + ph / 2)})">implied vol (%)</text>`);
  // Market: bid/ask bars and mids.
  out.push('<g stroke="#999999" stroke-width="1">');
  for (let i = 0; i < n; i++) {
    const k = chart.k[i] as number;
    out.push(`<line x1="${f(x(k))}" y1="${f(y(chart.bid[i] as number))}" x2="${f(x(k))}" y2="${f(y(chart.ask[i] as number))}"/>`);
  }
  out.push('</g>');
  out.push('<g fill="black">');
  for (let i = 0; i < n; i++) {
    const k = chart.k[i] as number;
    const v = chart.mid[i] as number;
    if (inside(k, v)) out.push(`<circle cx="${f(x(k))}" cy="${f(y(v))}" r="1.5"/>`);
  }
  out.push('</g>');
  // Curves, cut into runs that stay inside the plot.
  for (const c of chart.curves) {
    const runs: string[][] = [[]];
    for (let i = 0; i < c.k.length; i++) {
      const k = c.k[i] as number;
      const v = c.vols[i] as number;
      if (inside(k, v)) (runs[runs.length - 1] as string[]).push(`${f(x(k))},${f(y(v))}`);
      else if ((runs[runs.length - 1] as string[]).length > 0) runs.push([]);
    }
    for (const r of runs) if (r.length > 1) out.push(`<polyline fill="none" stroke="${esc(c.color)}" stroke-width="1.5" points="${r.join(' ')}"/>`);
  }
  // Legend.
  const lx = M.left + pw + 14;
  let ly = M.top + 8;
  out.push(`<line x1="${f(lx)}" y1="${f(ly - 6)}" x2="${f(lx)}" y2="${f(ly + 4)}" stroke="#999999"/><text x="${f(lx + 22)}" y="${f(ly + 2)}">bid/ask</text>`);
  ly += 18;
  out.push(`<circle cx="${f(lx)}" cy="${f(ly - 2)}" r="2" fill="black"/><text x="${f(lx + 22)}" y="${f(ly + 2)}">mid</text>`);
  for (const c of chart.curves) {
    ly += 18;
    out.push(`<line x1="${f(lx - 8)}" y1="${f(ly - 2)}" x2="${f(lx + 12)}" y2="${f(ly - 2)}" stroke="${esc(c.color)}" stroke-width="2"/><text x="${f(lx + 22)}" y="${f(ly + 2)}">${esc(c.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Options of {@link writeSmileSvgs}. */
export interface SmileSvgOptions {
  /** Only the first `expiries` of the desk's expiries (default all 48). */
  readonly expiries?: number;
}

/**
 * Fits the desk's expiries (SVI surface with calendar floors, eSSVI, SABR per expiry) and writes
 * `smile-<expiry>.svg` per expiry into `dir` (created if missing). Bid/ask vols come from the
 * desk's chain file (the desk keeps mids only), matched by expiry.
 * @returns the paths written, in expiry order.
 */
export function writeSmileSvgs(desk: Desk, dir: string, options: SmileSvgOptions = {}): string[] {
  const { file, text } = readTextFile(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', dataDir));
  const byExpiry = new Map(gatheralOptionChain(text, { file, quoteDate }).slices.map((s) => [s.expiry, s]));
  const count = Math.min(options.expiries ?? desk.slices.length, desk.slices.length);
  const slices: OptionChainSlice[] = desk.slices.slice(0, count).map((d) => {
    const s = byExpiry.get(d.expiry);
    if (s === undefined) throw new Error(`smileSvgs: expiry ${d.expiry} of the desk is not in the chain file`);
    return s;
  });
  const svi = new SviSurface(fitSviSurface(slices).parameters);
  const essvi = new EssviSurface(fitEssviSurface(slices).parameters);
  const sabr = slices.map((s) => fitSabrSmile(s));
  mkdirSync(dir, { recursive: true });
  return slices.map((s, i) => {
    const k = Float64Array.from(s.strikes, (K) => Math.log(K / s.forward));
    const k0 = k[0] as number;
    const k1 = k[k.length - 1] as number;
    const grid = Float64Array.from({ length: 161 }, (_x, j) => k0 + ((k1 - k0) * j) / 160);
    const vol = (w: number) => Math.sqrt(Math.max(w, 0) / s.time);
    const p = (sabr[i] as (typeof sabr)[number]).parameters;
    const chart: SmileChart = {
      title: `SPX ${s.expiry} (T = ${s.time.toFixed(3)} y, F = ${s.forward.toFixed(1)}), quoted ${quoteDate}`,
      k,
      bid: s.bidVols,
      ask: s.askVols,
      mid: s.midVols,
      curves: [
        { label: 'SVI (surface)', color: '#1f77b4', k: grid, vols: grid.map((x) => vol(svi.totalVarianceDerivatives(x, s.time).w)) },
        { label: 'eSSVI', color: '#d62728', k: grid, vols: grid.map((x) => vol(essvi.totalVarianceDerivatives(x, s.time).w)) },
        { label: 'SABR', color: '#2ca02c', k: grid, vols: grid.map((x) => sabrVolatility(s.forward * Math.exp(x), s.forward, s.time, p)) },
      ],
    };
    const path = join(dir, `smile-${s.expiry}.svg`);
    writeFileSync(path, smileSvg(chart));
    return path;
  });
}
