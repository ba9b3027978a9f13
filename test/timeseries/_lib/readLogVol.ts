// Log-volatility series of the Hurst tests and bench from the committed data files.
import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);

/** log σ = ½ log RV of the Oxford-Man SPX 5-minute realized variance (`SPX2.rv`), blank rows dropped. */
export function spxLogVol(): Float64Array {
  const lines = readFileSync(new URL('data/spx-realized-variance/OxRealizedVol_SPX.csv', root), 'utf8').split('\r');
  const out: number[] = [];
  for (const line of lines.slice(3)) {
    const cell = line.split(',')[1] ?? '';
    const rv = Number(cell);
    if (cell !== '' && rv > 0) out.push(0.5 * Math.log(rv));
  }
  return Float64Array.from(out);
}

/** log VIX close (Cboe's `VIX_History.csv`), oldest first. */
export function vixLogVol(): Float64Array {
  const lines = readFileSync(new URL('data/vix/VIX_History.csv', root), 'utf8').split(/\r?\n/).slice(1);
  return Float64Array.from(lines.filter((l) => l.trim() !== '').map((l) => Math.log(Number(l.split(',')[4]))));
}
