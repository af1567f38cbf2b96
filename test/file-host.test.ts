/**
 * The file host: a patch written into a real .xlsx (values, text never formulas, internal links,
 * freeze panes, widths, fills, very hidden meta), foreign sheets never touched, and a second run on the
 * output changes nothing but the time of the run.
 */
import { localIso } from '../src/app/clock';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { AssessError } from '../src/domain/errors';
import { openWorkbookFile, saveWorkbookFile } from '../src/hosts/file/node';
import { patchXlsx } from '../src/hosts/file/write';
import { hostOf, snapshotFromExcelJS } from './support/exceljs-snapshot';
import { META_SHEET, metaSheetPatch, readMeta, readMetaLock } from '../src/workbook/meta';
import type { SheetPatch, WorkbookPatch, WorkbookSnapshot } from '../src/workbook/snapshot';
import { basicFixture, loadXlsx, tempDir, writeXlsx } from './support/xlsx';
import { describeError } from '../src/i18n/errors';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = tempDir('pga-host-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function outputSheet(over: Partial<SheetPatch> = {}): SheetPatch {
  return {
    name: '考评结果',
    values: [
      ['党小组', '合计', '等次', '来源'],
      ['=HYPERLINK("http://x","y")', 95.5, '优秀', '2024年上半年!B5'],
      ['+cmd|calc', 72, '基本合格', '2024年上半年!B6'],
    ],
    styles: [
      { range: 'A1:D1', bold: true, fill: 'D9E1F2', border: true, horizontal: 'center' },
      { range: 'C2', fill: 'C6EFCE', fontColor: '006100' },
      { range: 'C3', fill: 'FFEB9C', fontColor: '9C5700' },
      { range: 'B2:B3', numberFormat: '0.00' },
    ],
    links: [
      { row: 1, col: 3, target: "'2024年上半年'!B5", text: '2024年上半年!B5' },
      { row: 2, col: 3, target: "'2024年上半年'!B6", text: '2024年上半年!B6' },
    ],
    merges: [],
    columnWidths: [24, 8, 10, 18],
    freeze: { rows: 1, cols: 1 },
    visibility: 'visible',
    tabColor: '2E75B6',
    landscape: true,
    printTitleRows: '1:1',
    ...over,
  };
}

async function inputWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年上半年');
  ws.addRow(['序号', '党小组']);
  ws.getCell('B5').value = '城东供电所党小组';
  return wb;
}

/** The bytes of an ExcelJS workbook with a patch applied (nothing owned). */
async function patched(wb: ExcelJS.Workbook, patch: WorkbookPatch): Promise<Buffer> {
  return Buffer.from(await patchXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), patch, new Set()));
}

async function sheetXml(file: string, sheetName: string): Promise<{ xml: string; rels: string | null }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(wbRels)!;
  const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
  const relsPath = part.replace(/worksheets\//, 'worksheets/_rels/') + '.rels';
  return { xml: await zip.file(part)!.async('string'), rels: zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : null };
}

describe('patchXlsx on a real file', () => {
  let file: string;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const src = await inputWorkbook();
    file = path.join(dir, 'patched.xlsx');
    fs.writeFileSync(
      file,
      await patched(src, {
        sheets: [outputSheet(), metaSheetPatch({ sheets: ['考评结果'], runAt: '2024-07-15T08:30:00.000Z', fingerprint: 'abc', language: 'zh-CN', paneLanguage: null })],
        deleteSheets: [],
        activate: '考评结果',
      }),
    );
    wb = await loadXlsx(file);
  });

  test('values: numbers as numbers, text as plain strings — never formulas', () => {
    const ws = wb.getWorksheet('考评结果')!;
    expect(ws.getCell('B2').value).toBe(95.5);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').formula).toBeFalsy();
    expect(ws.getCell('A3').value).toBe('+cmd|calc');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });

  test('internal links go to the source cell, with no external relationship', async () => {
    const { xml, rels } = await sheetXml(file, '考评结果');
    expect(xml).toContain('<hyperlink ref="D2" location="&apos;2024年上半年&apos;!B5"/>');
    expect(xml).toContain('<hyperlink ref="D3" location="&apos;2024年上半年&apos;!B6"/>');
    expect(rels ?? '').not.toMatch(/TargetMode="External"/);
    const cell = wb.getWorksheet('考评结果')!.getCell('D2');
    expect(cell.text).toBe('2024年上半年!B5');
  });

  test('freeze panes, widths, fills, fonts, number format, tab colour, page setup', () => {
    const ws = wb.getWorksheet('考评结果')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getColumn(4).width).toBe(18);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').border?.top?.style).toBe('thin');
    expect(ws.getCell('C2').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.getCell('C2').font?.color?.argb).toBe('FF006100');
    expect(ws.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(ws.getCell('B2').numFmt).toBe('0.00');
    expect(ws.getCell('D2').font?.underline).toBe(true);
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2E75B6' });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });

  test('print titles are a defined name of the output sheet', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">\'考评结果\'!$1:$1</definedName>');
  });

  test('the meta sheet is very hidden and readable', () => {
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    const snap = snapshotFromExcelJS(wb);
    expect(readMeta(snap)).toMatchObject({ sheets: ['考评结果'], fingerprint: 'abc' });
  });

  test('outputs follow the inputs in tab order, and the results sheet is the active tab', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2024年上半年', '考评结果', META_SHEET]);
    expect(wb.views[0].activeTab).toBe(1);
  });

  test('data validations, when the patch has them', async () => {
    const f = path.join(dir, 'validated.xlsx');
    fs.writeFileSync(
      f,
      await patchXlsx(null, { sheets: [outputSheet({ name: '评分表', validations: [{ range: 'B2:B3', min: 0, max: 10, decimals: true }] })], deleteSheets: [], activate: null }, new Set()),
    );
    const { xml } = await sheetXml(f, '评分表');
    expect(xml).toMatch(/<dataValidation [^>]*type="decimal"[^>]*sqref="B2:B3"|<dataValidation [^>]*sqref="B2:B3"[^>]*type="decimal"/);
    expect(xml).toContain('<formula1>0</formula1>');
    expect(xml).toContain('<formula2>10</formula2>');
  });
});

