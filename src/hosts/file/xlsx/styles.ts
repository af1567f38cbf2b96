/**
 * The workbook's style sheet (xl/styles.xml), extended with the formats the output sheets use, edited as a
 * namespace-aware DOM (@xmldom/xmldom): comments, prefixes, extension elements and attribute values with
 * any characters (`formatCode="[>=100]0;0"`) are read as XML, never as text patterns.
 *
 * What is there stays there, in place and in order: the cell formats of the input sheets keep their
 * numbers. Our fonts, fills, borders, number formats and cell formats are appended — or found, when an
 * item with the same content is already there (compared as XML: names, attributes, children; prefixes
 * and whitespace aside), so a second run adds nothing. Fonts start from the workbook's default font
 * (font 0: its size and name), so output text looks like the rest.
 */
import type { RangeStyle } from '../../../workbook/snapshot';
import { PackageError } from '../package/archive';
import { childElements, createLike, mainChild, mainChildren, parseXml, serializeXml } from '../package/xml';
import type { Document, Element } from '../package/xml';

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
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Font name; the workbook's default font's when absent. */
  font?: string;
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
  if (s.vertical) out.vertical = s.vertical;
  if (s.font) out.font = s.font;
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

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** An element's content as a comparable key: local names, attributes (sorted), children; no prefixes, no whitespace. */
function canonical(e: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i)!;
    if (a.namespaceURI === XMLNS || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    attrs.push(`${a.namespaceURI ? `{${a.namespaceURI}}` : ''}${a.localName}=${a.value}`);
  }
  attrs.sort();
  return `<${e.namespaceURI ?? ''}|${e.localName} ${attrs.join(' ')}>${childElements(e).map(canonical).join('')}</>`;
}

/** Child order of <styleSheet> (CT_Stylesheet), for inserting a collection the sheet lacks. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** One collection of the style sheet (<fonts>, <fills>, <borders>, <cellXfs>, <numFmts>). */
class Collection {
  private element: Element | null;
  private readonly index = new Map<string, number>();
  count: number;
  added = 0;

  constructor(
    private readonly root: Element,
    private readonly tag: string,
    private readonly item: string,
  ) {
    this.element = mainChild(root, tag);
    const items = this.element ? mainChildren(this.element, item) : [];
    items.forEach((e, i) => {
      const k = canonical(e);
      if (!this.index.has(k)) this.index.set(k, i);
    });
    this.count = items.length;
  }

  items(): Element[] {
    return this.element ? mainChildren(this.element, this.item) : [];
  }

  /** The index of an item with this content; appended when there is none. */
  id(e: Element): number {
    const k = canonical(e);
    const known = this.index.get(k);
    if (known !== undefined) return known;
    this.append(e);
    this.index.set(k, this.count - 1);
    return this.count - 1;
  }

  /** Append an item (no lookup). */
  append(e: Element): void {
    if (!this.element) this.element = this.create();
    this.element.appendChild(e);
    this.count++;
    this.added++;
    // The collection's own attributes (x14ac:knownFonts…) stay; only its count changes.
    this.element.setAttribute('count', String(this.count));
  }

