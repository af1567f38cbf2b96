/**
 * LibreOffice for the system tests (Debian's libreoffice-calc): headless conversions with a throwaway
 * profile each time (`-env:UserInstallation`), and every sheet of a workbook as UTF-8 CSV read with
 * csv-parse — what someone without the add-in sees when LibreOffice opens the file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'csv-parse/sync';

/** UTF-8, comma, double quotes, every sheet (the trailing -1) as `<name>-<sheet>.csv`. */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const profiles: string[] = [];

/** Run soffice headless with a fresh profile; throws with its stderr when it fails. */
export function soffice(args: string[]): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  profiles.push(profile);
  const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

/** Convert a workbook with a filter into a folder. */
export function convert(filter: string, file: string, outDir: string): void {
  soffice(['--convert-to', filter, '--outdir', outDir, file]);
}

/** Rows of a CSV text (quoted fields, doubled quotes, line breaks inside quotes; ragged rows allowed). */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, bom: true, skip_empty_lines: false }) as string[][];
}

/** Every sheet of a workbook as CSV rows, by sheet name (LibreOffice names the files `<base>-<sheet>.csv`). */
export function sheetsAsCsv(xlsx: string, outDir: string): Map<string, string[][]> {
  fs.mkdirSync(outDir, { recursive: true });
  convert(CSV_FILTER, xlsx, outDir);
  const base = path.basename(xlsx).replace(/\.xls[xm]$/i, '');
  const sheets = new Map<string, string[][]>();
  for (const f of fs.readdirSync(outDir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    sheets.set(f.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(outDir, f), 'utf8')));
  }
  return sheets;
}

/** Remove the throwaway profiles (call in afterAll). */
export function removeProfiles(): void {
  for (const p of profiles.splice(0)) fs.rmSync(p, { recursive: true, force: true });
}
