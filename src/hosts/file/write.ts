/**
 * Apply a WorkbookPatch to an .xlsx package (the file host's half of "write").
 *
 * The package is patched, not rebuilt: every part of the input that the patch does not concern — the
 * input sheets, shared strings, themes, drawings, pivot caches, VBA — is copied into the new archive
 * byte for byte (compressed data included), so nothing the add-in does not own can change, whatever
 * the workbook holds and whatever a reader library would have lost. The parts that change:
 * - the owned sheets of the patch (and those in deleteSheets) are removed with their relationships,
 *   content types and sheet-scoped names, then the patch sheets are added at the end, in patch order;
 * - xl/workbook.xml (sheet list, print-title names, the active tab), its relationships and
 *   [Content_Types].xml list them; xl/styles.xml gains the formats the new sheets use;
 * - calcChain.xml is dropped when sheets are removed (Excel rebuilds it);
 * - when a results sheet is activated, input sheets that were the selected tab lose `tabSelected`
 *   (otherwise Excel would open with the sheets grouped) — a view attribute, never a cell.
 * Before anything changes, every existing sheet to overwrite or delete must be owned (the caller
 * passes the owned set from the workbook's meta sheet) — otherwise an AssessError 'host'.
 */
import { AssessError } from '../../domain/errors';
import { HOST_ERR } from '../../i18n/cli';
import { quoteSheet } from '../../workbook/a1';
import type { WorkbookPatch } from '../../workbook/snapshot';
import { sheetXml } from './xlsx/sheet';
import { MINIMAL_STYLES, StyleBook } from './xlsx/styles';
import { attrs, esc, escAttr, rootPrefix, setAttr } from './xlsx/xml';
import { ZipError, deflateEntry, entryData, entryPrefix, readZip, writeZip } from './xlsx/zip';
import type { ZipEntry } from './xlsx/zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${REL}/worksheet`;
const REL_STYLES = `${REL}/styles`;
const REL_CALCCHAIN = `${REL}/calcChain`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** A worksheet's <sheetViews> element (it comes before <sheetData>). */
const SHEET_VIEWS = /<(\w+:)?sheetViews[\s>][\s\S]*?<\/(\w+:)?sheetViews>/;
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The package of a new, empty workbook (the template starts from it). */
function emptyPackage(): Map<string, string> {
  return new Map([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        '<bookViews><workbookView/></bookViews><sheets></sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', MINIMAL_STYLES],
  ]);
}

/** Resolve a relationship target against the folder of its source part ("xl/"), as a part name without '/'. */
function resolve(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  xml: string; // the <Relationship .../> element as found
  id: string;
  type: string;
  target: string; // resolved part name
  external: boolean;
}

function parseRels(xml: string, baseDir: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g)) {
    const a = attrs(m[0]);
    const external = a.get('TargetMode') === 'External';
    const target = a.get('Target') ?? '';
    out.push({ xml: m[0], id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: external ? target : resolve(baseDir, target), external });
  }
  return out;
}

/** A package held as its entries, with changed parts as text. */
class Package {
  private readonly entries: ZipEntry[];
  private readonly byLower = new Map<string, number>();
  private readonly text = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(entries: ZipEntry[]) {
    this.entries = entries;
    entries.forEach((e, i) => this.byLower.set(e.name.toLowerCase(), i));
  }

  has(name: string): boolean {
    return (this.byLower.has(name.toLowerCase()) && !this.removed.has(name.toLowerCase())) || this.text.has(name);
  }

  entry(name: string): ZipEntry | null {
    const i = this.byLower.get(name.toLowerCase());
    return i === undefined || this.removed.has(name.toLowerCase()) ? null : this.entries[i];
  }

  read(name: string): string | null {
    const t = this.text.get(name);
    if (t !== undefined) return t;
    const e = this.entry(name);
    return e ? entryData(e).toString('utf8') : null;
  }

  set(name: string, xml: string): void {
    const e = this.entry(name);
    this.text.set(e ? e.name : name, xml);
  }

