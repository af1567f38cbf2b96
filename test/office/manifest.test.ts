/** The manifest rules the XSD cannot check (xmllint runs in test/system/manifest.test.ts). */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, parseXml, ENGLISH_LOCALES } = require('../../scripts/manifest-checks') as {
  checkManifest: (xml: string) => string[];
  parseXml: (xml: string) => unknown;
  ENGLISH_LOCALES: string[];
};

const root = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('passes every own check', () => {
    expect(checkManifest(xml)).toEqual([]);
  });

  it('has the Home-tab group with 考评 (ExecuteFunction) and 考评面板 (ShowTaskpane)', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/DefaultValue="党小组考评"/);
    expect(xml).toMatch(/<bt:String id="Assess.Label" DefaultValue="考评">/);
    expect(xml).toMatch(/<bt:String id="Pane.Label" DefaultValue="考评面板">/);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>runAssessment<\/FunctionName>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(xml).toMatch(/commands\.html/);
  });

  it('an English Office shows an English ribbon: en-GB and the other English locales have the English text', () => {
    expect(ENGLISH_LOCALES).toEqual(expect.arrayContaining(['en-GB', 'en-AU', 'en-CA', 'en-IN']));
    const strings = [...xml.matchAll(/<(?:bt:String|DisplayName|Description)\b[^>]*>([\s\S]*?)<\/(?:bt:String|DisplayName|Description)>/g)];
    expect(strings.length).toBeGreaterThan(8);
    for (const [, body] of strings) {
      const en = /Locale="en-US" Value="([^"]*)"/.exec(body)![1];
      for (const loc of ENGLISH_LOCALES) expect(body).toContain(`Locale="${loc}" Value="${en}"`);
    }
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
    ['missing en-US override', (x) => x.replace('<bt:Override Locale="en-US" Value="Assess"/>', ''), /Assess\.Label: no en-US override/],
    ['missing en-GB override', (x) => x.replace('<bt:Override Locale="en-GB" Value="Assess"/>', ''), /Assess\.Label: no en-GB override/],
    ['en-GB text not the English one', (x) => x.replace('<bt:Override Locale="en-GB" Value="Assess"/>', '<bt:Override Locale="en-GB" Value="考评"/>'), /Assess\.Label: en-GB text differs/],
    ['long short string', (x) => x.replace('Value="Assess now"', `Value="${'x'.repeat(126)}"`), /longer than 125/],
    ['long description', (x) => x.replace(/(<Description DefaultValue=")[^"]*/, `$1${'长'.repeat(251)}`), /Description: zh-CN text longer than 250/],
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
