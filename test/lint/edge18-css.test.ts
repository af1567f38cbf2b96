/**
 * EdgeHTML 18 (the webview of Office builds without WebView2) ignores `gap`, `row-gap` and `column-gap` in flex
 * containers (MDN browser-compat-data: gap in flex layout from Chromium-based Edge 84; EdgeHTML knows only the
 * grid-* spellings of the grid gaps, grid-row-gap and grid-column-gap from Edge 16). So the task pane's own styles
 * (pane.css, inlined into taskpane.html, and the inline styles of src/ui and src/taskpane) space with margins: no
 * flex gap anywhere, and a grid's gap is also written grid-row-gap / grid-column-gap.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The innermost `selector { declarations }` blocks of a stylesheet (@media bodies included), comments removed. */
function rules(css: string): Array<{ selector: string; decls: Map<string, string> }> {
  const out: Array<{ selector: string; decls: Map<string, string> }> = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of m[2].split(';')) {
      const i = d.indexOf(':');
      if (i > 0) decls.set(d.slice(0, i).trim().toLowerCase(), d.slice(i + 1).trim());
    }
    out.push({ selector: m[1].trim(), decls });
  }
  return out;
}

/** What EdgeHTML 18 would get wrong in a stylesheet. */
function edge18Problems(css: string): string[] {
  const problems: string[] = [];
  for (const { selector, decls } of rules(css)) {
    const gaps = ['gap', 'row-gap', 'column-gap'].filter((p) => decls.has(p));
    if (!gaps.length) continue;
    if (decls.get('display') !== 'grid') {
      problems.push(`${selector}: ${gaps.join(', ')} outside a grid (EdgeHTML 18 ignores gap in flex layout)`);
      continue;
    }
    const rowGap = decls.get('row-gap') ?? decls.get('gap')?.split(/\s+/)[0];
    const colGap = decls.get('column-gap') ?? decls.get('gap')?.split(/\s+/).slice(-1)[0];
    if (rowGap && decls.get('grid-row-gap') !== rowGap) problems.push(`${selector}: grid row gap without grid-row-gap: ${rowGap}`);
    if (colGap && decls.get('grid-column-gap') !== colGap) problems.push(`${selector}: grid column gap without grid-column-gap: ${colGap}`);
  }
  return problems;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(tsx?|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the task pane’s styles space with margins that EdgeHTML 18 honours', () => {
  it('the check finds a flex gap, and a grid gap without its grid-* spelling', () => {
    expect(edge18Problems('.a { display: flex; gap: 8px; }')).toHaveLength(1);
    expect(edge18Problems('@media (x) { .a { display: flex; flex-direction: column; row-gap: 2px } }')).toHaveLength(1);
    expect(edge18Problems('.g { display: grid; column-gap: 8px; row-gap: 2px; }')).toHaveLength(2);
    expect(edge18Problems('.g { display: grid; grid-column-gap: 8px; grid-row-gap: 2px; column-gap: 8px; row-gap: 2px; }')).toEqual([]);
    expect(edge18Problems('.a { display: flex; } .a > :not(:last-child) { margin-bottom: 8px; }')).toEqual([]);
  });

  it('pane.css has no flex gap, and its grid gaps are spelled for EdgeHTML too', () => {
    const css = fs.readFileSync(path.join(ROOT, 'src', 'ui', 'pane.css'), 'utf8');
    expect(rules(css).length).toBeGreaterThan(50);
    expect(edge18Problems(css)).toEqual([]);
  });

  it('no inline style or makeStyles in the pane sets gap, rowGap or columnGap', () => {
    const files = [...sources(path.join(ROOT, 'src', 'ui')), ...sources(path.join(ROOT, 'src', 'taskpane'))];
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\b(gap|rowGap|columnGap|row-gap|column-gap)\s*:/g)) found.push(`${path.relative(ROOT, f)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