  private create(): Element {
    const el = createLike(this.root, this.tag);
    for (const later of ORDER.slice(ORDER.indexOf(this.tag) + 1)) {
      const next = mainChild(this.root, later);
      if (next) {
        this.root.insertBefore(el, next);
        return el;
      }
    }
    this.root.appendChild(el);
    return el;
  }
}

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
  private readonly doc: Document;
  private readonly root: Element;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly xfs: Collection;
  private readonly numFmtColl: Collection;
  private readonly numFmts = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly hasStyleXfs: boolean;
  private readonly baseFont: { sz: string; name: string | null; family: string | null; charset: string | null };
  private readonly byKey = new Map<string, number>();

  constructor(xml: string, part = 'xl/styles.xml') {
    this.doc = parseXml(xml, part);
    this.root = this.doc.documentElement!;
    if (this.root.localName !== 'styleSheet') throw new PackageError('bad_xml', part, 'not a style sheet');
    this.numFmtColl = new Collection(this.root, 'numFmts', 'numFmt');
    this.fonts = new Collection(this.root, 'fonts', 'font');
    this.fills = new Collection(this.root, 'fills', 'fill');
    this.borders = new Collection(this.root, 'borders', 'border');
    this.xfs = new Collection(this.root, 'cellXfs', 'xf');
    const styleXfs = mainChild(this.root, 'cellStyleXfs');
    this.hasStyleXfs = !!styleXfs && mainChildren(styleXfs, 'xf').length > 0;
    for (const nf of this.numFmtColl.items()) {
      const id = Number(nf.getAttribute('numFmtId'));
      const code = nf.getAttribute('formatCode');
      if (Number.isInteger(id) && code !== null) {
        if (!this.numFmts.has(code)) this.numFmts.set(code, id);
        if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
      }
    }
    // Excel needs the two reserved fills (none, gray125) before any other.
    if (this.fills.count === 0) {
      this.fills.append(this.fillEl('none'));
      this.fills.append(this.fillEl('gray125'));
    }
    const f0 = this.fonts.items()[0];
    const val = (tag: string) => {
      const e = f0 ? mainChild(f0, tag) : null;
      return e ? e.getAttribute('val') : null;
    };
    this.baseFont = { sz: val('sz') ?? '11', name: val('name'), family: val('family'), charset: val('charset') };
    if (this.fonts.count === 0) this.fonts.append(this.fontEl({}));
    if (this.borders.count === 0) this.borders.append(this.borderEl(false));
    if (this.xfs.count === 0) this.xfs.append(this.el('xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0' }));
  }

  private el(local: string, attrs: Record<string, string> = {}, children: Element[] = []): Element {
    const e = createLike(this.root, local);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.appendChild(c);
    return e;
  }

  private fillEl(pattern: string, rgb?: string): Element {
    const children = rgb ? [this.el('fgColor', { rgb: argb(rgb) }), this.el('bgColor', { indexed: '64' })] : [];
    return this.el('fill', {}, [this.el('patternFill', { patternType: pattern }, children)]);
  }

  private fontEl(f: CellFormat): Element {
    const b = this.baseFont;
    const children: Element[] = [];
    if (f.bold) children.push(this.el('b'));
    if (f.italic) children.push(this.el('i'));
    if (f.underline) children.push(this.el('u'));
    children.push(this.el('sz', { val: f.size !== undefined ? String(f.size) : b.sz }));
    if (f.fontColor) children.push(this.el('color', { rgb: argb(f.fontColor) }));
    if (f.font) {
      // A font of our own (宋体…): a Chinese font is family 3 (modern), charset 134 (GB2312), as Excel writes it.
      children.push(this.el('name', { val: f.font }));
      if (/[^ -~]/.test(f.font)) children.push(this.el('family', { val: '3' }), this.el('charset', { val: '134' }));
    } else {
      if (b.name !== null) children.push(this.el('name', { val: b.name }));
      if (b.family !== null) children.push(this.el('family', { val: b.family }));
      if (b.charset !== null) children.push(this.el('charset', { val: b.charset }));
    }
    return this.el('font', {}, children);
  }

  private borderEl(thin: boolean): Element {
    const side = (n: string) => (thin ? this.el(n, { style: 'thin' }, [this.el('color', { rgb: BORDER_COLOR })]) : this.el(n));
    return this.el('border', {}, [side('left'), side('right'), side('top'), side('bottom'), this.el('diagonal')]);
  }

  private numFmtId(code: string | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      this.numFmtColl.append(this.el('numFmt', { numFmtId: String(id), formatCode: code }));
    }
    return id;
  }

  /** The cellXfs index of a format (0 = the workbook's default format, for a format with nothing set). */
  xf(f: CellFormat): number {
    const key = JSON.stringify(f);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    if (key === '{}') {
      this.byKey.set(key, 0);
      return 0;
    }
    const hasFont = !!(f.bold || f.italic || f.underline || f.size !== undefined || f.fontColor || f.font);
    const fontId = hasFont ? this.fonts.id(this.fontEl(f)) : 0;
    const fillId = f.fill ? this.fills.id(this.fillEl('solid', f.fill)) : 0;
    const borderId = f.border ? this.borders.id(this.borderEl(true)) : 0;
    const numFmtId = this.numFmtId(f.numberFormat);
    const attrs: Record<string, string> = { numFmtId: String(numFmtId), fontId: String(fontId), fillId: String(fillId), borderId: String(borderId) };
    if (this.hasStyleXfs) attrs.xfId = '0';
    if (numFmtId) attrs.applyNumberFormat = '1';
    if (hasFont) attrs.applyFont = '1';
    if (fillId) attrs.applyFill = '1';
    if (borderId) attrs.applyBorder = '1';
    const children: Element[] = [];
    if (f.horizontal !== undefined || f.wrap !== undefined || f.vertical !== undefined) {
      attrs.applyAlignment = '1';
      const al: Record<string, string> = {};
      if (f.horizontal) al.horizontal = f.horizontal;
      al.vertical = f.vertical ?? 'center';
      if (f.wrap) al.wrapText = '1';
      children.push(this.el('alignment', al));
    }
    const id = this.xfs.id(this.el('xf', attrs, children));
    this.byKey.set(key, id);
    return id;
  }

  /** Did this run add anything to the style sheet? */
  get changed(): boolean {
    return this.fonts.added + this.fills.added + this.borders.added + this.xfs.added + this.numFmtColl.added > 0;
  }

  /** The style sheet with what this run added. */
  toXml(): string {
    return serializeXml(this.doc);
  }
}