describe('ownership', () => {
  test('refuses to overwrite a sheet it does not own, and changes nothing', async () => {
    const wb = await inputWorkbook();
    const mine = wb.addWorksheet('考评结果');
    mine.getCell('A1').value = '我自己的表';
    const host = await hostOf(wb);
    const before = Buffer.from(host.bytes());
    await expect(host.write({ sheets: [outputSheet()], deleteSheets: [], activate: null })).rejects.toThrow(AssessError);
    try {
      await host.write({ sheets: [outputSheet()], deleteSheets: [], activate: null });
    } catch (e) {
      expect((e as AssessError).kind).toBe('host');
      expect(describeError((e as AssessError), 'zh-CN')).toContain('考评结果');
    }
    await expect(host.write({ sheets: [], deleteSheets: ['考评结果'], activate: null })).rejects.toThrow(AssessError);
    expect(Buffer.from(host.bytes()).equals(before)).toBe(true);
    const after = await host.read();
    expect(after.sheets.map((w) => w.name)).toEqual(['2024年上半年', '考评结果']);
    expect(after.sheets[1].values[0][0]).toBe('我自己的表');
  });

  test('a foreign sheet named like an output survives a run untouched', async () => {
    const fx = basicFixture();
    fx.sheets.push({ name: '考评结果', rows: [['这是支部自己的汇总表'], [1, 2, 3]] });
    const input = path.join(dir, 'foreign.xlsx');
    await writeXlsx(input, fx);
    const host = await openWorkbookFile(input);
    const outcome = await assessWorkbook(host);
    const out = path.join(dir, 'foreign.assessed.xlsx');
    await saveWorkbookFile(host, out);
    const wb = await loadXlsx(out);
    const foreign = wb.getWorksheet('考评结果')!;
    expect(foreign.getCell('A1').value).toBe('这是支部自己的汇总表');
    expect(foreign.getCell('C2').value).toBe(3);
    expect(foreign.actualRowCount).toBe(2);
    // The results went to another sheet, which the run records as its own.
    const results = outcome.patch.activate!;
    expect(results).not.toBe('考评结果');
    expect(wb.getWorksheet(results)).toBeDefined();
    expect(readMeta(snapshotFromExcelJS(wb))!.sheets).not.toContain('考评结果');
  });
});

/** The basic fixture written as `<name>.xlsx`, assessed once (at 2030-01-02 03:04:05) and saved as `<name>.1.xlsx`. */
async function assessedOnce(name: string): Promise<string> {
  const input = path.join(dir, `${name}.xlsx`);
  await writeXlsx(input, basicFixture());
  const first = await openWorkbookFile(input);
  await assessWorkbook(first, { now: () => new Date('2030-01-02T03:04:05Z') });
  const out = path.join(dir, `${name}.1.xlsx`);
  await saveWorkbookFile(first, out);
  return out;
}

