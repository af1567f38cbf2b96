/**
 * The workbook page's file (src/page/workbook-file.ts), in Node: a workbook file's bytes behind the pane.
 * Assessed through the pane's host, it is byte for byte what the command-line tool writes for the same
 * file at the same instant (both use Node's zlib here; in a browser the e2e compares part for part). A
 * file that cannot be read fails before the pane shows, naming the file; nothing is offered until the page
 * has changed the workbook, and then under the tool's name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { AssessError } from '../../src/domain/errors';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { FileHost } from '../../src/hosts/file/host';
import { openWorkbookFile } from '../../src/hosts/file/node';
import { openWorkbookBytes } from '../../src/page/workbook-file';
import { paneStateOf } from '../../src/app/pane-state';
import { templatePatch } from '../../src/workbook/template';
import { VARIANTS } from '../support/variants';
import { describeError } from '../../src/i18n/errors';
import { CONFIG_CODES } from '../../src/i18n/config';
import { failureText } from '../../src/page/WorkbookPage';
import { officeDocumentBytes } from '../support/xlsx';

jest.setTimeout(60000);

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const NOW = () => new Date('2026-05-01T10:00:00+08:00');
const sampleBytes = () => new Uint8Array(fs.readFileSync(SAMPLE));

test('assessed through the pane host, the workbook is what `assess` writes for the same file at the same instant', async () => {
  const changes: number[] = [];
  const opened = await openWorkbookBytes('sample.xlsx', sampleBytes(), () => changes.push(1));
  expect(await opened.download()).toBeNull();
  expect(opened.host.kind).toBe('file');
  expect(opened.host.canSelect).toBe(false);
  expect(opened.host.canEditCells).toBe(false);
  // The pane's 考评: the one use case over the pane host, the page's language as the display language.
  await assessWorkbook(opened.host, { now: NOW, displayLanguage: 'zh-CN' });
  expect(changes).toHaveLength(1);
  const dl = (await opened.download())!;
  expect(dl).toMatchObject({ name: 'sample.assessed.xlsx', assessed: true, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

  // The command-line tool's path: the file opened from disk, the same use case, the same clock.
  const tool = await openWorkbookFile(SAMPLE, undefined, { outputs: false });
  await assessWorkbook(tool, { now: NOW });
  expect(Buffer.from(dl.bytes).equals(Buffer.from(tool.bytes()))).toBe(true);
});

test('a damaged file fails before the pane shows: the file named, what to do said, the same words as `assess`', async () => {
  const damaged = await VARIANTS.find((v) => v.name === 'truncated')!.bytes();
  const err = await openWorkbookBytes('损坏.xlsx', damaged, () => undefined).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssessError);
  const tool = await new FileHost(damaged, '损坏.xlsx').read().then(
    () => null,
    (e: unknown) => e as AssessError,
  );
  expect(describeError((err as AssessError), 'zh-CN')).toBe(describeError(tool, 'zh-CN'));
  expect(describeError((err as AssessError), 'zh-CN')).toMatch(/^损坏\.xlsx: /);
});

test('a file that is not an .xlsx or .xlsm by its name is refused, saying how to save it', async () => {
  for (const name of ['说明.txt', '旧格式.xls', '表格.et']) {
    const err = (await openWorkbookBytes(name, sampleBytes(), () => undefined).catch((e: unknown) => e)) as AssessError;
    expect(err).toBeInstanceOf(AssessError);
    expect(describeError(err, 'zh-CN')).toBe(`“${name}”不是.xlsx或.xlsm工作簿：请在Excel或WPS中另存为“Excel工作簿(*.xlsx)”后再打开`);
    expect(describeError(err, 'en-US')).toMatch(/is not an \.xlsx or \.xlsm workbook: save it in Excel or WPS as/);
  }
});

test('a macro workbook downloads as .assessed.xlsm', async () => {
  const opened = await openWorkbookBytes('宏.xlsm', sampleBytes(), () => undefined);
  await assessWorkbook(opened.host, { now: NOW });
  expect((await opened.download())!.name).toBe('宏.assessed.xlsm');
});

test('a blank workbook with the template inserted (no run yet) downloads as .edited; a rules sheet is created, never edited', async () => {
  const blank = FileHost.empty();
  await blank.write({ sheets: [{ name: 'Sheet1', values: [['x']], styles: [], links: [], merges: [], columnWidths: [], freeze: { rows: 0, cols: 0 }, visibility: 'visible', landscape: false }], deleteSheets: [], activate: null });
  const opened = await openWorkbookBytes('空白.xlsx', blank.bytes(), () => undefined);
  expect((await paneStateOf(await opened.host.read())).hasScoreTable).toBe(false);
  const r = await opened.host.insertTemplate(templatePatch('zh-CN'));
  expect(r.inserted).toEqual(['考评细则', '考评规则', '评分表']);
  const dl = (await opened.download())!;
  expect(dl).toMatchObject({ name: '空白.edited.xlsx', assessed: false });

  // The template's 考评规则 now exists: the page does not write into it (the input sheet stays as it is).
  const before = Buffer.from(dl.bytes);
  const err = await opened.host.writeRules({ ...DEFAULT_RULES, excellentMin: 9000 }, 'zh-CN').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AssessError);
  expect(describeError((err as AssessError), 'zh-CN')).toMatch(/考评规则/);
  expect(Buffer.from((await opened.download())!.bytes).equals(before)).toBe(true);
});

describe('a Word or PowerPoint file says what it is', () => {
  const cases = [
    {
      kind: 'docx' as const,
      zh: '这是Word文档（.docx），不是Excel工作簿：请选择.xlsx文件',
      en: 'This is a Word document (.docx), not an Excel workbook: choose an .xlsx file',
    },
    {
      kind: 'pptx' as const,
      zh: '这是PowerPoint演示文稿（.pptx），不是Excel工作簿：请选择.xlsx文件',
      en: 'This is a PowerPoint presentation (.pptx), not an Excel workbook: choose an .xlsx file',
    },
  ];
  const failure = (name: string, bytes: Uint8Array) =>
    openWorkbookBytes(name, bytes, () => undefined).then(
      () => {
        throw new Error('opened');
      },
      (e: unknown) => e,
    );

  test.each(cases)('a .$kind renamed .xlsx, or named .$kind: what it is, the file named once, no English in Chinese', async ({ kind, zh, en }) => {
    const bytes = await officeDocumentBytes(kind);
    for (const name of ['考评意见.xlsx', `考评意见.${kind}`]) {
      const error = await failure(name, bytes);
      const zhText = failureText({ file: name, error }, 'zh-CN');
      expect(zhText).toEqual({ title: `无法打开“${name}”`, reason: zh });
      expect(zhText.reason).not.toMatch(/[A-Za-z]{3,}(?<!Word|Excel|PowerPoint|docx|pptx|xlsx)\b/);
      expect(failureText({ file: name, error }, 'en-US')).toEqual({ title: `Cannot open “${name}”`, reason: en });
    }
    // The command-line tool's words: the same, after the file's name.
    const tool = await new FileHost(bytes, '考评意见.xlsx').read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeError(tool, 'zh-CN')).toBe(`考评意见.xlsx: ${zh}`);
  });

  test('a reason that names the file itself leaves it out of the title', () => {
    const error = new AssessError('file', CONFIG_CODES.fileUnreadable, { path: '考评.xlsx', detail: 'NotReadableError' });
    expect(failureText({ file: '考评.xlsx', error }, 'zh-CN')).toEqual({ title: '无法打开这个文件', reason: '无法打开“考评.xlsx”，请检查文件权限' });
  });
});
