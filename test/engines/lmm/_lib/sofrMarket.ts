import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LmmCapletQuote, LmmSwaptionQuote } from '../../../../engines/lmm/calibrateLiborMarketModel.js';

const dir = new URL('../../../../data/usd-sofr-caps-swaptions/', import.meta.url);

/**
 * The SOFR market of 2025-01-31 on a quarterly tenor structure T = 0.25 … 10 (data set's own
 * curve and stripped Black caplet vols; ATM normal swaption matrix 1–5Y × 1–5Y in rate units).
 */
export function sofrMarket20250131(): { rateTimes: number[]; discounts: number[]; caplets: LmmCapletQuote[]; swaptions: LmmSwaptionQuote[] } {
  const curve = parse(readFileSync(new URL('cap_curves_2025-01-31.csv', dir), 'utf8'), { columns: true }) as Record<string, string>[];
  const rateTimes = curve.map((r) => Number(r['tenor']));
  const discounts = curve.map((r) => Number(r['discounts']));
  // "fwd vols" at tenor T_e is the caplet on the quarter ending at T_e: forward index T_e/0.25 − 2.
  // Sub-1-year vols are the data set's synthetic extrapolation (README): keep fixings ≥ 1Y.
  const caplets: LmmCapletQuote[] = curve
    .map((r) => ({ te: Number(r['tenor']), vol: Number(r['fwd vols']) }))
    .filter((c) => c.te >= 1.25 && c.vol > 0)
    .map((c) => ({ index: Math.round(c.te / 0.25) - 2, volatility: c.vol }));
  const rows = parse(readFileSync(new URL('swaption_ivols_2025-01-31.normal_vol_ATM.csv', dir), 'utf8')) as string[][];
  const header = rows[0]!;
  const last = rows.find((r) => r[0] === '2025-01-31')!;
  const swaptions: LmmSwaptionQuote[] = [];
  for (let e = 1; e <= 5; e++) {
    for (let t = 1; t <= 5; t++) {
      const col = header.indexOf(`USSNA${e}${t} SMKO Curncy`);
      const start = 4 * e - 1;
      swaptions.push({ start, end: start + 4 * t, fixedEvery: 4, volatility: Number(last[col]) / 1e4, kind: 'normal' });
    }
  }
  return { rateTimes, discounts, caplets, swaptions };
}
