/**
 * docs/architecture.md's walk "add a warning kind": appending a code to WARNING_CODES does not compile until its
 * kind (src/domain/warnings.ts), its words (src/i18n/domain.ts) and its raiser (src/domain/assess.ts) exist —
 * the compiler points at each. Checked with TypeScript's own compiler over the real sources, the new code
 * added in memory.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const WARNINGS = path.join(ROOT, 'src/domain/warnings.ts');

function errorsWith(patch: (source: string) => string): Map<string, number> {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === WARNINGS ? patch(fs.readFileSync(WARNINGS, 'utf8')) : read(f));
  const roots = ['src/domain/assess.ts', 'src/i18n/domain.ts', 'src/app/report.ts', 'src/workbook/digest.ts', 'src/ui/view/index.ts'].map((f) => path.join(ROOT, f));
  const program = ts.createProgram(roots, { ...options, noEmit: true, types: [] }, host);
  const out = new Map<string, number>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file) continue;
    const f = path.relative(ROOT, d.file.fileName);
    out.set(f, (out.get(f) ?? 0) + 1);
  }
  return out;
}

jest.setTimeout(120_000);

test('the sources compile as they are', () => {
  expect([...errorsWith((s) => s).keys()]).toEqual([]);
});

test('a new warning code points the compiler at its kind, its words and its raiser', () => {
  const errors = errorsWith((s) => s.replace("'TIE_FOR_TOP'] as const;", "'TIE_FOR_TOP', 'ORG_LIFE'] as const;"));
  expect([...errors.keys()].sort()).toEqual(['src/domain/assess.ts', 'src/domain/warnings.ts', 'src/i18n/domain.ts']);
});
