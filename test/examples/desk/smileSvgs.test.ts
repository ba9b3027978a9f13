// @test examples/desk/smileSvgs: well-formed SVG, one file per expiry, every point inside the view box
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDesk } from '../../../examples/desk/buildDesk.js';
import { HEIGHT, smileSvg, WIDTH, writeSmileSvgs } from '../../../examples/desk/smileSvgs.js';

/** A minimal XML well-formedness check: balanced, properly nested tags with quoted attributes, no stray '<' or '&'. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const token = /<\/?([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    if (m[1] === undefined) return false;
    if (m[0].startsWith('</')) {
      if (stack.pop() !== m[1]) return false;
    } else if (m[3] !== '/') stack.push(m[1]);
  }
  return stack.length === 0;
}

/** Every x/y-like coordinate of the SVG, with its kind. */
function coordinates(svg: string): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (const m of svg.matchAll(/\s(x|x1|x2|cx|y|y1|y2|cy)="(-?[\d.]+)"/g)) (m[1]!.startsWith('x') || m[1] === 'cx' ? x : y).push(Number(m[2]));
  for (const m of svg.matchAll(/points="([^"]*)"/g)) {
    for (const p of m[1]!.split(' ')) {
      const [a, b] = p.split(',').map(Number);
      x.push(a!);
      y.push(b!);
    }
  }
  return { x, y };
}

describe('smile SVGs', () => {
  it('draws a well-formed chart whose points all lie inside the view box, curves cut where they leave the plot', () => {
    const k = [-0.2, -0.1, 0, 0.1];
    const svg = smileSvg({
      title: 'test <&> "chart"',
      k,
      bid: [0.3, 0.25, 0.2, 0.18],
      ask: [0.32, 0.26, 0.21, 0.19],
      mid: [0.31, 0.255, 0.205, 0.185],
      curves: [{ label: 'wild', color: '#ff0000', k: [-0.3, -0.2, -0.1, 0, 0.1, 0.2], vols: [5, 0.31, 0.25, 0.2, 0.19, -1] }],
    });
    expect(wellFormed(svg)).toBe(true);
    expect(wellFormed('<svg><g></svg>')).toBe(false); // the checker can fail
    const { x, y } = coordinates(svg);
    expect(x.length).toBeGreaterThan(20);
    for (const v of x) expect(v >= 0 && v <= WIDTH).toBe(true);
    for (const v of y) expect(v >= 0 && v <= HEIGHT).toBe(true);
    expect(svg).toContain('log-moneyness');
    expect(svg).toContain('implied vol');
    expect(svg).toContain('&lt;&amp;&gt;');
  });

  it('writes one SVG per expiry from the desk (first 3 expiries here; `npm start -- --svg <dir>` writes all 48)', () => {
    const desk = buildDesk({ bookSize: 50 });
    const dir = mkdtempSync(join(tmpdir(), 'smiles-'));
    try {
      const paths = writeSmileSvgs(desk, dir, { expiries: 3 });
      expect(paths).toHaveLength(3);
      expect(readdirSync(dir).sort()).toEqual(desk.slices.slice(0, 3).map((s) => `smile-${s.expiry}.svg`).sort());
      for (const p of paths) {
        const svg = readFileSync(p, 'utf8');
        expect(wellFormed(svg)).toBe(true);
        expect((svg.match(/<polyline/g) ?? []).length).toBeGreaterThanOrEqual(3);
        const { x, y } = coordinates(svg);
        for (const v of x) expect(v >= 0 && v <= WIDTH).toBe(true);
        for (const v of y) expect(v >= 0 && v <= HEIGHT).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
