/**
 * XML text for SpreadsheetML parts: escaping that keeps every string exactly as it was typed.
 *
 * - & < > " ' are entities;
 * - characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) are written
 *   the way Excel writes them, as `_xHHHH_` (lone surrogates become U+FFFD);
 * - a literal `_xHHHH_` in the text is itself escaped (`_x005F_xHHHH_`), so Excel does not decode it;
 * - a carriage return is `_x000D_` (an XML parser would turn a raw CR into LF).
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"']|_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replace(m: string): string {
  const e = ENTITY[m];
  if (e) return e;
  if (m.length === 7) return `_x005F${m}`; // a literal _xHHHH_
  const code = m.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `_x${hex4(code)}_`;
}

/** Text for element content or an attribute value. */
export function esc(s: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(s) ? s.replace(SPECIAL, replace) : s;
}

/** Plain XML escaping only (for names and formulas, where `_xHHHH_` has no meaning). */
export function escAttr(s: string): string {
  return s.replace(/[&<>"']/g, (m) => ENTITY[m]);
}

/** Decode the five entities and numeric character references of an attribute or text value. */
export function unesc(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** The attributes of a start tag (`<sheet name="a" r:id="rId1"/>`) by qualified name, decoded. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.set(m[1], unesc(m[3] ?? m[4] ?? ''));
  return out;
}

/** Set (or add) one attribute in a start tag, keeping the rest of the tag as it was. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escAttr(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escAttr(value)}"$1`);
}

/** The namespace prefix ("x:" or "") the root element of a part uses. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}
