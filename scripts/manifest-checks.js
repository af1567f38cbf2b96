/**
 * The manifest rules the XML schema does not check (shared by `npm run validate` and
 * test/office/manifest.test.ts): every resid resolves to a resource of the right kind, every URL is
 * HTTPS, ids and strings are within Office's limits, every string is English by default with the Chinese text
 * for every Chinese display language, and
 * the add-in asks for nothing newer than ExcelApi 1.7 and no shared runtime.
 * Node only, no dependencies: a small XML tokenizer is enough for a manifest.
 */
'use strict';

/**
 * The Chinese display languages: each string has an Override with the Chinese text for every one of them. Office
 * shows the Override of its display language and the DefaultValue (English, DefaultLocale en-US) for any other
 * ("Localization for Office Add-ins": the DefaultValue applies to all locales without an Override), so every
 * Office that is not Chinese shows the English ribbon, as the pane speaks English there (src/hosts/office/env.ts langOf).
 */
const CHINESE_LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'zh-SG', 'zh-MO'];
const HAN = /[\u3400-\u9fff]/;

const LIMITS = {
  resid: 32, // bt:Image/bt:Url/bt:String id and every resid
  controlId: 125, // Group and Control ids
  shortString: 125,
  longString: 250,
  displayName: 125,
  description: 250,
  url: 2048,
  functionName: 64,
};

