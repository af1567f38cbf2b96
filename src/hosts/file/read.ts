/**
 * The file host's reader: the parts of an .xlsx package that the assessment needs, straight into a plain
 * WorkbookSnapshot (the shape the Office.js host produces, so both compute the same fingerprint).
 *
 * - The workbook part is found through the package relationships (`_rels/.rels`), not assumed at
 *   xl/workbook.xml; its sheet list, states, defined names and protection are read with a namespace-aware
 *   DOM, so any prefix (`<x:workbook xmlns:x=…>`), a relationships prefix declared on each `<sheet>`, and
 *   strict-conformance namespaces all read alike.
 * - Worksheets and the shared-string table stream through saxes (namespace-aware) chunk by chunk as they
 *   are inflated: memory holds the cells, never a worksheet's whole XML text.
 * - Cell values as Office.js `values` gives them: numbers (dates as serial numbers, `t="d"` ISO dates
 *   converted), text (shared, inline or a formula's string result; `_xHHHH_` escapes decoded, phonetic
 *   runs left out), booleans, error values as {error}. A formula cell whose file carries no result is
 *   {formula} (the parser names it). A number the file spells that is not finite (`NaN`, `1e400`) stays
 *   its text, so the parser reports it instead of reading a blank. Cells and rows without `r` follow the
 *   previous one.
 * - Inside a merged area only the top-left cell keeps its value (as Office.js reports it).
 * - Limits (PackageLimits): rows per sheet, cells in all, bytes per part — a PackageError names the limit.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { parseRange } from '../../workbook/a1';
import { isWarningsName } from '../../workbook/ledger';
import { META_SHEET, OWNER_MARK, ownedSheets } from '../../workbook/meta';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { PACKAGE_LIMITS, PackageArchive, PackageError } from './package/archive';
import type { PackageLimits } from './package/archive';
import { Relationships } from './package/opc';
import { PartDecoder, decodePart, decodeXstring, isMainNs, mainChild, mainChildren, parseXml, relAttr } from './package/xml';
import type { Document, Element } from './package/xml';

/** One entry of the workbook's sheet list. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The relationship id (r:id) and the part it names (null when it names nothing in the package). */
  rid: string;
  part: string | null;
  /** The relationship's kind: worksheet, chartsheet, dialogsheet, macrosheet… */
  kind: string;
  element: Element;
  /** The sheet carries the add-in's ownership mark (a sheet-scoped defined name). */
  marked: boolean;
  /** The worksheet's view selects its tab (known once the sheet was read). */
  tabSelected: boolean;
}

/** A workbook package opened for reading and patching. */
export interface WorkbookPackage {
  archive: PackageArchive;
  workbookPart: string;
  workbook: Document;
  rels: Relationships;
  sheets: SheetEntry[];
  /** The workbook uses the strict-conformance namespaces (ISO/IEC 29500 Strict). */
  strict: boolean;
  /** The workbook's structure is protected (sheets cannot be added or removed). */
  structureLocked: boolean;
  /** The workbook counts dates from 1904 (Mac Excel 2008 and older). */
  date1904: boolean;
}

function isTrue(v: string | null | undefined): boolean {
  return v === '1' || v === 'true';
}

/** Open a package and read its workbook part's structure. PackageError when it is not a workbook. */
export async function openWorkbook(bytes: Uint8Array, limits: PackageLimits = PACKAGE_LIMITS): Promise<WorkbookPackage> {
  const archive = await PackageArchive.open(bytes, limits);
  const root = await Relationships.read(archive, '');
  const office = root.ofKind('officeDocument')[0];
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  const entry = archive.get(workbookPart);
  if (!entry) throw new PackageError('missing_part', workbookPart);
  const workbook = parseXml(decodePart(await archive.bytes(entry.name), entry.name), entry.name);
  const wb = workbook.documentElement!;
  if (wb.localName !== 'workbook' || !isMainNs(wb.namespaceURI)) throw new PackageError('bad_xml', entry.name, 'not a SpreadsheetML workbook');
  const rels = await Relationships.read(archive, entry.name);

  const sheetsEl = mainChild(wb, 'sheets');
  const sheets: SheetEntry[] = [];
  for (const el of sheetsEl ? mainChildren(sheetsEl, 'sheet') : []) {
    const rid = relAttr(el, 'id') ?? '';
    const rel = rels.byId(rid);
    const st = el.getAttribute('state');
    sheets.push({
      name: el.getAttribute('name') ?? '',
      sheetId: Number(el.getAttribute('sheetId')) || 0,
      state: st === 'hidden' ? 'hidden' : st === 'veryHidden' ? 'veryHidden' : 'visible',
      rid,
      part: rel && !rel.external && archive.get(rel.target) ? archive.get(rel.target)!.name : null,
      kind: rel?.kind ?? '',
      element: el,
      marked: false,
      tabSelected: false,
    });
  }
  const names = mainChild(wb, 'definedNames');
  for (const dn of names ? mainChildren(names, 'definedName') : []) {
    const local = dn.getAttribute('localSheetId');
    if (local === null || (dn.getAttribute('name') ?? '').toUpperCase() !== OWNER_MARK.name.toUpperCase()) continue;
    const s = sheets[Number(local)];
    if (s && (dn.textContent ?? '').trim() === OWNER_MARK.formula) s.marked = true;
  }
  const protection = mainChild(wb, 'workbookProtection');
  const pr = mainChild(wb, 'workbookPr');
  return {
    archive,
    workbookPart: entry.name,
    workbook,
    rels,
    sheets,
    strict: wb.namespaceURI !== 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    structureLocked: isTrue(protection?.getAttribute('lockStructure')),
    date1904: isTrue(pr?.getAttribute('date1904')),
  };
}

