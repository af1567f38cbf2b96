/** The manifest rules the XSD cannot check (xmllint runs in test/system/manifest.test.ts). */
import * as fs from 'fs';
import * as path from 'path';
import { langOf } from '../../src/hosts/office/env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, parseXml } = require('../../scripts/manifest-checks') as {
  checkManifest: (xml: string) => string[];
  parseXml: (xml: string) => unknown;
};

const root = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

/** The text of a localized element as Office picks it for a display language: its Override, else its DefaultValue. */
function resolve(el: string, locale: string): string {
  const o = new RegExp(`<(?:bt:)?Override Locale="${locale}" Value="([^"]*)"`, 'i').exec(el);
  return o ? o[1] : /DefaultValue="([^"]*)"/.exec(el)![1];
}
function element(tag: string, id?: string): string {
  const re = new RegExp(`<${tag}${id ? ` id="${id.replace('.', '\\.')}"` : ''}[^>]*>[\\s\\S]*?</${tag}>`);
  return re.exec(xml)![0];
}
const ribbon = (id: string, locale: string) => resolve(element('bt:String', id), locale);

describe('manifest.xml', () => {
  it('passes every own check', () => {
    expect(checkManifest(xml)).toEqual([]);
  });

  it('has the Home-tab group with 考评 (ExecuteFunction) and 考评面板 (ShowTaskpane)', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(ribbon('Group.Label', 'zh-CN')).toBe('党小组考评');
    expect(ribbon('Assess.Label', 'zh-CN')).toBe('考评');
    expect(ribbon('Pane.Label', 'zh-CN')).toBe('考评面板');
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>runAssessment<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/commands\.html/);
  });

  // Office shows a string's Override for its display language, else the DefaultValue ("Localization for Office
  // Add-ins": DefaultValue applies to every locale without an Override).
  const HAN = /[\u3400-\u9fff]/;
  const LOCALES = ['de-DE', 'fr-FR', 'ja-JP', 'ko-KR', 'ru-RU', 'es-ES', 'pt-BR', 'it-IT', 'ar-SA', 'en-US', 'en-GB', 'en-IN', 'zh-CN', 'zh-TW', 'zh-HK'];
  it.each(LOCALES)('an Office in %s shows the ribbon, its tips and the add-in’s name in the pane’s language: Chinese for zh-* only, English for every other', (locale) => {
    const chinese = langOf(locale) === 'zh-CN';
    expect(chinese).toBe(locale.startsWith('zh-'));
    const ids = [...xml.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) expect([id, HAN.test(ribbon(id, locale))]).toEqual([id, chinese]);
    for (const tag of ['DisplayName', 'Description']) expect([tag, HAN.test(resolve(element(tag), locale))]).toEqual([tag, chinese]);
  });

  it('names icons that exist in assets/ at 16, 32, 64 and 80 px', () => {
    for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w-]+\.png)/g)) {
      const file = path.join(root, 'assets', m[1]);
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      const size = Number(/icon-(\d+)/.exec(m[1])?.[1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size);
    }
    for (const s of [16, 32, 64, 80]) expect(fs.existsSync(path.join(root, 'assets', `icon-${s}.png`))).toBe(true);
  });

  it('the webpage the manifest calls exports the function it names', () => {
    const src = fs.readFileSync(path.join(root, 'src', 'commands', 'commands.ts'), 'utf8');
    expect(src).toMatch(/Office\.actions\.associate\('runAssessment'/);
  });

  // The checker itself must be able to fail: each mutation below breaks one rule.
  const broken: Array<[string, (x: string) => string, RegExp]> = [
    ['undefined resid', (x) => x.replace('resid="Assess.Label"', 'resid="Nope.Label"'), /Nope\.Label.*not defined/],
    ['resid of the wrong kind', (x) => x.replace('<Label resid="Pane.Label"/>', '<Label resid="Pane.Tooltip"/>'), /points to LongStrings/],
    ['http URL', (x) => x.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), /not HTTPS/],
    ['long resource id', (x) => x.replace(/"Help\.Url"/g, '"Help.Url.ThatIsMuchTooLongForOffice"'), /longer than 32/],
    ['missing zh-CN override', (x) => x.replace('<bt:Override Locale="zh-CN" Value="考评"/>', ''), /Assess\.Label: no zh-CN override/],
    ['missing zh-TW override', (x) => x.replace('<bt:Override Locale="zh-TW" Value="考评"/>', ''), /Assess\.Label: no zh-TW override/],
    ['zh-TW text not the Chinese one', (x) => x.replace('<bt:Override Locale="zh-TW" Value="考评"/>', '<bt:Override Locale="zh-TW" Value="Assess"/>'), /Assess\.Label: zh-TW text differs/],
    ['Chinese default', (x) => x.replace('DefaultValue="Assess">', 'DefaultValue="考评">'), /Assess\.Label: the default \(en-US\) text is not English/],
    ['an English override', (x) => x.replace('<bt:Override Locale="zh-TW" Value="考评"/>', '<bt:Override Locale="zh-TW" Value="考评"/><bt:Override Locale="en-GB" Value="Assess"/>'), /unexpected override locale en-GB/],
    ['Chinese default locale', (x) => x.replace('<DefaultLocale>en-US</DefaultLocale>', '<DefaultLocale>zh-CN</DefaultLocale>'), /DefaultLocale must be en-US/],
    ['long short string', (x) => x.replace('Value="Assess now"', `Value="${'x'.repeat(126)}"`), /longer than 125/],
    ['long description', (x) => x.replace(/(<Description DefaultValue="[^"]*">\s*<Override Locale="zh-CN" Value=")[^"]*/, `$1${'长'.repeat(251)}`), /Description: zh-CN text longer than 250/],
    ['newer requirement', (x) => x.replace('MinVersion="1.7"', 'MinVersion="1.9"'), /above 1\.7/],
    ['shared runtime', (x) => x.replace('<Hosts>\n      <Host xsi:type="Workbook">', '<Hosts>\n      <Host xsi:type="Workbook"><Runtimes></Runtimes>'), /shared runtime/],
    ['not a GUID', (x) => x.replace(/<Id>[^<]*<\/Id>/, '<Id>my-addin</Id>'), /not a GUID/],
    ['unused resource', (x) => x.replace('<bt:Urls>', '<bt:Urls><bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/x.html"/>'), /never used/],
  ];
  it.each(broken)('rejects a manifest with %s', (_name, mutate, expected) => {
    const mutated = mutate(xml);
    expect(mutated).not.toBe(xml);
    expect(checkManifest(mutated).join('\n')).toMatch(expected);
  });

  it('rejects XML that is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
  });
});