function decode(s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Parse into { name, attrs, children, text } (namespace prefixes kept). Throws on unbalanced tags. */
function parseXml(xml) {
  const src = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m;
  while ((m = re.exec(src))) {
    if (m[5] !== undefined) {
      stack[stack.length - 1].text += decode(m[5]);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const top = stack.pop();
      if (!top || top.name !== name) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    const attrs = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el = { name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root.children[0];
}

const local = (name) => name.replace(/^.*:/, '');
function* walk(el, parents = []) {
  yield [el, parents];
  for (const c of el.children) yield* walk(c, [...parents, el]);
}
const childrenNamed = (el, n) => el.children.filter((c) => local(c.name) === n);

/** Returns a list of problems (empty when the manifest is fine). */
function checkManifest(xml) {
  const errors = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed: ${e.message}`];
  }
  const all = [...walk(root)];
  const find = (n) => all.filter(([el]) => local(el.name) === n);

  // Identity
  const id = find('Id')[0]?.[0].text.trim() ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) errors.push(`Id is not a GUID: "${id}"`);
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') errors.push('OfficeApp must be xsi:type="TaskPaneApp"');
  const defaultLocale = find('DefaultLocale')[0]?.[0].text.trim();
  if (defaultLocale !== 'en-US') errors.push(`DefaultLocale must be en-US (English for every language without an override), is ${defaultLocale}`);
  if (find('Permissions')[0]?.[0].text.trim() !== 'ReadWriteDocument') errors.push('Permissions must be ReadWriteDocument');
  if (find('Runtimes').length) errors.push('no shared runtime: <Runtimes> must not be present');
  const hosts = find('Host').map(([el]) => el.attrs.Name || el.attrs['xsi:type']);
  if (!hosts.includes('Workbook') || hosts.some((h) => h !== 'Workbook')) errors.push(`hosts must be Workbook only: ${hosts.join(', ')}`);

  // Requirements: ExcelApi ≤ 1.7
  const sets = find('Set').filter(([, p]) => p.some((x) => local(x.name) === 'Requirements'));
  const excel = sets.find(([el]) => el.attrs.Name === 'ExcelApi');
  if (!excel) errors.push('Requirements must name the ExcelApi set');
  else if (Number(excel[0].attrs.MinVersion) > 1.7) errors.push(`ExcelApi MinVersion ${excel[0].attrs.MinVersion} is above 1.7`);

  // Resources by kind
  const resources = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  for (const kind of Object.keys(resources)) {
    for (const [el] of find(kind)) {
      for (const r of el.children) {
        const rid = r.attrs.id;
        if (!rid) {
          errors.push(`${kind}: a resource without id`);
          continue;
        }
        if (rid.length > LIMITS.resid) errors.push(`resource id "${rid}" is longer than ${LIMITS.resid}`);
        for (const other of Object.values(resources)) if (other.has(rid)) errors.push(`resource id "${rid}" defined twice`);
        resources[kind].set(rid, r);
      }
    }
  }
  const kindOf = (el) => {
    const n = local(el.name);
    if (n === 'Image') return 'Images';
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl', 'Url'].includes(n)) return 'Urls';
    if (n === 'Label') return 'ShortStrings';
    if (n === 'Title') return 'ShortStrings';
    if (n === 'Description') return 'LongStrings';
    return null;
  };
  for (const [el] of all) {
    const rid = el.attrs.resid;
    if (rid === undefined) continue;
    if (rid.length > LIMITS.resid) errors.push(`resid "${rid}" is longer than ${LIMITS.resid}`);
    const kind = kindOf(el);
    if (!kind) {
      errors.push(`resid "${rid}" on unexpected <${el.name}>`);
      continue;
    }
    if (!resources[kind].has(rid)) {
      const elsewhere = Object.keys(resources).find((k) => resources[k].has(rid));
      errors.push(elsewhere ? `resid "${rid}" on <${el.name}> points to ${elsewhere}, expected ${kind}` : `resid "${rid}" on <${el.name}> is not defined`);
    }
  }
  for (const [kind, map] of Object.entries(resources)) {
    for (const rid of map.keys()) {
      if (!all.some(([el]) => el.attrs.resid === rid)) errors.push(`${kind} "${rid}" is defined but never used`);
    }
  }

  // Control ids
  for (const [el] of [...find('Group'), ...find('Control'), ...find('OfficeTab')]) {
    const cid = el.attrs.id || '';
    if (!cid) errors.push(`<${el.name}> without id`);
    if (cid.length > LIMITS.controlId) errors.push(`id "${cid}" is longer than ${LIMITS.controlId}`);
  }
  for (const [el] of find('FunctionName')) {
    const fn = el.text.trim();
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(fn) || fn.length > LIMITS.functionName) errors.push(`bad FunctionName "${fn}"`);
  }
  if (find('FunctionName').length && !find('FunctionFile').length) errors.push('ExecuteFunction needs a FunctionFile');

  // Strings: limits and both locales
  const localized = (label, el, limit, valueAttr = 'DefaultValue') => {
    const dflt = el.attrs[valueAttr];
    if (!dflt || !dflt.trim()) errors.push(`${label}: empty default (en-US) text`);
    else if (HAN.test(dflt)) errors.push(`${label}: the default (en-US) text is not English`);
    else if ([...dflt].length > limit) errors.push(`${label}: en-US text longer than ${limit}`);
    const overrides = childrenNamed(el, 'Override');
    const zh = overrides.find((o) => o.attrs.Locale === 'zh-CN');
    if (!zh || !zh.attrs.Value || !zh.attrs.Value.trim()) errors.push(`${label}: no zh-CN override`);
    else if (!HAN.test(zh.attrs.Value)) errors.push(`${label}: the zh-CN text is not Chinese`);
    else if ([...zh.attrs.Value].length > limit) errors.push(`${label}: zh-CN text longer than ${limit}`);
    // Every Chinese display language gets the Chinese text (Office otherwise shows the English default).
    for (const loc of CHINESE_LOCALES) {
      const o = overrides.find((x) => x.attrs.Locale === loc);
      if (!o) errors.push(`${label}: no ${loc} override`);
      else if (zh && o.attrs.Value !== zh.attrs.Value) errors.push(`${label}: ${loc} text differs from zh-CN`);
    }
    for (const o of overrides) if (!CHINESE_LOCALES.includes(o.attrs.Locale)) errors.push(`${label}: unexpected override locale ${o.attrs.Locale}`);
  };
  for (const [el] of find('DisplayName')) localized('DisplayName', el, LIMITS.displayName);
  for (const [el] of find('Description').filter(([e]) => e.attrs.DefaultValue !== undefined)) localized('Description', el, LIMITS.description);
  for (const [rid, el] of resources.ShortStrings) localized(`ShortString ${rid}`, el, LIMITS.shortString);
  for (const [rid, el] of resources.LongStrings) localized(`LongString ${rid}`, el, LIMITS.longString);

  // URLs: HTTPS everywhere
  const urls = [];
  for (const n of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']) {
    for (const [el] of find(n)) if (el.attrs.DefaultValue !== undefined) urls.push([n, el]);
  }
  for (const [rid, el] of [...resources.Images, ...resources.Urls]) urls.push([rid, el]);
  for (const [label, el] of urls) {
    const values = [el.attrs.DefaultValue, ...childrenNamed(el, 'Override').map((o) => o.attrs.Value)];
    for (const v of values) {
      let u = null;
      try {
        u = new URL(v);
      } catch {
        /* reported below */
      }
      if (!u || u.protocol !== 'https:') errors.push(`${label}: URL is not HTTPS: ${v}`);
      else if (v.length > LIMITS.url) errors.push(`${label}: URL longer than ${LIMITS.url}`);
    }
  }
  for (const [el] of find('AppDomain')) if (!/^https:\/\//.test(el.text.trim())) errors.push(`AppDomain not HTTPS: ${el.text.trim()}`);
  const imgSizes = new Set();
  for (const [el, parents] of find('Image')) if (parents.some((p) => local(p.name) === 'Icon')) imgSizes.add(el.attrs.size);
  for (const s of ['16', '32', '80']) if (!imgSizes.has(s)) errors.push(`ribbon icons lack size ${s}`);
  return errors;
}

module.exports = { checkManifest, parseXml, LIMITS, CHINESE_LOCALES };
