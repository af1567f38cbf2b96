/**
 * Apply a WorkbookPatch to an .xlsx package (the file host's half of "write").
 *
 * The package is patched, not rebuilt: every part of the input that the patch does not concern — the
 * input sheets, shared strings, themes, drawings, pivot caches, VBA — is copied into the new archive
 * verbatim (compressed bytes, CRC and dates; each one's CRC checked first), so nothing the add-in does
 * not own can change. The parts that change, each edited as a namespace-aware DOM:
 * - the owned sheets of the patch (and those in deleteSheets) are removed with their relationships,
 *   content types, sheet-scoped names and the parts only they referenced; the patch sheets are added
 *   at the end, in patch order, each with the ownership mark (a hidden sheet-scoped name) when owned;
 * - the workbook part (sheet list, print titles, the active tab), its relationships and
 *   [Content_Types].xml list them; the style sheet gains the formats the new sheets use;
 * - calcChain.xml is dropped when sheets are removed (Excel rebuilds it);
 * - when a results sheet is activated, input sheets that were the selected tab lose `tabSelected`
 *   (otherwise Excel would open with the sheets grouped) — that one view attribute, never a cell.
 * Before anything changes, every existing sheet to overwrite or delete must be owned (the caller passes
 * the owned set) and the workbook's structure must not be protected — otherwise an AssessError.
 */
import { SaxesParser } from 'saxes';
import { AssessError } from '../../domain/errors';
import { quoteSheet } from '../../workbook/a1';
import { OWNER_MARK } from '../../workbook/meta';
import type { WorkbookPatch } from '../../workbook/snapshot';
import { PackageError, writeArchive } from './package/archive';
import type { OutputPart, PackageArchive } from './package/archive';
import { ContentTypes, Relationships, dirOf, relsPathOf } from './package/opc';
import { NS, PartDecoder, createLike, decodePart, esc, mainChild, mainChildren, serializeXml, sniffEncoding } from './package/xml';
import type { Element } from './package/xml';
import { openWorkbook } from './read';
import type { WorkbookPackage } from './read';
import { prepareSheet } from './xlsx/sheet';
import { MINIMAL_STYLES, StyleBook } from './xlsx/styles';
import { HOST_CODES } from '../../i18n/cli';
import { FILE_CODES } from '../../i18n/file';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

