/**
 * Streaming a large part (a worksheet, the shared strings) through saxes, chunk by chunk as it is
 * inflated, with its namespaces in scope: memory holds what the reader keeps, never the part's whole text.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { PackageArchive, PackageError } from '../package/archive';
import { PartDecoder, isMainNs } from '../package/xml';

/**
 * Which elements are SpreadsheetML's, by XML namespace scope. The large parts are lexed by saxes in its plain
 * mode (about twice as fast as its namespace mode, which builds an object per attribute) and this keeps the
 * namespace bindings in scope — `xmlns` and `xmlns:p` declarations pushed and popped with their elements —
 * so an element counts as a cell, a row… only when its name's prefix is bound to the main namespace there,
 * whatever the prefix (`c`, `x:c`) and however deep a redeclaration. An undeclared prefix matches nothing.
 */
export class MainScope {
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

/**
 * Stream a part through saxes (plain mode, with `scope` for namespaces), chunk by chunk as it inflates.
 * `setup` adds the reader's handlers. A DTD, or XML saxes refuses, is a PackageError (bad_xml) naming the part.
 */
export async function parsePart(archive: PackageArchive, part: string, scope: MainScope, setup: (p: SaxesParser<object>) => void): Promise<void> {
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
