/**
 * Workbooks from other producers and hostile or unusual files and command lines, through the command-line
 * tool as a user runs it: each is assessed correctly, or refused with exit 2 and one line that names the
 * file and says what to do. Never a stack trace, never a changed input, never a half-written output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { main } from '../src/cli/main';
import type { Io } from '../src/cli/main';
import { ReportSchema } from '../src/app/report';
import type { Report } from '../src/app/report';
import { AssessError } from '../src/domain/errors';
import { FileHost } from '../src/hosts/file/host';
import { atomicWrite, checkOutputPath } from '../src/hosts/file/node';
import { PACKAGE_LIMITS } from '../src/hosts/file/package/archive';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { BASIC_ROWS, VARIANTS, WPS, vetoErrorWorkbook } from './support/variants';
import { basicFixture, sha256, tempDir, writeXlsx } from './support/xlsx';
import { typeInto } from './support/type-into';
import { describeError } from '../src/i18n/errors';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = tempDir('pga-hostile-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(args, io);
  return { code, out, err };
}

/**
 * `run` with the clock stopped at `now` (only Date: timers run as usual), so that two runs write the same run
 * time — the tables show it to the minute, and two runs on a loaded machine may straddle one.
 */
async function atInstant<T>(now: number, run: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  try {
    return await run();
  } finally {
    jest.useRealTimers();
  }
}

function rows(report: Report) {
  return report.assessments.map((a) => [a.group, a.year, a.half, a.total, a.band]);
}

function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.write(xml).close(); // throws on the first error
  expect(name).toBeTruthy();
}

async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

describe.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (name, v) => {
  let input: string;
  let before: string;
  beforeAll(async () => {
    input = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(input, await v.bytes());
    before = sha256(input);
  });

  if (v.expect.assessed) {
    const expected = v.expect;
    test(`assessed (${v.about}); the input unchanged; the output read back alike; a second run changes nothing but the run record`, async () => {
      const out = path.join(dir, `${name}.assessed.xlsx`);
      const json = path.join(dir, `${name}.json`);
      // Both runs at one instant: what the second run may change is the run record alone.
      const now = Date.now();
      const r = await atInstant(now, () => cli([input, '--json', json]));
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: [] });
      expect(sha256(input)).toBe(before);
      const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
      if (expected.rows) expect(rows(report)).toEqual(expected.rows.map((x) => [...x]));
      expect(report.issues.map((i) => i.code).sort()).toEqual([...(expected.issues ?? [])].sort());
      // Every part of the output is well-formed XML to an independent reader.
      const parts = await partsOf(out);
      for (const [n, data] of parts) if (/\.(xml|rels)$/.test(n)) wellFormed(n, data.toString(n.endsWith('.xml') && data[0] === 0xff ? 'utf16le' : 'utf8').replace(/^\uFEFF/, ''));
      // The assessed workbook is read back with the results in it.
      const again = path.join(dir, `${name}.again.xlsx`);
      const json2 = path.join(dir, `${name}.again.json`);
      const r2 = await atInstant(now, () => cli([out, '--out', again, '--json', json2]));
      expect(r2.code).toBe(0);
      expect(fs.readFileSync(json2, 'utf8')).toBe(fs.readFileSync(json, 'utf8'));
      const parts2 = await partsOf(again);
      expect([...parts2.keys()].sort()).toEqual([...parts.keys()].sort());
      const host = new FileHost(fs.readFileSync(again));
      const snap = await host.read();
      const metaPart = [...parts2].filter(([, d]) => d.includes('party-group-assessment') && d.includes('runAt'));
      for (const [n, d] of parts2) if (!metaPart.some(([m]) => m === n)) expect([n, d.equals(parts.get(n)!)]).toEqual([n, true]);
      expect(snap.sheets.map((s) => s.name)).toContain('考评结果');
      expect(snap.sheets.filter((s) => s.name.startsWith('考评结果'))).toHaveLength(1);
    });
  } else {
    const expected = v.expect;
    test(`refused with exit 2 and one line naming the file, in both languages (${v.about}); nothing written`, async () => {
      const out = path.join(dir, `${name}.assessed.xlsx`);
      const zh = await cli([input]);
      expect(zh.code).toBe(2);
      expect(zh.out).toEqual([]);
      expect(zh.err).toHaveLength(1);
      expect(zh.err[0].startsWith(`${input}`)).toBe(true);
      expect(zh.err[0]).toMatch(expected.message);
      expect(zh.err[0]).not.toMatch(/TypeError|undefined|at .*\.js|Cannot (set|read) propert/);
      const en = await cli([input, '--lang', 'en-US']);
      expect(en.code).toBe(2);
      expect(en.err[0]).toMatch(expected.messageEn);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.pga-'))).toEqual([]);
      expect(sha256(input)).toBe(before);
    });
  }
});