/** Children of <workbook> (CT_Workbook) in schema order, to place an element the workbook lacks. */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** The parts of a new, empty workbook (the template starts from it). */
function emptyPackageParts(): OutputPart[] {
  const enc = new TextEncoder();
  const rel = (type: string, target: string) => `<Relationship Id="rId1" Type="${NS.rel}/${type}" Target="${target}"/>`;
  const text: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.contentTypes}">` +
        `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/></Types>`,
    ],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rel('officeDocument', 'xl/workbook.xml')}</Relationships>`],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
        '<bookViews><workbookView/></bookViews><sheets/></workbook>',
    ],
  ];
  return text.map(([name, xml]) => ({ name, data: enc.encode(xml) }));
}

/** A package for a new, empty workbook. */
export async function emptyWorkbook(): Promise<WorkbookPackage> {
  return openWorkbook(await writeArchive(emptyPackageParts()));
}

/** Insert a child of <workbook> at its place in the schema order. */
function insertInOrder(root: Element, el: Element): void {
  const local = el.localName!;
  for (const later of WORKBOOK_ORDER.slice(WORKBOOK_ORDER.indexOf(local) + 1)) {
    const next = mainChild(root, later);
    if (next) {
      root.insertBefore(el, next);
      return;
    }
  }
  root.appendChild(el);
}

/** A prefix bound to the relationships namespace where `el` sits, or a free one to declare. */
function relPrefix(el: Element, relNs: string): string {
  const bound = el.lookupPrefix(relNs);
  if (bound) return bound;
  for (let i = 0; ; i++) {
    const p = i === 0 ? 'r' : `r${i}`;
    if (!el.lookupNamespaceURI(p)) return p;
  }
}

/** A part rewritten on its way from the input archive to the output, and what went wrong in it (reported as it is). */
interface Rewrite {
  stream: () => ReadableStream<Uint8Array>;
  failure: unknown;
}

/**
 * The sheet part with `tabSelected` removed from its <sheetView> start tags, as a stream from the inflater to
 * the deflater. The tags are found by a namespace-aware parse (saxes, with positions) of the part's head,
 * which stops at <sheetData>; they are rebuilt from their parsed attributes through the one encoder.
 * Everything from <sheetData> on — nearly all of a big sheet, 100–170 MB of XML at 200,000 rows — passes
 * through as inflated, never decoded, copied, encoded or held whole. A part that is not UTF-8 is decoded
 * whole and gets Excel's UTF-8 declaration, since it is written back as UTF-8.
 */
function unselectTab(archive: PackageArchive, part: string): Rewrite {
  const rewrite: Rewrite = {
    stream: () => archive.readable(part, (e) => (rewrite.failure ??= e)).pipeThrough(transform()),
    failure: null,
  };
  const transform = () => {
    const decoder = new PartDecoder(part);
    const spans: { start: number; end: number; tag: string }[] = [];
    let decl: { start: number; end: number } | null = null;
    let head = '';
    /** Where <sheetData starts in the decoded text (null: not reached yet). */
    let dataAt: number | null = null;
    let utf8: boolean | null = null;
    /** Inflated chunks not yet passed on (the head, or a whole part that is not UTF-8); byte-order mark included. */
    let held: Uint8Array[] | null = [];
    let bom = 0;
    const parser = new SaxesParser({ xmlns: true, position: true });
    parser.on('xmldecl', () => {
      decl = { start: head.indexOf('<?xml'), end: parser.position };
    });
    parser.on('opentag', (tag) => {
      if (tag.local === 'sheetData') {
        dataAt = head.lastIndexOf('<', parser.position - 1);
        return;
      }
      if (tag.local !== 'sheetView' || !(tag.uri === NS.main || tag.uri === NS.mainStrict)) return;
      const end = parser.position;
      const start = head.lastIndexOf('<', end - 1);
      let rebuilt = `<${tag.name}`;
      for (const a of Object.values(tag.attributes)) {
        if (a.local === 'tabSelected' && !a.uri) continue;
        rebuilt += ` ${a.name}="${esc(a.value)}"`;
      }
      rebuilt += tag.isSelfClosing ? '/>' : '>';
      spans.push({ start, end, tag: rebuilt });
    });
    const lex = (text: string) => {
      head += text;
      try {
        parser.write(text);
      } catch (e) {
        throw (rewrite.failure = new PackageError('bad_xml', part, e instanceof Error ? e.message.split('\n')[0] : String(e)));
      }
    };
    /** The head with the tags rebuilt, up to `cut`. */
    const edited = (cut: number) => {
      let out = head.slice(0, cut);
      for (const s of spans.reverse()) out = out.slice(0, s.start) + s.tag + out.slice(s.end);
      return out;
    };
    return new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (utf8 === null) {
          utf8 = sniffEncoding(chunk) === 'utf-8';
          bom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
        }
        if (!held) {
          controller.enqueue(chunk);
          return;
        }
        held.push(chunk);
        lex(decoder.write(chunk));
        if (!utf8 || dataAt === null) return;
        // The head's bytes as stored (the mark, which the decoder drops, included) are replaced by the edited head.
        let skip = bom + new TextEncoder().encode(head.slice(0, dataAt)).length;
        controller.enqueue(new TextEncoder().encode(edited(dataAt)));
        for (const c of held) {
          if (skip >= c.length) skip -= c.length;
          else {
            controller.enqueue(skip ? c.subarray(skip) : c);
            skip = 0;
          }
        }
        held = null;
      },
      flush(controller) {
        if (!held) return;
        lex(decoder.end());
        if (utf8) {
          // No <sheetData>: the whole part is its head.
          controller.enqueue(new TextEncoder().encode(edited(head.length)));
          return;
        }
        const d = decl as { start: number; end: number } | null;
        const out = edited(head.length);
        const text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + (d ? out.slice(d.end) : `\n${out}`);
        controller.enqueue(new TextEncoder().encode(text.replace(/^\uFEFF/, '')));
      },
    });
  };
  return rewrite;
}

/**
 * The .xlsx bytes of `pkg` with `patch` applied. `owned` is the set of sheets the add-in may overwrite
 * or delete. Throws AssessError on a foreign sheet or a protected structure and PackageError on a
 * package it cannot read; in every case nothing was written anywhere.
 */
export async function patchPackage(pkg: WorkbookPackage, patch: WorkbookPatch, owned: ReadonlySet<string>): Promise<Uint8Array> {
  const { archive } = pkg;
  const lower = (s: string) => s.toLowerCase();
  // Ownership first: nothing changes when a sheet to replace or delete is not ours.
  const touched = new Set([...patch.deleteSheets, ...patch.sheets.map((s) => s.name)].map(lower));
  const gone = pkg.sheets.filter((s) => touched.has(lower(s.name)));
  for (const s of gone) if (!owned.has(s.name)) throw new AssessError('host', HOST_CODES.foreignSheet, { sheet: s.name }, s.name);
  if (pkg.structureLocked && (gone.length > 0 || patch.sheets.length > 0)) {
    throw new AssessError('file', FILE_CODES.structureLocked, {}, null);
  }
  const kept = pkg.sheets.filter((s) => !touched.has(lower(s.name)));

  const wb = pkg.workbook.documentElement!;
  const { rels } = pkg;
  const types = await ContentTypes.read(archive);
  const replaced = new Map<string, Uint8Array | Rewrite>(); // part name (as stored) → new bytes, or a rewrite of the old
  const removed = new Set<string>(); // lower-case part names
  const added: OutputPart[] = [];
  const enc = new TextEncoder();
  const relNs = pkg.strict ? NS.relStrict : NS.rel;
  const relBase = (rels.ofKind('worksheet')[0]?.type ?? `${relNs}/worksheet`).replace(/\/[^/]*$/, '');

  // ── Remove the sheets the patch replaces or deletes, and what only they referenced. ──
  const allRels = new Map<string, Relationships>([[pkg.workbookPart, rels]]);
  const relsOf = async (part: string) => {
    let r = allRels.get(part);
    if (!r) allRels.set(part, (r = await Relationships.read(archive, part)));
    return r;
  };
  const dropPart = async (part: string) => {
    if (removed.has(lower(part))) return;
    removed.add(lower(part));
    types.removeOverride(part);
    const own = archive.get(relsPathOf(part));
    if (own) {
      removed.add(lower(own.name));
      const targets = (await relsOf(part)).rels.filter((r) => !r.external).map((r) => r.target);
      for (const t of targets) if (archive.get(t) && !(await referencedElsewhere(t))) await dropPart(archive.get(t)!.name);
    }
  };
  // Is a part referenced by a relationships part that stays?
  const referencedElsewhere = async (target: string): Promise<boolean> => {
    for (const e of archive.entries) {
      if (!e.name.endsWith('.rels') || removed.has(lower(e.name))) continue;
      const source = e.name.replace(/_rels\/([^/]*)\.rels$/, '$1');
      if (removed.has(lower(source))) continue;
      if ((await relsOf(source)).rels.some((r) => !r.external && lower(r.target) === lower(target))) return true;
    }
    return false;
  };
  for (const s of gone) {
    s.element.parentNode?.removeChild(s.element);
    const rel = rels.byId(s.rid);
    if (rel) rels.remove(rel);
    if (s.part) await dropPart(s.part);
  }
  if (gone.length) {
    // The calculation chain may name cells of the removed sheets: drop it, Excel rebuilds it.
    for (const r of rels.ofKind('calcChain')) {
      rels.remove(r);
      if (archive.get(r.target)) await dropPart(archive.get(r.target)!.name);
    }
  }

  // ── Styles: the workbook's own, or a minimal sheet when it has none. ──
  let stylesPart = rels.ofKind('styles').map((r) => archive.get(r.target)?.name).find((n) => n && !removed.has(lower(n))) ?? null;
  let book: StyleBook;
  if (stylesPart) book = new StyleBook(decodePart(await archive.bytes(stylesPart), stylesPart), stylesPart);
  else {
    stylesPart = `${dirOf(pkg.workbookPart)}styles.xml`;
    for (let n = 2; archive.get(stylesPart) && !removed.has(lower(stylesPart)); n++) stylesPart = `${dirOf(pkg.workbookPart)}styles${n}.xml`;
    book = new StyleBook(MINIMAL_STYLES, stylesPart);
    rels.add(`${relBase}/styles`, stylesPart);
    types.addOverride(stylesPart, CT.styles);
  }

  // ── New sheets: parts, relationships, content types, sheet list entries. ──
  let sheetsEl = mainChild(wb, 'sheets');
  if (!sheetsEl) {
    sheetsEl = createLike(wb, 'sheets');
    insertInOrder(wb, sheetsEl);
  }
  const taken = (name: string) => (!!archive.get(name) && !removed.has(lower(name))) || added.some((a) => lower(a.name) === lower(name));
  let nextPart = 1;
  const newPart = () => {
    const base = `${dirOf(pkg.workbookPart)}worksheets/sheet`;
    while (taken(`${base}${nextPart}.xml`)) nextPart++;
    return `${base}${nextPart++}.xml`;
  };
  // Ids after the sheets that stay: a re-run gives its sheets the ids the previous run's had.
  let nextSheetId = Math.max(0, ...kept.map((s) => s.sheetId)) + 1;
  const prefix = relPrefix(sheetsEl, relNs);
  for (const sp of patch.sheets) {
    const part = newPart();
    // Formats are registered now (the style sheet is complete before any sheet XML is produced); the XML
    // itself is generated chunk by chunk while the archive is written.
    const prepared = prepareSheet(sp, book, { selected: sp.name === patch.activate, strict: pkg.strict });
    added.push({ name: part, chunks: () => prepared.chunks() });
    const rid = rels.add(`${relBase}/worksheet`, part);
    types.addOverride(part, CT.worksheet);
    const el = createLike(wb, 'sheet');
    el.setAttribute('name', sp.name);
    el.setAttribute('sheetId', String(nextSheetId++));
    if (sp.visibility === 'veryHidden') el.setAttribute('state', 'veryHidden');
    el.setAttributeNS(relNs, `${prefix}:id`, rid);
    sheetsEl.appendChild(el);
  }

  // ── Sheet-scoped defined names: renumbered for the sheets that stay, dropped for removed ones. ──
  const newIndex = new Map<number, number>();
  pkg.sheets.forEach((s, i) => {
    const k = kept.indexOf(s);
    if (k >= 0) newIndex.set(i, k);
  });
  let namesEl = mainChild(wb, 'definedNames');
  for (const dn of namesEl ? mainChildren(namesEl, 'definedName') : []) {
    const local = dn.getAttribute('localSheetId');
    if (local === null) continue;
    const to = newIndex.get(Number(local));
    if (to === undefined) dn.parentNode!.removeChild(dn);
    else if (to !== Number(local)) dn.setAttribute('localSheetId', String(to));
  }
  const names: Element[] = [];
  const definedName = (name: string, sheet: number, formula: string, hidden: boolean) => {
    const dn = createLike(wb, 'definedName');
    dn.setAttribute('name', name);
    dn.setAttribute('localSheetId', String(sheet));
    if (hidden) dn.setAttribute('hidden', '1');
    dn.appendChild(pkg.workbook.createTextNode(formula));
    names.push(dn);
  };
  patch.sheets.forEach((sp, i) => {
    const index = kept.length + i;
    if (sp.printTitleRows) {
      const [a, b] = sp.printTitleRows.split(':');
      definedName('_xlnm.Print_Titles', index, `${quoteSheet(sp.name)}!$${a}:$${b ?? a}`, false);
    }
    if (sp.owned) definedName(OWNER_MARK.name, index, OWNER_MARK.formula, true);
  });
  if (names.length) {
    if (!namesEl) {
      namesEl = createLike(wb, 'definedNames');
      insertInOrder(wb, namesEl);
    }
    for (const dn of names) namesEl.appendChild(dn);
  }
  if (namesEl && mainChildren(namesEl, 'definedName').length === 0) namesEl.parentNode!.removeChild(namesEl);

  // ── The active tab. ──
  const allNames = [...kept.map((s) => s.name), ...patch.sheets.map((s) => s.name)];
  const active = patch.activate ? allNames.indexOf(patch.activate) : -1;
  let views = mainChild(wb, 'bookViews');
  let view = views ? mainChild(views, 'workbookView') : null;
  if (active >= 0) {
    if (!view) {
      if (!views) {
        views = createLike(wb, 'bookViews');
        insertInOrder(wb, views);
      }
      view = createLike(wb, 'workbookView');
      views.appendChild(view);
    }
    view.setAttribute('activeTab', String(active));
    view.setAttribute('firstSheet', '0');
    // Input sheets that were the selected tab are selected no more (one view attribute each).
    for (const s of kept) {
      if (!s.tabSelected || !s.part) continue;
      replaced.set(s.part, unselectTab(archive, s.part));
    }
  } else if (view) {
    // No tab to activate: keep the workbook's, unless it now points past the last sheet.
    for (const a of ['activeTab', 'firstSheet']) {
      if (Number(view.getAttribute(a) ?? 0) >= allNames.length) view.setAttribute(a, '0');
    }
  }

  replaced.set(pkg.workbookPart, enc.encode(serializeXml(pkg.workbook)));
  if (rels.changed) setPart(rels.part, enc.encode(serializeXml(rels.doc)));
  if (types.changed) setPart('[Content_Types].xml', enc.encode(serializeXml(types.doc)));
  if (book.changed || !archive.get(stylesPart)) setPart(stylesPart, enc.encode(book.toXml()));

  function setPart(name: string, data: Uint8Array): void {
    const e = archive.get(name);
    if (e && !removed.has(lower(e.name))) replaced.set(e.name, data);
    else added.push({ name, data });
  }

  return assemble(archive, replaced, removed, added);
}

/** The archive: input entries in their order (replaced ones with their new bytes, the rest verbatim), then new parts. */
async function assemble(archive: PackageArchive, replaced: Map<string, Uint8Array | Rewrite>, removed: Set<string>, added: OutputPart[]): Promise<Uint8Array> {
  const parts: OutputPart[] = [];
  for (const e of archive.entries) {
    if (removed.has(e.name.toLowerCase())) continue;
    const data = replaced.get(e.name);
    if (data instanceof Uint8Array) parts.push({ name: e.name, data });
    else if (data) parts.push({ name: e.name, stream: data.stream });
    else {
      if (!e.directory) await archive.verify(e.name);
      parts.push({ name: e.name, copy: e, from: archive });
    }
  }
  for (const a of added) parts.push(a);
  try {
    return await writeArchive(parts);
  } catch (e) {
    // A rewritten part's own failure (its XML, its data), as it was raised, not as the deflater passed it on.
    const failure = [...replaced.values()].map((r) => (r instanceof Uint8Array ? null : r.failure)).find((f) => f);
    throw failure ?? e;
  }
}

/** Apply a patch to a package's bytes (null: a new, empty workbook) — for tests and the template. */
export async function patchXlsx(input: Uint8Array | null, patch: WorkbookPatch, owned: ReadonlySet<string>): Promise<Uint8Array> {
  const pkg = input ? await openWorkbook(input) : await emptyWorkbook();
  return patchPackage(pkg, patch, owned);
}

