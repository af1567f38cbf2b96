/**
 * The workbook page's decisions about files (src/page/files.ts): download names as `assess` names its
 * output, which picked or dropped files a roll-up reads and in which order — the same files, in the same
 * order, as `assess rollup <folder>` (checked against the tool's own folder walk on a real folder) — how a
 * dropped folder is walked, and the page's language.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultOutput } from '../../src/cli/main';
import { findWorkbooks } from '../../src/cli/rollup-files';
import { comparePaths, downloadName, droppedFiles, mimeOf, pageLanguage, rollupInputs } from '../../src/page/files';
import type { PickedFile } from '../../src/page/files';
import { writeBranchFolder } from '../support/branches';

jest.setTimeout(60000);

const file = (name: string) => ({ name }) as File;

describe('download names', () => {
  test.each([
    ['sample.xlsx', 'sample.assessed.xlsx'],
    ['第一党支部.XLSX', '第一党支部.assessed.xlsx'],
    ['宏.xlsm', '宏.assessed.xlsm'],
    ['a.b.xlsx', 'a.b.assessed.xlsx'],
  ])('%s → %s, as `assess` names its output', (input, expected) => {
    expect(downloadName(input, true)).toBe(expected);
    expect(downloadName(input, true)).toBe(path.basename(defaultOutput(input)));
  });

  test('a workbook changed but not assessed (the template only) is .edited', () => {
    expect(downloadName('空白.xlsx', false)).toBe('空白.edited.xlsx');
    expect(downloadName('宏.xlsm', false)).toBe('宏.edited.xlsm');
  });

  test('a macro workbook downloads as one', () => {
    expect(mimeOf('a.xlsm')).toBe('application/vnd.ms-excel.sheet.macroEnabled.12');
    expect(mimeOf('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('what a roll-up reads, in which order', () => {
  test('a folder: the same files in the same order as `assess rollup <folder>` walks it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-page-files-'));
    try {
      const folder = path.join(dir, '各党支部报送');
      await writeBranchFolder(folder);
      // What a folder picker gives: every file under the folder, lock, hidden and text files too, in any order.
      const all: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else all.push(path.relative(dir, p).split(path.sep).join('/'));
        }
      };
      walk(folder);
      expect(all).toEqual(expect.arrayContaining(['各党支部报送/~$01-第一党支部.xlsx', '各党支部报送/.隐藏.xlsx', '各党支部报送/说明.txt']));
      const shuffled = [...all].reverse();
      const picked: PickedFile[] = shuffled.map((p) => ({ path: p, file: file(path.basename(p)), inFolder: true }));
      const cwd = process.cwd();
      process.chdir(dir);
      let tool: string[];
      try {
        tool = findWorkbooks(['各党支部报送']).map((x) => (x.kind === 'file' ? x.file.display : x.summary.file).split(path.sep).join('/'));
      } finally {
        process.chdir(cwd);
      }
      expect(rollupInputs(picked).map((p) => p.path)).toEqual(tool);
      expect(tool).toHaveLength(9);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('files picked by themselves are read whatever their names (the reason is then in 报送情况), each once, by name', () => {
    const picked: PickedFile[] = ['b.xlsx', '说明.txt', 'a.xlsx', '~$a.xlsx', 'b.xlsx'].map((p) => ({ path: p, file: file(p), inFolder: false }));
    expect(rollupInputs(picked).map((p) => p.path)).toEqual(['a.xlsx', 'b.xlsx', '~$a.xlsx', '说明.txt']);
  });

  test('paths compare folder by folder, as a walk meets them', () => {
    // '-' sorts before '/': a whole-string comparison would put a-b.xlsx before a/x.xlsx.
    expect(['a-b.xlsx', 'a/x.xlsx', 'a/b/c.xlsx'].sort(comparePaths)).toEqual(['a/b/c.xlsx', 'a/x.xlsx', 'a-b.xlsx']);
    expect(comparePaths('a/x.xlsx', 'a-b.xlsx')).toBeLessThan(0);
    expect(comparePaths('01.xlsx', '02.xlsx')).toBeLessThan(0);
  });
});

describe('dropped files and folders', () => {
  interface FakeEntry {
    isFile: boolean;
    isDirectory: boolean;
    name: string;
    fullPath: string;
    file?: (ok: (f: File) => void) => void;
    createReader?: () => { readEntries: (ok: (e: FakeEntry[]) => void) => void };
  }
  const fileEntry = (fullPath: string): FakeEntry => ({
    isFile: true,
    isDirectory: false,
    name: path.posix.basename(fullPath),
    fullPath,
    file: (ok) => ok(file(path.posix.basename(fullPath))),
  });
  /** A folder whose reader answers in batches of two, then an empty batch (as Chromium's does, by 100). */
  const dirEntry = (fullPath: string, children: FakeEntry[]): FakeEntry => ({
    isFile: false,
    isDirectory: true,
    name: path.posix.basename(fullPath),
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const batch = children.slice(at, at + 2);
          at += 2;
          ok(batch);
        },
      };
    },
  });

  test('a dropped folder is walked whole; its files carry their paths', async () => {
    const folder = dirEntry('/报送', [fileEntry('/报送/01.xlsx'), fileEntry('/报送/02.xlsx'), dirEntry('/报送/三', [fileEntry('/报送/三/03.xlsx')]), fileEntry('/报送/~$01.xlsx')]);
    const got = await droppedFiles({ entries: [folder, fileEntry('/单独.xlsx')] as never, files: [] });
    expect(got.map((p) => [p.path, p.inFolder])).toEqual([
      ['报送/01.xlsx', true],
      ['报送/02.xlsx', true],
      ['报送/三/03.xlsx', true],
      ['报送/~$01.xlsx', true],
      ['单独.xlsx', false],
    ]);
    expect(rollupInputs(got).map((p) => p.path)).toEqual(['单独.xlsx', '报送/01.xlsx', '报送/02.xlsx', '报送/三/03.xlsx']);
  });

  test('dropped files without folders: the plain list', async () => {
    const got = await droppedFiles({ entries: [], files: [file('x.xlsx'), file('y.xlsx')] });
    expect(got.map((p) => [p.path, p.inFolder])).toEqual([
      ['x.xlsx', false],
      ['y.xlsx', false],
    ]);
  });
});

describe('the page’s language', () => {
  test.each([
    [null, null, ['zh-CN'], 'zh-CN'],
    [null, null, ['zh-TW', 'en'], 'zh-CN'],
    [null, null, ['zh'], 'zh-CN'],
    [null, null, ['en-GB', 'zh-CN'], 'en-US'],
    [null, null, ['fr-FR'], 'en-US'],
    [null, null, [], 'zh-CN'],
    [null, 'en-US', ['zh-CN'], 'en-US'],
    ['zh-CN', 'en-US', ['en-US'], 'zh-CN'],
    ['xx', 'yy', ['en-US'], 'en-US'],
  ] as const)('?lang=%s, remembered %s, browser %j → %s', (query, stored, browser, expected) => {
    expect(pageLanguage(query, stored, browser)).toBe(expected);
  });
});
