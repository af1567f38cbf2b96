/**
 * Every module of src/ that imports zod imports src/domain/zod-jitless.ts before it, so that in a browser zod
 * is `jitless` before any schema is built (no eval probe, which our pages' CSP reports as a violation: see
 * zod-jitless.ts). Imports are read with the TypeScript compiler's own pre-processor, in source order.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The modules a file imports, in source order. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

test('each module that imports zod imports zod-jitless first', () => {
  const users = sources(SRC).filter((f) => importsOf(f).some((m) => m === 'zod' || m.startsWith('zod/')));
  // The schemas: the rules, the configuration sheets, the two reports.
  expect(users.length).toBeGreaterThanOrEqual(4);
  const wrong = users.filter((f) => {
    const list = importsOf(f);
    const setting = list.findIndex((m) => /(^|\/)zod-jitless$/.test(m));
    const zod = list.findIndex((m) => m === 'zod' || m.startsWith('zod/'));
    return setting < 0 || setting > zod;
  });
  expect(wrong.map((f) => path.relative(SRC, f))).toEqual([]);
});
