/**
 * Opening a package: the workbook part, found through the package relationships (`_rels/.rels`), not
 * assumed at xl/workbook.xml; its sheet list, states, defined names and protection, read with a
 * namespace-aware DOM, so any prefix (`<x:workbook xmlns:x=…>`), a relationships prefix declared on each
 * `<sheet>`, and strict-conformance namespaces all read alike.
 */
import { OWNER_MARK } from '../../../workbook/meta';
import { PACKAGE_LIMITS, PackageArchive, PackageError } from '../package/archive';
import type { PackageLimits } from '../package/archive';
import { Relationships } from '../package/opc';
import { decodePart, isMainNs, mainChild, mainChildren, parseXml, relAttr } from '../package/xml';
import type { Document, Element } from '../package/xml';
import { isTrue } from './cell';

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

/** Open a package and read its workbook part's structure. PackageError when it is not a workbook. */
/**
 * A Word or PowerPoint package (a .docx or .pptx renamed, or picked as a workbook): its main part, named by
 * the package's officeDocument relationship (word/document.xml, ppt/presentation.xml), or the usual part
 * when the relationship is missing. ECMA-376 Part 1 §11.3.10 and §13.3.6 name these main parts.
 */
function otherOfficeDocument(target: string | undefined, archive: PackageArchive): 'word_document' | 'powerpoint_document' | null {
  const main = target ?? (archive.get('xl/workbook.xml') ? 'xl/workbook.xml' : archive.get('word/document.xml') ? 'word/document.xml' : archive.get('ppt/presentation.xml') ? 'ppt/presentation.xml' : '');
  if (main.startsWith('word/')) return 'word_document';
  if (main.startsWith('ppt/')) return 'powerpoint_document';
  return null;
}

export async function openWorkbook(bytes: Uint8Array, limits: PackageLimits = PACKAGE_LIMITS): Promise<WorkbookPackage> {
  const archive = await PackageArchive.open(bytes, limits);
  const root = await Relationships.read(archive, '');
  const office = root.ofKind('officeDocument')[0];
  const other = otherOfficeDocument(office?.target, archive);
  if (other) throw new PackageError(other, office?.target ?? null);
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