describe('idempotence', () => {
  function diff(a: WorkbookSnapshot, b: WorkbookSnapshot): { sheet: string; cell: string; before: unknown; after: unknown }[] {
    expect(b.sheets.map((s) => [s.name, s.visibility])).toEqual(a.sheets.map((s) => [s.name, s.visibility]));
    const out: { sheet: string; cell: string; before: unknown; after: unknown }[] = [];
    a.sheets.forEach((sa, i) => {
      const sb = b.sheets[i];
      expect([...sb.merges].sort()).toEqual([...sa.merges].sort());
      const rows = Math.max(sa.values.length, sb.values.length);
      for (let r = 0; r < rows; r++) {
        const ra = sa.values[r] ?? [];
        const rb = sb.values[r] ?? [];
        for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
          const va = ra[c] ?? null;
          const vb = rb[c] ?? null;
          if (JSON.stringify(va) !== JSON.stringify(vb)) out.push({ sheet: sa.name, cell: `${r},${c}`, before: va, after: vb });
        }
      }
    });
    return out;
  }

  test('a second run on the output changes nothing but the time of the run', async () => {
    const out1 = await assessedOnce('idem');

    const second = await openWorkbookFile(out1);
    await assessWorkbook(second, { now: () => new Date('2031-06-07T08:09:10Z') });
    const out2 = path.join(dir, 'idem.2.xlsx');
    await saveWorkbookFile(second, out2);

    const s1 = snapshotFromExcelJS(await loadXlsx(out1));
    const s2 = snapshotFromExcelJS(await loadXlsx(out2));
    const changes = diff(s1, s2);
    expect(changes.length).toBeGreaterThan(0); // the recorded run time did change
    for (const ch of changes) {
      expect(String(ch.before)).toContain('2030');
      expect(String(ch.after)).toContain('2031');
    }
    expect(readMeta(s2)!.fingerprint).toBe(readMeta(s1)!.fingerprint);
    expect(readMeta(s2)!.runAt).toBe(localIso(new Date('2031-06-07T08:09:10Z')));
  });
});

describe('the Excel add-in’s run lock in the record', () => {
  test('a record carrying a lock (C1:E1 of the meta sheet, left by an Excel run cut mid-write) reads the same, and the file tool’s run drops it', async () => {
    const out1 = await assessedOnce('locked');
    const book = await loadXlsx(out1);
    const meta = book.getWorksheet(META_SHEET)!;
    meta.getCell('C1').value = 'lock';
    meta.getCell('D1').value = 'ribbon:cut';
    meta.getCell('E1').value = Date.parse('2030-01-02T03:10:00Z');
    const locked = path.join(dir, 'locked.2.xlsx');
    await book.xlsx.writeFile(locked);
    const lockedSnap = snapshotFromExcelJS(await loadXlsx(locked));
    const row0 = lockedSnap.sheets.find((s) => s.name === META_SHEET)!.values[0];
    expect(readMetaLock(row0.slice(2, 5))).toEqual({ owner: 'ribbon:cut', expires: Date.parse('2030-01-02T03:10:00Z') });
    expect(readMeta(lockedSnap)).toEqual(readMeta(snapshotFromExcelJS(await loadXlsx(out1))));

    const second = await openWorkbookFile(locked);
    await assessWorkbook(second, { now: () => new Date('2030-01-02T04:00:00Z') });
    const out2 = path.join(dir, 'locked.3.xlsx');
    await saveWorkbookFile(second, out2);
    const after = snapshotFromExcelJS(await loadXlsx(out2)).sheets.find((s) => s.name === META_SHEET)!.values[0];
    expect(readMetaLock(after.slice(2, 5))).toBeNull();
  });
});

describe('reading an assessed workbook for a re-run', () => {
  test('the outputs are read by name and mark only, but the warnings sheet (its ledger) and the run record whole', async () => {
    const out = await assessedOnce('reread');
    const all = await (await openWorkbookFile(out)).read();
    const lean = await (await openWorkbookFile(out, undefined, { outputs: false })).read();
    expect(lean.sheets.map((s) => [s.name, s.visibility, !!s.marked])).toEqual(all.sheets.map((s) => [s.name, s.visibility, !!s.marked]));
    const values = (snap: typeof all, name: string) => snap.sheets.find((s) => s.name === name)!.values;
    expect(values(all, '考评结果').length).toBeGreaterThan(5);
    expect(values(lean, '考评结果')).toEqual([]);
    expect(values(lean, '年度排名')).toEqual([]);
    expect(values(lean, '预警与整改')).toEqual(values(all, '预警与整改'));
    expect(values(lean, META_SHEET)).toEqual(values(all, META_SHEET));
    expect(values(lean, '考评记录')).toEqual(values(all, '考评记录'));
  });
});
