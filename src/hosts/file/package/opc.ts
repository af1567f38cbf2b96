/**
 * Open Packaging Conventions (ECMA-376 Part 2) over the DOM: relationship parts, content types, part
 * names. Relationship types are matched by their last segment so that transitional
 * (`http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet`) and strict
 * (`http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`) packages read alike.
 */
import { PackageError } from './archive';
import type { PackageArchive } from './archive';
import { childElements, createLike, decodePart, parseXml } from './xml';
import type { Document, Element } from './xml';

/** The folder of a part ("xl/" for "xl/workbook.xml"; "" at the root). */
export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; "" → _rels/.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against its source's folder, as a part name without a leading '/'. */
export function resolveTarget(baseDir: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // keep the target as written
  }
  const segments = (t.startsWith('/') ? t.slice(1) : baseDir + t).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** A relationship's type by its last segment ("worksheet", "styles", "officeDocument"…). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export interface Relationship {
  element: Element;
  id: string;
  type: string;
  kind: string;
  /** The resolved part name (internal) or the target as written (external). */
  target: string;
  external: boolean;
}

/** A relationships part, editable. */
export class Relationships {
  readonly rels: Relationship[] = [];
  changed = false;

  private constructor(
    readonly part: string,
    readonly doc: Document,
    private readonly baseDir: string,
  ) {
    for (const e of childElements(doc.documentElement!)) {
      if (e.localName !== 'Relationship') continue;
      const external = e.getAttribute('TargetMode') === 'External';
      const target = e.getAttribute('Target') ?? '';
      const type = e.getAttribute('Type') ?? '';
      this.rels.push({ element: e, id: e.getAttribute('Id') ?? '', type, kind: relKind(type), target: external ? target : resolveTarget(baseDir, target), external });
    }
  }

  /** The relationships of `source` ("" for the package itself); an empty set when the part is absent. */
  static async read(archive: PackageArchive | null, source: string): Promise<Relationships> {
    const part = source === '' ? '_rels/.rels' : relsPathOf(source);
    const entry = archive?.get(part);
    const text = entry ? decodePart(await archive!.bytes(entry.name), entry.name) : EMPTY_RELS;
    return new Relationships(entry ? entry.name : part, parseXml(text, part), dirOf(source));
  }

  byId(id: string): Relationship | undefined {
    return this.rels.find((r) => r.id === id);
  }

  ofKind(kind: string): Relationship[] {
    return this.rels.filter((r) => r.kind === kind && !r.external);
  }

  remove(rel: Relationship): void {
    rel.element.parentNode?.removeChild(rel.element);
    this.rels.splice(this.rels.indexOf(rel), 1);
    this.changed = true;
  }

  /** Add a relationship to a part (target given as a part name) with a fresh id; returns the id. */
  add(type: string, targetPart: string, preferredId?: string): string {
    const used = new Set(this.rels.map((r) => r.id));
    let id = preferredId && !used.has(preferredId) ? preferredId : '';
    for (let n = 1; !id; n++) if (!used.has(`rId${n}`)) id = `rId${n}`;
    const root = this.doc.documentElement!;
    const e = createLike(root, 'Relationship');
    e.setAttribute('Id', id);
    e.setAttribute('Type', type);
    e.setAttribute('Target', relativeTarget(this.baseDir, targetPart));
    root.appendChild(e);
    this.rels.push({ element: e, id, type, kind: relKind(type), target: targetPart, external: false });
    this.changed = true;
    return id;
  }
}

/** A part name as a target relative to a folder (xl/ + xl/worksheets/sheet5.xml → worksheets/sheet5.xml). */
function relativeTarget(baseDir: string, part: string): string {
  return part.startsWith(baseDir) ? part.slice(baseDir.length) : `/${part}`;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** [Content_Types].xml, editable. Part names compare case-insensitively (OPC). */
export class ContentTypes {
  changed = false;
  private constructor(readonly doc: Document) {}

  static async read(archive: PackageArchive): Promise<ContentTypes> {
    const entry = archive.get('[Content_Types].xml');
    if (!entry) throw new PackageError('missing_part', '[Content_Types].xml');
    return new ContentTypes(parseXml(decodePart(await archive.bytes(entry.name), entry.name), entry.name));
  }

  static fromText(text: string): ContentTypes {
    return new ContentTypes(parseXml(text, '[Content_Types].xml'));
  }

  private overrides(): Element[] {
    return childElements(this.doc.documentElement!).filter((e) => e.localName === 'Override');
  }

  /** The content type of a part (its override, else the default for its extension). */
  typeOf(part: string): string | null {
    const name = `/${part}`.toLowerCase();
    for (const o of this.overrides()) if ((o.getAttribute('PartName') ?? '').toLowerCase() === name) return o.getAttribute('ContentType');
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const d of childElements(this.doc.documentElement!)) {
      if (d.localName === 'Default' && (d.getAttribute('Extension') ?? '').toLowerCase() === ext) return d.getAttribute('ContentType');
    }
    return null;
  }

  removeOverride(part: string): void {
    const name = `/${part}`.toLowerCase();
    for (const o of this.overrides()) {
      if ((o.getAttribute('PartName') ?? '').toLowerCase() === name) {
        o.parentNode?.removeChild(o);
        this.changed = true;
      }
    }
  }

  addOverride(part: string, contentType: string): void {
    this.removeOverride(part);
    const root = this.doc.documentElement!;
    const e = createLike(root, 'Override');
    e.setAttribute('PartName', `/${part}`);
    e.setAttribute('ContentType', contentType);
    root.appendChild(e);
    this.changed = true;
  }
}
