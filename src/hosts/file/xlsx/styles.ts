/**
 * The workbook's style sheet (xl/styles.xml), extended with the formats the output sheets use.
 *
 * What is there stays there, in place and in order: the cell formats of the input sheets keep their
 * numbers. Our fonts, fills, borders, number formats and cell formats are appended — or found, when a
 * format with exactly the same XML is already there (a second run adds nothing). Fonts start from
 * the workbook's default font (font 0: its size and name), so output text looks like the rest.
 */
import type { RangeStyle } from '../../../workbook/snapshot';
import { attrs, esc, rootPrefix, setAttr } from './xml';

/** A composed cell format: range styles merged over each other, plus the link look. */
export interface CellFormat {
  fill?: string; // RRGGBB
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  numberFormat?: string;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
}

const BORDER_COLOR = 'FFBFBFBF';
const LINK_COLOR = '0563C1';

/** A range style over a cell format: a new object, the inputs untouched. */
export function compose(base: CellFormat, s: RangeStyle): CellFormat {
  const out: CellFormat = { ...base };
  if (s.fill) out.fill = s.fill;
  if (s.fontColor) out.fontColor = s.fontColor;
  if (s.bold !== undefined) out.bold = s.bold;
  if (s.italic !== undefined) out.italic = s.italic;
  if (s.size !== undefined) out.size = s.size;
  if (s.numberFormat) out.numberFormat = s.numberFormat;
  if (s.horizontal) out.horizontal = s.horizontal;
  if (s.wrap !== undefined) out.wrap = s.wrap;
  if (s.border) out.border = true;
  return out;
}

/** The look of a link cell: underlined, link blue unless the cell has a colour of its own. */
export function linkFormat(base: CellFormat): CellFormat {
  return { ...base, underline: true, fontColor: base.fontColor ?? LINK_COLOR };
}

/** An RRGGBB colour as SpreadsheetML's opaque ARGB. */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
}

/** Built-in number formats (ECMA-376 §18.8.30) by code. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** One collection of a style sheet (<fonts>, <fills>, <borders>, <cellXfs>): its items' XML and an index by XML. */
class Collection {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(
    readonly tag: string, // collection element, e.g. "fonts"
    readonly item: string, // item element, e.g. "font"
    readonly body: string | null, // inner XML as found (null: absent)
    readonly prefix: string,
  ) {
    if (body) {
      const re = new RegExp(`<${prefix}${item}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${prefix}${item}>)`, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(body))) {
        this.items.push(m[0]);
        if (!this.index.has(m[0])) this.index.set(m[0], this.items.length - 1);
      }
    }
  }
  /** Index of an item with exactly this XML (added when new). */
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.added.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function section(xml: string, prefix: string, tag: string): { whole: string; open: string; body: string } | null {
  const full = new RegExp(`(<${prefix}${tag}(?:\\s[^>]*)?>)([\\s\\S]*?)</${prefix}${tag}>`).exec(xml);
  if (full && !full[1].endsWith('/>')) return { whole: full[0], open: full[1], body: full[2] };
  const selfClosing = new RegExp(`<${prefix}${tag}(?:\\s[^>]*)?/>`).exec(xml);
  if (selfClosing) return { whole: selfClosing[0], open: selfClosing[0].replace(/\s*\/>$/, '>'), body: '' };
  return null;
}