describe('a workbook saved by WPS Office', () => {
  test('keeps its pictures in cells: the image store, its relationship and content type, the DISPIMG cell and the WPS properties', async () => {
    const v = VARIANTS.find((x) => x.name === 'wps-cell-images')!;
    const input = path.join(dir, 'wps-pictures.xlsx');
    fs.writeFileSync(input, await v.bytes());
    const inParts = await partsOf(input);
    expect(inParts.get('xl/styles.xml')!.toString()).toContain('<charset val="134"/>');
    const out = path.join(dir, 'wps-pictures.assessed.xlsx');
    expect((await cli([input, '--out', out])).code).toBe(0);
    const outParts = await partsOf(out);
    for (const name of ['xl/cellimages.xml', 'xl/_rels/cellimages.xml.rels', 'xl/media/image1.png', 'xl/worksheets/sheet9.xml', 'docProps/custom.xml']) {
      expect([name, outParts.get(name)?.equals(inParts.get(name)!)]).toEqual([name, true]);
    }
    const rels = outParts.get('xl/_rels/workbook.xml.rels')!.toString();
    expect(rels).toMatch(new RegExp(`<Relationship Id="rIdWpsImg" Type="${WPS.cellImageRel}" Target="cellimages.xml"/>`));
    const types = outParts.get('[Content_Types].xml')!.toString();
    expect(types).toContain(`<Override PartName="/xl/cellimages.xml" ContentType="${WPS.cellImageType}"/>`);
    expect(outParts.get('_rels/.rels')!.toString()).toContain('Target="docProps/custom.xml"');
    // The font keeps its character set; the formats the run adds come after the input's.
    expect(outParts.get('xl/styles.xml')!.toString()).toContain('<charset val="134"/>');
    // The attachments sheet is still in the workbook, and reads as before.
    const snap = await new FileHost(fs.readFileSync(out)).read();
    const attachments = snap.sheets.find((s) => s.name === '附件')!;
    expect(attachments.values[0]).toEqual(['活动照片', `=DISPIMG("${WPS.imageId}",1)`]);
  });
});

describe('text decoded as Excel stores it', () => {
  test('_xHHHH_ escapes in shared strings are decoded: a trailing escaped space folds away, a literal escape stays literal', async () => {
    const v = VARIANTS.find((x) => x.name === 'escaped-text')!;
    const snap = await new FileHost(await v.bytes()).read();
    const cells = snap.sheets[0].values.flat();
    expect(cells).toContain('城东供电所党小组 ');
    expect(cells).toContain('王建国_x0041_');
  });
});

describe('an error value in the 一票否决 column', () => {
  test('is not a veto: the row is not graded, with a data issue naming the cell', async () => {
    const input = path.join(dir, 'veto-na.xlsx');
    fs.writeFileSync(input, await vetoErrorWorkbook());
    const json = path.join(dir, 'veto-na.json');
    expect((await cli([input, '--json', json])).code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.issues.map((i) => [i.code, i.cell, i.value])).toEqual([['VETO_UNREADABLE', '考评记录!R2', '#N/A']]);
    expect(report.assessments[0]).toMatchObject({ status: 'not_graded', band: null });
    expect(report.assessments.slice(1).map((a) => a.band)).toEqual(BASIC_ROWS.slice(1).map((r) => r[4]));
  });
});