/**
 * Which elements are SpreadsheetML's, by XML namespace scope. The large parts are lexed by saxes in its plain
 * mode (about twice as fast as its namespace mode, which builds an object per attribute) and this keeps the
 * namespace bindings in scope — `xmlns` and `xmlns:p` declarations pushed and popped with their elements —
 * so an element counts as a cell, a row… only when its name's prefix is bound to the main namespace there,
 * whatever the prefix (`c`, `x:c`) and however deep a redeclaration. An undeclared prefix matches nothing.
 */
class MainScope {
  private readonly bindings = new Map<string, string[]>([['xml', ['http://www.w3.org/XML/1998/namespace']]]);
  /** Per open element: the prefixes it declared (null: none), and its local name if it is SpreadsheetML's. */
  private readonly declared: (string[] | null)[] = [];
  private readonly locals: (string | null)[] = [];
  /** The last name looked up and its answer (cells alternate c, v, c, v…). */
  private lastName = '';
  private lastLocal: string | null = null;
  /** qname → its local name when it is in the main namespace, else null (valid until the bindings change). */
  private readonly cache = new Map<string, string | null>();

  private forget(): void {
    this.cache.clear();
    this.lastName = '';
  }

  /** Declarations seen among the attributes of the element being opened (saxes reports them before the tag). */
  private pending: [string, string][] | null = null;

  /** An attribute of the element being opened: a namespace declaration is kept for open(). */
  attribute(a: { name: string; value: string }): void {
    const k = a.name;
    // Enumerating each tag's attributes object costs more than the rest of the read: declarations are caught here.
    if (k.charCodeAt(0) !== 120 /* x */ || !(k === 'xmlns' || k.startsWith('xmlns:'))) return;
    (this.pending ??= []).push([k === 'xmlns' ? '' : k.slice(6), a.value]);
  }

  /** Enter an element: its declarations come into scope; returns its local name if it is SpreadsheetML's. */
  open(tag: SaxesTagPlain): string | null {
    let mine: string[] | null = null;
    if (this.pending) {
      mine = [];
      for (const [prefix, uri] of this.pending) {
        let stack = this.bindings.get(prefix);
        if (!stack) this.bindings.set(prefix, (stack = []));
        stack.push(uri);
        mine.push(prefix);
      }
      this.pending = null;
      this.forget();
    }
    this.declared.push(mine);
    const local = this.lookup(tag.name);
    this.locals.push(local);
    return local;
  }

  private lookup(name: string): string | null {
    if (name === this.lastName) return this.lastLocal;
    let local = this.cache.get(name);
    if (local === undefined) {
      const i = name.indexOf(':');
      const stack = this.bindings.get(i < 0 ? '' : name.slice(0, i));
      local = stack && stack.length && isMainNs(stack[stack.length - 1]) ? (i < 0 ? name : name.slice(i + 1)) : null;
      this.cache.set(name, local);
    }
    this.lastName = name;
    this.lastLocal = local;
    return local;
  }

  /** Leave an element: its declarations go out of scope; returns its local name if it was SpreadsheetML's. */
  close(): string | null {
    const mine = this.declared.pop();
    if (mine) {
      for (const prefix of mine) this.bindings.get(prefix)!.pop();
      this.forget();
    }
    return this.locals.pop() ?? null;
  }
}