/** Child order of <styleSheet> (CT_Stylesheet), for inserting a collection the sheet lacks. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleBook {
  private readonly p: string;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly xfs: Collection;
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: string[] = [];
  private nextNumFmt = 164;
  private readonly hasStyleXfs: boolean;
  private readonly baseFont: { sz: string; name: string | null; family: string | null; charset: string | null };
  private readonly byKey = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const get = (tag: string, item: string) => new Collection(tag, item, section(xml, this.p, tag)?.body ?? null, this.p);
    this.fonts = get('fonts', 'font');
    this.fills = get('fills', 'fill');
    this.borders = get('borders', 'border');
    this.xfs = get('cellXfs', 'xf');
    this.hasStyleXfs = !!section(xml, this.p, 'cellStyleXfs')?.body.includes('xf');
    const nf = section(xml, this.p, 'numFmts');
    if (nf) {
      for (const m of nf.body.matchAll(new RegExp(`<${this.p}numFmt\\s[^>]*>`, 'g'))) {
        const a = attrs(m[0]);
        const id = Number(a.get('numFmtId'));
        const code = a.get('formatCode');
        if (Number.isInteger(id) && code !== undefined) {
          if (!this.numFmts.has(code)) this.numFmts.set(code, id);
          if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
        }
      }
    }
    // Excel needs the two reserved fills (none, gray125) before any other.
    if (this.fills.items.length === 0) {
      this.fills.id(`<${this.p}fill><${this.p}patternFill patternType="none"/></${this.p}fill>`);
      this.fills.id(`<${this.p}fill><${this.p}patternFill patternType="gray125"/></${this.p}fill>`);
    }
    const f0 = this.fonts.items[0] ?? '';
    const val = (tag: string) => {
      const m = new RegExp(`<${this.p}${tag}\\s[^>]*>`).exec(f0);
      return m ? (attrs(m[0]).get('val') ?? null) : null;
    };
    this.baseFont = { sz: val('sz') ?? '11', name: val('name'), family: val('family'), charset: val('charset') };
    if (this.fonts.items.length === 0) this.fonts.id(this.fontXml({}));
    if (this.borders.items.length === 0) this.borders.id(this.borderXml(false));
    if (this.xfs.items.length === 0) this.xfs.id(`<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  }

  private fontXml(f: CellFormat): string {
    const p = this.p;
    const b = this.baseFont;
    let x = `<${p}font>`;
    if (f.bold) x += `<${p}b/>`;
    if (f.italic) x += `<${p}i/>`;
    if (f.underline) x += `<${p}u/>`;
    x += `<${p}sz val="${f.size ?? b.sz}"/>`;
    if (f.fontColor) x += `<${p}color rgb="${argb(f.fontColor)}"/>`;
    if (b.name !== null) x += `<${p}name val="${esc(b.name)}"/>`;
    if (b.family !== null) x += `<${p}family val="${esc(b.family)}"/>`;
    if (b.charset !== null) x += `<${p}charset val="${esc(b.charset)}"/>`;
    return `${x}</${p}font>`;
  }

  private borderXml(thin: boolean): string {
    const p = this.p;
    const side = (n: string) => (thin ? `<${p}${n} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${n}>` : `<${p}${n}/>`);
    return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
  }

  private numFmtId(code: string | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      this.addedNumFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    }
    return id;
  }

  /** The cellXfs index of a format (0 = the workbook's default format, for a format with nothing set). */
  xf(f: CellFormat): number {
    const key = JSON.stringify(f);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const hasFont = !!(f.bold || f.italic || f.underline || f.size !== undefined || f.fontColor);
    const fontId = hasFont ? this.fonts.id(this.fontXml(f)) : 0;
    const fillId = f.fill
      ? this.fills.id(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(f.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const borderId = f.border ? this.borders.id(this.borderXml(true)) : 0;
    const numFmtId = this.numFmtId(f.numberFormat);
    const align = f.horizontal !== undefined || f.wrap !== undefined;
    let x = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasStyleXfs ? ' xfId="0"' : ''}`;
    if (numFmtId) x += ' applyNumberFormat="1"';
    if (hasFont) x += ' applyFont="1"';
    if (fillId) x += ' applyFill="1"';
    if (borderId) x += ' applyBorder="1"';
    if (align) {
      x += ` applyAlignment="1"><${p}alignment`;
      if (f.horizontal) x += ` horizontal="${f.horizontal}"`;
      x += ' vertical="center"';
      if (f.wrap) x += ' wrapText="1"';
      x += `/></${p}xf>`;
    } else x += '/>';
    const id = key === '{}' ? 0 : this.xfs.id(x);
    this.byKey.set(key, id);
    return id;
  }

  /** Did this run add anything to the style sheet? */
  get changed(): boolean {
    return this.fonts.added.length + this.fills.added.length + this.borders.added.length + this.xfs.added.length + this.addedNumFmts.length > 0;
  }

  /** The style sheet with what this run added. */
  toXml(): string {
    let xml = this.xml;
    const put = (tag: string, added: string[], total: number) => {
      if (added.length === 0) return;
      const p = this.p;
      const s = section(xml, p, tag);
      const body = (s?.body ?? '') + added.join('');
      // The collection's own attributes (x14ac:knownFonts…) stay; only its count changes.
      const whole = `${setAttr(s?.open ?? `<${p}${tag}>`, 'count', String(total))}${body}</${p}${tag}>`;
      if (s) {
        xml = xml.replace(s.whole, () => whole);
        return;
      }
      // Insert before the first later sibling that exists, else before </styleSheet>.
      for (const later of ORDER.slice(ORDER.indexOf(tag) + 1)) {
        const m = new RegExp(`<${p}${later}[\\s>/]`).exec(xml);
        if (m) {
          xml = xml.slice(0, m.index) + whole + xml.slice(m.index);
          return;
        }
      }
      const end = xml.lastIndexOf(`</${p}styleSheet>`);
      xml = xml.slice(0, end) + whole + xml.slice(end);
    };
    const nf = section(xml, this.p, 'numFmts');
    const nfCount = (nf ? (nf.body.match(new RegExp(`<${this.p}numFmt\\s`, 'g')) ?? []).length : 0) + this.addedNumFmts.length;
    put('numFmts', this.addedNumFmts, nfCount);
    put('fonts', this.fonts.added, this.fonts.items.length);
    put('fills', this.fills.added, this.fills.items.length);
    put('borders', this.borders.added, this.borders.items.length);
    put('cellXfs', this.xfs.added, this.xfs.items.length);
    return xml;
  }
}