/** An assessed workbook whose outputs the user deleted (the run record stays), with a sheet of the user's named 数据问题. */
async function userOwnIssuesSheet(stem: string, version1: boolean): Promise<string> {
  const input = path.join(dir, `${stem}.xlsx`);
  await writeXlsx(input, basicFixture());
  const first = path.join(dir, `${stem}.1.xlsx`);
  expect((await cli([input, '--out', first])).code).toBe(0);
  // The user deletes the seven output sheets (the run record stays, very hidden) and adds a sheet of their own.
  const zip = await JSZip.loadAsync(fs.readFileSync(first));
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  for (const n of ['考评结果', '年度排名', '预警与整改', '数据问题', '半年考评结果表', '年度考评结果表', '整改台账']) wb = wb.replace(new RegExp(`<sheet name="${n}"[^>]*/>`), '');
  wb = wb.replace(/<definedName [^>]*localSheetId="[1-7]"[^>]*>[^<]*<\/definedName>/g, '').replace(/localSheetId="8"/g, 'localSheetId="1"');
  wb = wb.replace('</sheets>', '<sheet name="数据问题" sheetId="20" r:id="rIdMine"/></sheets>').replace(/activeTab="\d+"/, 'activeTab="0"');
  zip.file('xl/workbook.xml', wb);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdMine" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/mine.xml"/></Relationships>`));
  zip.file('xl/worksheets/mine.xml', MINE_XML);
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/xl/worksheets/mine.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  const edited = path.join(dir, `${stem}.edited.xlsx`);
  let bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  // A record of an earlier release: version 1, which marked no sheets (B2 holds the version).
  if (version1) bytes = await typeInto(bytes, '_PGA_META', { B2: 1 });
  fs.writeFileSync(edited, bytes);
  return edited;
}

const MINE_XML =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>支部自己记的数据问题</t></is></c></row></sheetData></worksheet>';

/** The XML of a sheet's part in a package, by the sheet's name. */
async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`<Relationship Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return zip.file(target.startsWith('/') ? target.slice(1) : `xl/${target}`)!.async('string');
}

describe('ownership is the sheet’s, not its name’s', () => {
  test('outputs deleted by the user and a sheet of the user’s named 数据问题 added: the re-run leaves that sheet alone', async () => {
    const edited = await userOwnIssuesSheet('own', false);
    const second = path.join(dir, 'own.2.xlsx');
    expect((await cli([edited, '--out', second])).code).toBe(0);
    const snap = await new FileHost(fs.readFileSync(second)).read();
    const mine = snap.sheets.find((s) => s.name === '数据问题')!;
    expect(mine.values).toEqual([['支部自己记的数据问题']]);
    expect(snap.sheets.map((s) => s.name)).toEqual(['考评记录', '数据问题', '考评结果', '年度排名', '预警与整改', '数据问题 (2)', '半年考评结果表', '年度考评结果表', '整改台账', '_PGA_META']);
    // And the run after that keeps both as they are.
    const third = path.join(dir, 'own.3.xlsx');
    expect((await cli([second, '--out', third])).code).toBe(0);
    const snap3 = await new FileHost(fs.readFileSync(third)).read();
    expect(snap3.sheets.map((s) => s.name)).toEqual(snap.sheets.map((s) => s.name));
    expect(snap3.sheets.find((s) => s.name === '数据问题')!.values).toEqual([['支部自己记的数据问题']]);
  });

  test('issue 17: a record of an earlier release (version 1) with a user’s own 数据问题: that sheet is kept byte for byte, ours goes elsewhere, and the run says why', async () => {
    const edited = await userOwnIssuesSheet('own-v1', true);
    const second = path.join(dir, 'own-v1.2.xlsx');
    const r = await cli([edited, '--out', second]);
    expect(r.code).toBe(0);
    expect(await sheetXml(second, '数据问题')).toBe(MINE_XML);
    const snap = await new FileHost(fs.readFileSync(second)).read();
    expect(snap.sheets.map((s) => s.name)).toEqual(['考评记录', '数据问题', '考评结果', '年度排名', '预警与整改', '数据问题 (2)', '半年考评结果表', '年度考评结果表', '整改台账', '_PGA_META']);
    expect(r.out.join('\n')).toContain('工作表“数据问题”已不像本助手生成的内容（早期版本的运行记录只记表名），已作为您的表保留；本次结果写入“数据问题 (2)”。');
    // The next run (a record of this release now) keeps both as they are.
    const third = path.join(dir, 'own-v1.3.xlsx');
    expect((await cli([second, '--out', third])).code).toBe(0);
    expect(await sheetXml(third, '数据问题')).toBe(MINE_XML);
  });
});