  remove(name: string): void {
    const e = this.entry(name);
    if (e) this.removed.add(e.name.toLowerCase());
    this.text.delete(name);
  }

  /** The archive: input entries in their order (changed ones re-deflated), then new parts. */
  async toBuffer(): Promise<Buffer> {
    const out: (ZipEntry | Promise<ZipEntry>)[] = [];
    const done = new Set<string>();
    for (const e of this.entries) {
      const key = e.name.toLowerCase();
      if (this.removed.has(key) || done.has(key)) continue;
      done.add(key);
      const t = this.text.get(e.name);
      out.push(t === undefined ? e : deflateEntry(e.name, t));
    }
    for (const [name, t] of this.text) if (!done.has(name.toLowerCase())) out.push(deflateEntry(name, t));
    return writeZip(await Promise.all(out));
  }
}

function refuse(sheet: string): never {
  throw new AssessError('host', HOST_ERR.foreignSheet, { sheet }, sheet);
}

/**
 * The .xlsx bytes of `input` (null: a new, empty workbook) with `patch` applied. `owned` is the set of
 * sheets the add-in may overwrite or delete. Throws AssessError 'host' on a foreign sheet and ZipError
 * on a package it cannot read; in both cases nothing was written anywhere.
 */
export async function patchXlsx(input: Buffer | null, patch: WorkbookPatch, owned: ReadonlySet<string>): Promise<Buffer> {
  const pkg = input ? new Package(readZip(input)) : new Package([]);
  if (!input) for (const [name, xml] of emptyPackage()) pkg.set(name, xml);

  // The workbook part, found through the package relationships.
  const rootRels = pkg.read('_rels/.rels') ?? '';
  const wbPart = parseRels(rootRels, '').find((r) => /\/officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml';
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const wbRelsPart = relsPathOf(wbPart);
  let wbXml = pkg.read(wbPart);
  if (wbXml === null) throw new ZipError(`no workbook part (${wbPart})`);
  let relsXml = pkg.read(wbRelsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let ctXml = pkg.read('[Content_Types].xml');
  if (ctXml === null) throw new ZipError('no [Content_Types].xml');
  const rels = parseRels(relsXml, wbDir);

  const p = rootPrefix(wbXml, 'workbook');
  const rPrefix = (new RegExp(`xmlns:(\\w+)="${REL.replace(/[./]/g, '\\$&')}"`).exec(wbXml)?.[1] ?? 'r') + ':';
  if (!/xmlns:\w+="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(wbXml)) {
    wbXml = wbXml.replace(new RegExp(`<${p}workbook(?=[\\s>])`), `<${p}workbook xmlns:r="${REL}"`);
  }

  // The sheets as listed, in tab order.
  const sheetsMatch = new RegExp(`<${p}sheets(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}sheets>)`).exec(wbXml);
  if (!sheetsMatch) throw new ZipError('workbook without a sheet list');
  const sheetTags = [...(sheetsMatch[1] ?? '').matchAll(new RegExp(`<${p}sheet\\s[^>]*?(?:/>|>\\s*</${p}sheet>)`, 'g'))].map((m) => m[0]);
  const sheets = sheetTags.map((tag) => {
    const a = attrs(tag);
    const rid = a.get(`${rPrefix}id`) ?? '';
    const rel = rels.find((r) => r.id === rid);
    return { tag, name: a.get('name') ?? '', sheetId: Number(a.get('sheetId')) || 0, rid, part: rel && !rel.external ? rel.target : null };
  });

  // Ownership first: nothing changes when a sheet to replace or delete is not ours.
  const touched = new Set([...patch.deleteSheets, ...patch.sheets.map((s) => s.name)]);
  const lower = (s: string) => s.toLowerCase();
  const touchedLower = new Set([...touched].map(lower));
  for (const s of sheets) if (touchedLower.has(lower(s.name)) && !owned.has(s.name)) refuse(s.name);

  // Remove the sheets the patch replaces or deletes.
  const kept = sheets.filter((s) => !touchedLower.has(lower(s.name)));
  const gone = sheets.filter((s) => touchedLower.has(lower(s.name)));
  const ctRemove = new Set<string>(); // part names, lower case (OPC names are case-insensitive)
  for (const s of gone) {
    if (s.part) {
      pkg.remove(s.part);
      pkg.remove(relsPathOf(s.part));
      ctRemove.add(lower(`/${s.part}`));
    }
    relsXml = relsXml.replace(rels.find((r) => r.id === s.rid)?.xml ?? '\u0000', '');
  }
  if (gone.length) {
    // The calculation chain may name cells of the removed sheets: drop it, Excel rebuilds it.
    for (const r of rels.filter((x) => x.type === REL_CALCCHAIN)) {
      pkg.remove(r.target);
      ctRemove.add(lower(`/${r.target}`));
      relsXml = relsXml.replace(r.xml, '');
    }
  }

  // Styles: the workbook's own, or a minimal sheet when it has none.
  let stylesPart = rels.find((r) => r.type === REL_STYLES && !r.external)?.target ?? null;
  let stylesXml = stylesPart ? pkg.read(stylesPart) : null;
  if (!stylesPart || stylesXml === null) {
    stylesPart = `${wbDir}styles.xml`;
    stylesXml = MINIMAL_STYLES;
    relsXml = relsXml.replace(/<\/(\w+:)?Relationships>\s*$/, (end) => `<Relationship Id="pgaStyles" Type="${REL_STYLES}" Target="${escAttr(stylesPart!.slice(wbDir.length))}"/>${end}`);
    ctXml = ctXml.replace(/<\/(\w+:)?Types>\s*$/, (end) => `<Override PartName="/${stylesPart}" ContentType="${CT_STYLES}"/>${end}`);
  }
  const book = new StyleBook(stylesXml);

  // New sheets: parts, relationships, content types, sheet list entries.
  const usedIds = new Set(rels.map((r) => r.id));
  let nextRid = 1;
  const newRid = () => {
    while (usedIds.has(`rId${nextRid}`)) nextRid++;
    usedIds.add(`rId${nextRid}`);
    return `rId${nextRid}`;
  };
  let nextPart = 1;
  const newPart = () => {
    while (pkg.has(`${wbDir}worksheets/sheet${nextPart}.xml`)) nextPart++;
    return `${wbDir}worksheets/sheet${nextPart++}.xml`;
  };
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const activate = patch.activate;
  const newTags: string[] = [];
  let newRels = '';
  let newCt = '';
  for (const sp of patch.sheets) {
    const part = newPart();
    const rid = newRid();
    pkg.set(part, sheetXml(sp, book, { selected: sp.name === activate }));
    newRels += `<Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${escAttr(part.slice(wbDir.length))}"/>`;
    newCt += `<Override PartName="/${part}" ContentType="${CT_WORKSHEET}"/>`;
    const state = sp.visibility === 'veryHidden' ? ' state="veryHidden"' : '';
    newTags.push(`<${p}sheet name="${escAttr(sp.name)}" sheetId="${nextSheetId++}"${state} ${rPrefix}id="${rid}"/>`);
  }
  relsXml = relsXml.replace(/<\/(\w+:)?Relationships>\s*$/, (end) => newRels + end);
  ctXml = ctXml.replace(/<(?:\w+:)?Override\s[^>]*?\/>/g, (tag) => (ctRemove.has(lower(attrs(tag).get('PartName') ?? '')) ? '' : tag));
  ctXml = ctXml.replace(/<\/(\w+:)?Types>\s*$/, (end) => newCt + end);

  const allNames = [...kept.map((s) => s.name), ...patch.sheets.map((s) => s.name)];
  const listXml = [...kept.map((s) => s.tag), ...newTags].join('');
  wbXml = wbXml.replace(sheetsMatch[0], () => `<${p}sheets>${listXml}</${p}sheets>`);

  // Sheet-scoped defined names: renumber for the sheets that stay, drop those of removed sheets.
  const newIndex = new Map<number, number>();
  sheets.forEach((s, i) => {
    const k = kept.indexOf(s);
    if (k >= 0) newIndex.set(i, k);
  });
  const dnRe = new RegExp(`<${p}definedName\\s[^>]*?(?:/>|>[\\s\\S]*?</${p}definedName>)`, 'g');
  wbXml = wbXml.replace(dnRe, (el) => {
    const open = /^<[^>]*>/.exec(el)![0];
    const local = attrs(open).get('localSheetId');
    if (local === undefined) return el;
    const to = newIndex.get(Number(local));
    return to === undefined ? '' : el.replace(open, setAttr(open, 'localSheetId', String(to)));
  });
  const titles = patch.sheets
    .map((sp, i) => (sp.printTitleRows ? { i: kept.length + i, sp } : null))
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .map(({ i, sp }) => {
      const [a, b] = sp.printTitleRows!.split(':');
      return `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${quoteSheet(sp.name)}!$${a}:$${b ?? a}`)}</${p}definedName>`;
    })
    .join('');
  const dnBlock = new RegExp(`<${p}definedNames(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}definedNames>)`).exec(wbXml);
  const dnBody = (dnBlock?.[1] ?? '') + titles;
  const dnXml = dnBody.trim() ? `<${p}definedNames>${dnBody}</${p}definedNames>` : '';
  if (dnBlock) wbXml = wbXml.replace(dnBlock[0], () => dnXml);
  else if (dnXml) {
    for (const tag of ['externalReferences', 'functionGroups', 'sheets']) {
      const i = wbXml.indexOf(`</${p}${tag}>`);
      if (i >= 0) {
        const end = i + `</${p}${tag}>`.length;
        wbXml = wbXml.slice(0, end) + dnXml + wbXml.slice(end);
        break;
      }
    }
  }

  // The active tab.
  const active = activate ? allNames.indexOf(activate) : -1;
  if (active < 0) {
    // No tab to activate: keep the workbook's, unless it now points past the last sheet.
    const wv = new RegExp(`<${p}workbookView(?:\\s[^>]*)?/?>`).exec(wbXml);
    if (wv) {
      let tag = wv[0];
      for (const a of ['activeTab', 'firstSheet']) {
        const v = Number(attrs(tag).get(a) ?? 0);
        if (v >= allNames.length) tag = setAttr(tag, a, '0');
      }
      wbXml = wbXml.replace(wv[0], () => tag);
    }
  } else {
    const wv = new RegExp(`<${p}workbookView(?:\\s[^>]*)?/?>`).exec(wbXml);
    if (wv) {
      let tag = setAttr(wv[0], 'activeTab', String(active));
      tag = setAttr(tag, 'firstSheet', '0');
      wbXml = wbXml.replace(wv[0], () => tag);
    } else {
      wbXml = wbXml.replace(new RegExp(`<${p}sheets>`), (m) => `<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>${m}`);
    }
    // Input sheets that were the selected tab are selected no more (one view attribute each).
    for (const s of kept) {
      if (!s.part) continue;
      const e = pkg.entry(s.part);
      if (!e) continue;
      const head = entryPrefix(e, 16384).toString('utf8');
      const cut = head.search(/<(\w+:)?sheetData[\s>/]/);
      const views = SHEET_VIEWS.exec(cut >= 0 ? head.slice(0, cut) : head);
      if (!views || !/tabSelected\s*=\s*["'](1|true)["']/.test(views[0])) continue;
      const xml = entryData(e).toString('utf8');
      const full = SHEET_VIEWS.exec(xml)!;
      const fixed = full[0].replace(/\stabSelected\s*=\s*["'](1|true)["']/g, '');
      pkg.set(s.part, xml.slice(0, full.index) + fixed + xml.slice(full.index + full[0].length));
    }
  }

  pkg.set(wbPart, wbXml);
  pkg.set(wbRelsPart, relsXml);
  pkg.set('[Content_Types].xml', ctXml);
  if (book.changed || !pkg.has(stylesPart)) pkg.set(stylesPart, book.toXml());
  return pkg.toBuffer();
}
