/** Reading a WPS ribbon.xml (customUI): its ids and its callback attributes, for the WPS tests. */
import { DOMParser } from '@xmldom/xmldom';

export const CUSTOM_UI = 'http://schemas.microsoft.com/office/2006/01/customui';

/**
 * A customUI document's ids and every callback attribute (onLoad, onAction, getImage, getEnabled…) as
 * [attribute, value]; throws when the XML is not well-formed.
 */
export function callbacksOf(xml: string): { ids: string[]; callbacks: [string, string][]; root: Element } {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
  if (errors.length) throw new Error(errors.join('\n'));
  const root = doc.documentElement as unknown as Element;
  const ids: string[] = [];
  const callbacks: [string, string][] = [];
  const walk = (el: Element) => {
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i];
      if (a.name === 'id') ids.push(a.value);
      if (/^(on[A-Z]|get[A-Z])/.test(a.name)) callbacks.push([a.name, a.value]);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element);
  };
  walk(root);
  return { ids, callbacks, root };
}
