/**
 * The file host: the WorkbookHost port over an ExcelJS workbook held in memory. `read()` gives the
 * snapshot, `write(patch)` applies the patch in memory, `save(path)` writes the file atomically
 * (a temporary file in the same folder, then a rename), so a failed save never leaves half a file and
 * never touches any other file.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AssessError } from '../../domain/errors';
import { CLI_ERR } from '../../i18n/cli';
import type { WorkbookHost, WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import { readWorkbookFile, snapshotFromExcelJS } from './read';
import { applyPatch } from './write';

export class FileHost implements WorkbookHost {
  private snapshot: WorkbookSnapshot | null;
  /** Number of read() and write() calls (the use case makes exactly one of each). */
  reads = 0;
  writes = 0;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    snapshot?: WorkbookSnapshot,
  ) {
    this.snapshot = snapshot ?? null;
  }

  /** Load a workbook file (AssessError 'file' when it cannot be read). */
  static async open(file: string): Promise<FileHost> {
    const { workbook, snapshot } = await readWorkbookFile(file);
    return new FileHost(workbook, snapshot);
  }

  /** A host over a new, empty workbook (for the template). */
  static empty(): FileHost {
    return new FileHost(new ExcelJS.Workbook());
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    const snap = this.snapshot ?? snapshotFromExcelJS(this.workbook);
    this.snapshot = snap;
    return snap;
  }

  async write(patch: WorkbookPatch): Promise<void> {
    this.writes++;
    applyPatch(this.workbook, patch);
    this.snapshot = null;
  }

  /** Write the workbook to a file: temp file beside it, then rename. AssessError 'file' on failure. */
  async save(file: string): Promise<void> {
    await saveWorkbook(this.workbook, file);
  }
}

/** Write a file atomically: `data` is produced into a temp file in the target's folder, then renamed. */
export async function atomicWrite(file: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await produce(tmp);
    fs.renameSync(tmp, abs);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    if (e instanceof AssessError) throw e;
    const reason = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
    throw new AssessError('file', CLI_ERR.cannotWrite, { reason }, file, e);
  }
}

/**
 * ExcelJS gives every row and every unstyled cell its own empty style object, and resolves a style per
 * distinct object when it writes (about half the write time of a large workbook). Pointing all empty
 * styles at one shared object just before writing changes nothing in the file and halves that work.
 */
export function shareEmptyStyles(wb: ExcelJS.Workbook): void {
  const empty = {} as ExcelJS.Style;
  const isEmpty = (s: unknown) => s !== empty && s !== null && typeof s === 'object' && Object.keys(s as object).length === 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      const r = row as unknown as { style: unknown };
      if (isEmpty(r.style)) r.style = empty;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (isEmpty(cell.style)) cell.style = empty;
      });
    });
  }
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  shareEmptyStyles(wb);
  await atomicWrite(file, (tmp) => wb.xlsx.writeFile(tmp));
}