describe('command lines', () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(dir, 'cmd.xlsx');
    await writeXlsx(input, basicFixture());
  });

  test('--json naming the same file as --out is a usage error; nothing written', async () => {
    const both = path.join(dir, 'same.xlsx');
    const r = await cli([input, '--out', both, '--json', both]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('--json 与 --out 指向同一个文件');
    expect(fs.existsSync(both)).toBe(false);
  });

  test('--json - writes the report to standard output and the summary to standard error', async () => {
    const out = path.join(dir, 'stdout.assessed.xlsx');
    const r = await cli([input, '--out', out, '--json', '-']);
    expect(r.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.out.join('\n')));
    expect(rows(report)).toEqual(BASIC_ROWS.map((x) => [...x]));
    expect(r.err.join('\n')).toContain('结果已写入');
    expect(fs.existsSync(path.join(dir, '-'))).toBe(false);
  });

  test('--out naming a pipe (not a regular file) is refused and the pipe stays a pipe', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await cli([input, '--out', fifo]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`${fifo}: 这不是普通文件（设备、管道或其他特殊文件），不能用作输出。请指定一个普通的文件路径`);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  test('a device such as /dev/null is never an output (checked before anything is written)', () => {
    expect(() => checkOutputPath('/dev/null')).toThrow(AssessError);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('--out with another extension (.csv) is refused, saying which one to use', async () => {
    const csv = path.join(dir, 'o.csv');
    const r = await cli([input, '--out', csv]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('以 .xlsx 结尾');
    expect(fs.existsSync(csv)).toBe(false);
  });

  test('an 80-character Chinese file name is assessed (the temporary file’s name is short)', async () => {
    const long = path.join(dir, `${'城区供电中心线路工区党支部党小组工作考评'.repeat(4)}.xlsx`);
    expect(path.basename(long).length).toBe(85);
    fs.copyFileSync(input, long);
    const r = await cli([long]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(long.replace(/\.xlsx$/, '.assessed.xlsx'))).toBe(true);
  });

  test('a workbook without a score table: the one line names the file', async () => {
    const empty = path.join(dir, 'no-table.xlsx');
    await writeXlsx(empty, { sheets: [{ name: '备忘', rows: [['会议记录'], ['2024年3月支部大会']] }] });
    const r = await cli([empty]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0].startsWith(`${empty}: `)).toBe(true);
    expect(r.err[0]).toContain('找不到');
  });
});

describe('saving', () => {
  test('a full disk is named as such, with what to do, and leaves no partial file', async () => {
    const target = path.join(dir, 'full.xlsx');
    for (const code of ['ENOSPC', 'EFBIG']) {
      const e = await atomicWrite(target, async (tmp) => {
        fs.writeFileSync(tmp, 'partial');
        throw Object.assign(new Error('write failed'), { code });
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AssessError);
      expect(describeError((e as AssessError), 'zh-CN')).toBe(`${target}: 磁盘空间不足，无法写入（${code}），未留下不完整的文件。请清理磁盘空间，或用 --out 写到其他位置`);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.pga-'))).toEqual([]);
      expect(fs.existsSync(target)).toBe(false);
    }
  });
});

describe('limits: a file that would exhaust memory is refused at a stated limit, never inflated to the end', () => {
  async function bigSheetBytes(rows: number): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await VARIANTS[0].bytes());
    let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const extra: string[] = [];
    for (let r = 100; r < 100 + rows; r++) extra.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c></row>`);
    xml = xml.replace('</sheetData>', `${extra.join('')}</sheetData>`);
    zip.file('xl/worksheets/sheet1.xml', xml);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  async function failure(bytes: Uint8Array, limits: Partial<typeof PACKAGE_LIMITS>): Promise<AssessError> {
    const host = new FileHost(bytes, 'big.xlsx', { ...PACKAGE_LIMITS, ...limits });
    const e = await assessWorkbook(host).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssessError);
    return e as AssessError;
  }

  test('a part larger than the limit once inflated (as declared)', async () => {
    const e = await failure(await bigSheetBytes(20000), { maxPartBytes: 256 * 1024 });
    expect(describeError(e, 'zh-CN')).toBe('big.xlsx: 部件“xl/worksheets/sheet1.xml”解压后超过256 KB的上限，未予处理（这样大的工作表多半是异常文件）。请删除无关的数据，或把评分表复制到新工作簿后再试');
  });

  test('a part whose declared size lies is stopped as damaged as soon as it inflates past what it declared', async () => {
    const bytes = Buffer.from(await bigSheetBytes(20000));
    // Make the central directory and local header claim a tiny uncompressed size for the sheet.
    const zip = await JSZip.loadAsync(bytes);
    const real = (await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array')).length;
    const le = Buffer.alloc(4);
    le.writeUInt32LE(real);
    const small = Buffer.alloc(4);
    small.writeUInt32LE(1000);
    let i = bytes.indexOf(le);
    while (i >= 0) {
      small.copy(bytes, i);
      i = bytes.indexOf(le, i + 4);
    }
    // zip.js stops at the declared size (ERR_INVALID_UNCOMPRESSED_SIZE); the part limit is the second guard.
    const e = await failure(bytes, { maxPartBytes: 256 * 1024 });
    expect(describeError(e, 'en-US')).toBe('big.xlsx: the file is damaged: the data of the part “xl/worksheets/sheet1.xml” is incomplete or altered and cannot be read. Get the original file again, or let Excel repair it, save it and try again');
  });

  test('more cells than the limit', async () => {
    const e = await failure(await bigSheetBytes(5000), { maxCells: 5000 });
    expect(describeError(e, 'zh-CN')).toBe('big.xlsx: 工作表中的单元格超过5,000个的上限，未予处理。请删除无关的工作表或大片空白格式区域，或把评分表复制到新工作簿后再试');
  });

  test('rows beyond the limit', async () => {
    const e = await failure(await bigSheetBytes(200), { maxRows: 150 });
    expect(describeError(e, 'en-US')).toBe('big.xlsx: the part “xl/worksheets/sheet1.xml” has rows beyond Excel’s limit of 150 rows: the file is damaged. Let Excel repair it, save it and try again');
  });

  test('a package larger than the limit in all (as declared) is refused before anything is inflated', async () => {
    const e = await failure(await bigSheetBytes(20000), { maxTotalBytes: 300 * 1024 });
    expect(describeError(e, 'zh-CN')).toContain('文件解压后超过300 KB的上限');
  });
});

describe('namespaces are read by scope, not by spelling', () => {
  test('an element named like a cell in another namespace is not a cell, and a redeclared default namespace is followed', async () => {
    const base = VARIANTS.find((x) => x.name === 'exceljs')!;
    const zip = await JSZip.loadAsync(await base.bytes());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // A foreign <c> inside row 2 (its own default namespace) must not overwrite A2; inside it, the main
    // namespace bound again under another prefix is SpreadsheetML once more.
    const foreign = '<ext xmlns="urn:other"><c r="A2"><v>1999</v></c><m:c xmlns:m="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="Z2"><m:v>7</m:v></m:c></ext>';
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/(<row r="2"[^>]*>)/, `$1${foreign}`));
    const snap = await new FileHost(await zip.generateAsync({ type: 'uint8array' })).read();
    const row = snap.sheets[0].values[1];
    expect(row[0]).toBe(2024);
    expect(row[25]).toBe(7);
  });
});
