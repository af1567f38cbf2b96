/** The run's local dates: the time written into the workbook is local, with its offset; asOf is the local date. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { isIsoDate, localDate, localIso } from '../src/app/clock';

/**
 * The clock module run in a child Node process with TZ set (a Jest worker's time zone is fixed when it
 * starts): the module's own source, transpiled by TypeScript, so the test runs exactly what ships.
 */
const CLOCK_JS = ts.transpileModule(fs.readFileSync(path.join(__dirname, '../src/app/clock.ts'), 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
}).outputText;

function inZone(tz: string, iso: string): { localIso: string; localDate: string } {
  const script = `const m = {}; (function (exports) { ${CLOCK_JS} })(m);
    const d = new Date(${JSON.stringify(iso)});
    process.stdout.write(JSON.stringify({ localIso: m.localIso(d), localDate: m.localDate(d) }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })) as {
    localIso: string;
    localDate: string;
  };
}

test('the run time is local time with its offset, and the date is the local date', () => {
  const at = '2026-11-29T23:42:05Z';
  // Already the next day in Beijing.
  expect(inZone('Asia/Shanghai', at)).toEqual({ localIso: '2026-11-30T07:42:05+08:00', localDate: '2026-11-30' });
  expect(inZone('America/New_York', at)).toEqual({ localIso: '2026-11-29T18:42:05-05:00', localDate: '2026-11-29' });
  expect(inZone('UTC', at)).toEqual({ localIso: '2026-11-29T23:42:05+00:00', localDate: '2026-11-29' });
  // The ISO string names the same instant.
  const india = inZone('Asia/Kolkata', at).localIso;
  expect(india).toBe('2026-11-30T05:12:05+05:30');
  expect(new Date(india).getTime()).toBe(new Date(at).getTime());
  // In this process too.
  expect(new Date(localIso(new Date(at))).getTime()).toBe(new Date(at).getTime());
  expect(isIsoDate(localDate(new Date(at)))).toBe(true);
});

test.each([
  ['2025-01-15', true],
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['2025-13-01', false],
  ['2025-1-15', false],
  ['20250115', false],
])('%s is a date: %p', (s, ok) => {
  expect(isIsoDate(s)).toBe(ok);
});
