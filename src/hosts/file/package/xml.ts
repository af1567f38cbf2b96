/**
 * XML of the package parts, through kept libraries: @xmldom/xmldom (a namespace-aware DOM) for the small
 * parts we edit (workbook, relationships, content types, styles), saxes for the parts we stream. What is
 * ours here is only SpreadsheetML's own text convention (ST_Xstring `_xHHHH_` escapes) and the choice of
 * a part's character encoding from its first bytes (XML 1.0 Appendix F), which no library offers.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { PackageError } from './archive';

export type { Document, Element, Node };

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** SpreadsheetML's main namespace in either conformance class. */
export function isMainNs(ns: string | null | undefined): boolean {
  return ns === NS.main || ns === NS.mainStrict;
}

/** The officeDocument relationships namespace in either conformance class. */
export function isRelNs(ns: string | null | undefined): boolean {
  return ns === NS.rel || ns === NS.relStrict;
}

/** The encoding of a part from its first bytes: a byte-order mark, or the UTF-16 of "<" (XML 1.0, Appendix F). */
export function sniffEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head.length >= 2) {
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
    if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
  }
  return 'utf-8';
}

/** A streaming decoder for one part: the encoding is chosen from the first chunk. */
export class PartDecoder {
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  constructor(private readonly part: string) {}
  write(chunk: Uint8Array): string {
    if (!this.decoder) this.decoder = new TextDecoder(sniffEncoding(chunk), { fatal: true });
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new PackageError('bad_xml', this.part, 'invalid character encoding');
    }
  }
  end(): string {
    try {
      return this.decoder ? this.decoder.decode() : '';
    } catch {
      throw new PackageError('bad_xml', this.part, 'invalid character encoding');
    }
  }
}

/** The text of a whole part. */
export function decodePart(bytes: Uint8Array, part: string): string {
  const d = new PartDecoder(part);
  return d.write(bytes) + d.end();
}

/** Parse a part into a DOM. Any error (not well-formed, a DTD) is a PackageError naming the part. */
export function parseXml(text: string, part: string): Document {
  let failure: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && failure === null) failure = message.split('\n')[0];
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new PackageError('bad_xml', part, e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  if (failure !== null) throw new PackageError('bad_xml', part, failure);
  // OPC forbids DTDs in package parts (ECMA-376 Part 2, §8.1.4): refuse rather than interpret one.
  if (doc.doctype) throw new PackageError('bad_xml', part, 'DTD');
  if (!doc.documentElement) throw new PackageError('bad_xml', part, 'no root element');
  return doc;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A DOM back to the text of a part, always as UTF-8 with Excel's declaration. */
export function serializeXml(doc: Document): string {
  let body = '';
  const s = new XMLSerializer();
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.PROCESSING_INSTRUCTION_NODE && (n as unknown as { target: string }).target === 'xml') continue;
    body += s.serializeToString(n);
  }
  return DECLARATION + body.replace(/^\s+/, '');
}

/** Child elements of a node (no text, comments or processing instructions). */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) if (n.nodeType === n.ELEMENT_NODE) out.push(n as Element);
  return out;
}

/** The first child element in SpreadsheetML's main namespace with this local name. */
export function mainChild(node: Node, local: string): Element | null {
  for (const e of childElements(node)) if (e.localName === local && isMainNs(e.namespaceURI)) return e;
  return null;
}

/** Child elements in SpreadsheetML's main namespace with this local name. */
export function mainChildren(node: Node, local: string): Element[] {
  return childElements(node).filter((e) => e.localName === local && isMainNs(e.namespaceURI));
}

/** A new element in the namespace and with the prefix of `like` (the root of the part it goes into). */
export function createLike(like: Element, local: string): Element {
  const doc = like.ownerDocument!;
  return doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
}

/** An attribute in the officeDocument relationships namespace (r:id), whatever its prefix and conformance. */
export function relAttr(e: Element, local: string): string | null {
  const attrs = e.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if (a.localName === local && isRelNs(a.namespaceURI)) return a.value;
  }
  return null;
}

// ── SpreadsheetML text (ST_Xstring) ────────────────────────────────────────────────────────────────

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"']|_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]?|[\uDC00-\uDFFF]/g;

function replace(m: string): string {
  const e = ENTITY[m];
  if (e) return e;
  if (m.length === 7) return `_x005F${m}`; // a literal _xHHHH_
  const code = m.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdbff) return m.length === 2 ? m : '\uFFFD'; // a pair stays; a lone half does not
  if (code >= 0xdc00 && code <= 0xdfff) return '\uFFFD';
  return `_x${hex4(code)}_`;
}

/**
 * The one encoder for text and attribute values of the parts we generate. It keeps every string exactly
 * as typed, the way Excel stores it:
 * - & < > " ' are entities;
 * - characters XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF) are `_xHHHH_`; a carriage
 *   return is `_x000D_` (a parser would turn a raw CR into LF); lone surrogates become U+FFFD;
 * - a literal `_xHHHH_` in the text is itself escaped (`_x005F_xHHHH_`), so Excel does not decode it.
 */
export function esc(s: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(s) ? s.replace(SPECIAL, replace) : s;
}

const XSTRING = /_x([0-9A-Fa-f]{4})_/g;

/** Decode SpreadsheetML's `_xHHHH_` escapes in text read from a part (the inverse of `esc`). */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(XSTRING, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