/** Stream a part through saxes (plain mode, with MainScope for namespaces), chunk by chunk as it inflates. */
async function parsePart(archive: PackageArchive, part: string, scope: MainScope, setup: (p: SaxesParser<object>) => void): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw new PackageError('bad_xml', part, 'DTD');
  });
  parser.on('attribute', (a) => scope.attribute(a));
  setup(parser);
  const decoder = new PartDecoder(part);
  try {
    await archive.stream(part, (chunk) => {
      const text = decoder.write(chunk);
      if (text) parser.write(text);
    });
    const rest = decoder.end();
    if (rest) parser.write(rest);
    parser.close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError('bad_xml', part, e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

/** The shared-string table: each <si>'s text, rich-text runs joined, phonetic runs (<rPh>) left out. */
async function readSharedStrings(archive: PackageArchive, part: string): Promise<string[]> {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  const scope = new MainScope();
  await parsePart(archive, part, scope, (p) => {
    p.on('opentag', (tag) => {
      switch (scope.open(tag)) {
        case 'si':
          inSi = true;
          buf = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inT = inSi && phonetic === 0;
          break;
      }
    });
    p.on('closetag', () => {
      switch (scope.close()) {
        case 'si':
          out.push(decodeXstring(buf));
          inSi = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 't':
          inT = false;
          break;
      }
    });
    const text = (s: string) => {
      if (inT) buf += s;
    };
    p.on('text', text);
    p.on('cdata', text);
  });
  return out;
}

/** The column of a cell reference ("AB12" → 27, 0-based); -1 when it is not a cell reference. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length) return -1;
  const d = ref.charCodeAt(i);
  return d >= 48 && d <= 57 ? col - 1 : -1;
}

const DAY_MS = 86400000;
/** 1899-12-30 (day 0 of Excel's 1900 system) and 1904-01-01 (day 0 of the 1904 system), in ms. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An ISO 8601 date (a `t="d"` cell) as a serial number, or its text when it is not a date. */
function isoToSerial(s: string, date1904: boolean): number | string {
  const text = s.trim();
  // A date-time without a zone is a wall-clock time: read it as UTC so the serial keeps its day.
  const withZone = /T[^Z+-]*$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return s;
  const serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  return Math.round(serial * DAY_MS) / DAY_MS;
}

interface SheetRead {
  values: CellValue[][];
  merges: string[];
}

interface Counter {
  cells: number;
}

/** One worksheet part → its values and merged areas. */
async function readWorksheet(pkg: WorkbookPackage, sheet: SheetEntry, part: string, strings: string[], counter: Counter): Promise<SheetRead> {
  const limits = pkg.archive.limits;
  const values: CellValue[][] = [];
  const merges: string[] = [];
  let depth = 0;
  let dataDepth = -1; // depth of <sheetData>
  let rowIdx = -1;
  let row: CellValue[] | null = null;
  // The current cell.
  let inCell = false;
  let col = -1;
  let type = 'n';
  let v = '';
  let hasV = false;
  let formula = '';
  let inF = false;
  let inV = false;
  let inIs = false;
  let inIsT = false;
  let phonetic = 0;
  let inline = '';

  const finishCell = () => {
    let value: CellValue;
    switch (type) {
      case 's': {
        const i = Number(v);
        value = hasV && Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : null;
        break;
      }
      case 'inlineStr':
        value = decodeXstring(inline);
        break;
      case 'str':
        value = hasV ? decodeXstring(v) : formula ? { formula } : null;
        break;
      case 'b':
        value = hasV ? isTrue(v.trim()) : formula ? { formula } : null;
        break;
      case 'e':
        value = hasV ? { error: v.trim() } : null;
        break;
      case 'd':
        value = hasV ? isoToSerial(v, pkg.date1904) : formula ? { formula } : null;
        break;
      default: {
        if (!hasV || v.trim() === '') {
          value = formula ? { formula } : null;
          break;
        }
        const n = Number(v);
        value = Number.isFinite(n) ? n : v.trim();
      }
    }
    if (value === null || value === '') return;
    if (col >= row!.length) {
      counter.cells += col + 1 - row!.length;
      if (counter.cells > limits.maxCells) throw new PackageError('too_many_cells', part, '', { limit: limits.maxCells });
      while (row!.length < col) row!.push(null);
      row!.push(value);
    } else row![col] = value;
  };

  const scope = new MainScope();
  await parsePart(pkg.archive, part, scope, (p) => {
    p.on('opentag', (tag) => {
      depth++;
      const local = scope.open(tag);
      if (local === null) return;
      const a = tag.attributes;
      if (dataDepth < 0) {
        if (local === 'sheetData') dataDepth = depth;
        else if (local === 'sheetView' && isTrue(a.tabSelected)) sheet.tabSelected = true;
        else if (local === 'mergeCell') {
          const ref = a.ref;
          if (ref) merges.push(ref);
        }
        return;
      }
      switch (local) {
        case 'row': {
          const r = Number(a.r);
          rowIdx = Number.isInteger(r) && r >= 1 ? r - 1 : rowIdx + 1;
          if (rowIdx >= limits.maxRows) throw new PackageError('too_many_rows', part, '', { limit: limits.maxRows });
          row = values[rowIdx] ?? (values[rowIdx] = []);
          col = -1;
          break;
        }
        case 'c': {
          if (!row) {
            // A cell outside any row: it belongs to the row after the last one.
            rowIdx++;
            row = values[rowIdx] ?? (values[rowIdx] = []);
          }
          const ref = a.r;
          const at = ref ? columnOf(ref) : -1;
          col = at >= 0 ? at : col + 1;
          type = a.t ?? 'n';
          inCell = true;
          v = '';
          hasV = false;
          formula = '';
          inline = '';
          break;
        }
        case 'v':
          if (inCell) {
            inV = true;
            hasV = true;
          }
          break;
        case 'f':
          if (inCell) {
            inF = true;
            formula = formula || '=';
          }
          break;
        case 'is':
          if (inCell) inIs = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inIsT = inIs && phonetic === 0;
          break;
      }
    });
    p.on('closetag', () => {
      const d = depth--;
      const local = scope.close();
      if (local === null) return;
      if (d === dataDepth) {
        dataDepth = -2; // sheetData done: only merges follow
        return;
      }
      if (dataDepth < 0) return;
      switch (local) {
        case 'c':
          if (inCell) finishCell();
          inCell = false;
          break;
        case 'row':
          row = null;
          break;
        case 'v':
          inV = false;
          break;
        case 'f':
          inF = false;
          break;
        case 'is':
          inIs = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 't':
          inIsT = false;
          break;
      }
    });
    const text = (s: string) => {
      if (inV) v += s;
      else if (inIsT) inline += s;
      else if (inF) formula = formula === '=' ? `=${s}` : formula + s;
    };
    p.on('text', text);
    p.on('cdata', text);
  });
  // After </sheetData> the parser saw merges with dataDepth = -2; before it, with -1.
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  return { values, merges };
}

/** Keep each merged area's value in its top-left cell only (as Office.js reports it); trailing empty cells go. */
export function clearMergedCells(values: CellValue[][], merges: string[]): void {
  for (const ref of merges) {
    let a: ReturnType<typeof parseRange>;
    try {
      a = parseRange(ref);
    } catch {
      continue;
    }
    for (let r = a.top; r <= a.bottom && r < values.length; r++) {
      const row = values[r];
      for (let c = a.left; c <= Math.min(a.right, row.length - 1); c++) if (r !== a.top || c !== a.left) row[c] = null;
    }
  }
  for (const row of values) {
    let len = row.length;
    while (len > 0 && row[len - 1] === null) len--;
    row.length = len;
  }
}

export interface ReadOptions {
  /**
   * Read the cells of the add-in's own output sheets too (default). Without them the snapshot holds those
   * sheets by name, mark and visibility only — all a run needs of them but the warnings sheet, whose ledger
   * columns (what people typed) are always read: an assessed workbook is then read about twice as fast.
   */
  outputs?: boolean;
}

/** The snapshot of an opened package: its worksheets in tab order (chart and dialog sheets hold no cells). */
export async function readSnapshot(pkg: WorkbookPackage, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sst = pkg.rels.ofKind('sharedStrings')[0];
  const strings = sst && pkg.archive.get(sst.target) ? await readSharedStrings(pkg.archive, pkg.archive.get(sst.target)!.name) : [];
  const counter: Counter = { cells: 0 };
  const worksheets = pkg.sheets.filter((s) => s.kind === 'worksheet');
  const read = async (s: SheetEntry): Promise<SheetSnapshot> => {
    const { values, merges } = s.part ? await readWorksheet(pkg, s, s.part, strings, counter) : { values: [], merges: [] };
    clearMergedCells(values, merges);
    return { name: s.name, values, merges, visibility: s.state, ...(s.marked ? { marked: true } : {}) };
  };
  const bare = (s: SheetEntry): SheetSnapshot => ({ name: s.name, values: [], merges: [], visibility: s.state, ...(s.marked ? { marked: true } : {}) });
  let owned: ReadonlySet<string> = new Set();
  const metaEntry = worksheets.find((s) => s.name === META_SHEET);
  const meta = metaEntry ? await read(metaEntry) : null;
  if (opts.outputs === false && meta) {
    owned = ownedSheets({ sheets: worksheets.map((s) => (s === metaEntry ? meta : bare(s))) });
  }
  const sheets: SheetSnapshot[] = [];
  for (const s of worksheets) {
    if (s === metaEntry) sheets.push(meta!);
    else if (owned.has(s.name) && !isWarningsName(s.name)) sheets.push(bare(s));
    else sheets.push(await read(s));
  }
  return { sheets };
}
