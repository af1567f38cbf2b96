/**
 * The file host: the WorkbookHost port over the bytes of an .xlsx package. `read()` gives the snapshot
 * (ExcelJS reads the package), `write(patch)` patches the package in memory (write.ts: input parts are
 * copied byte for byte, only owned sheets are written), `save(path)` writes the file atomically (a
 * temporary file in the same folder, then a rename), so a failed save never leaves half a file and
 * never touches any other file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { AssessError } from '../../domain/errors';
import { CLI_ERR } from '../../i18n/cli';
import { CONFIG_MSG } from '../../i18n/config';
import { ownedSheets } from '../../workbook/meta';
import type { WorkbookHost, WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import { loadWorkbookData, readWorkbookFile } from './read';
import { patchXlsx } from './write';
import { ZipError } from './xlsx/zip';

export class FileHost implements WorkbookHost {
  /** Number of read() and write() calls (the use case makes exactly one of each). */
  reads = 0;
  writes = 0;

  /**
   * @param data the package's bytes (null: a new, empty workbook)
   * @param file the name that messages give it
   */
  constructor(
    private data: Buffer | null,
    private snapshot: WorkbookSnapshot | null = null,
    readonly file = '(workbook)',
  ) {}

  /** Load a workbook file (AssessError 'file' when it cannot be read). */
  static async open(file: string): Promise<FileHost> {
    const { data, snapshot } = await readWorkbookFile(file);
    return new FileHost(data, snapshot, file);
  }

  /** A host over an ExcelJS workbook built in memory (its bytes as ExcelJS writes them). */
  static async fromWorkbook(wb: ExcelJS.Workbook, file?: string): Promise<FileHost> {
    return new FileHost(Buffer.from(await wb.xlsx.writeBuffer()), null, file);
  }

  /** A host over a new, empty workbook (for the template). */
  static empty(): FileHost {
    return new FileHost(null, { sheets: [] });
  }

  private async current(): Promise<WorkbookSnapshot> {
    if (!this.snapshot) this.snapshot = this.data ? (await loadWorkbookData(this.data, this.file)).snapshot : { sheets: [] };
    return this.snapshot;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.current();
  }

  async write(patch: WorkbookPatch): Promise<void> {
    this.writes++;
    const owned = ownedSheets(await this.current());
    try {
      this.data = await patchXlsx(this.data, patch, owned);
    } catch (e) {
      if (e instanceof ZipError) throw new AssessError('file', CONFIG_MSG.fileCorrupt, { path: this.file, detail: e.message }, this.file, e);
      throw e;
    }
    this.snapshot = null;
  }

  /** The package's bytes as they stand (after write: the assessed workbook). */
  toBuffer(): Buffer {
    if (!this.data) throw new Error('FileHost: nothing written yet');
    return this.data;
  }

  /** Write the workbook to a file: temp file beside it, then rename. AssessError 'file' on failure. */
  async save(file: string): Promise<void> {
    const data = this.toBuffer();
    await atomicWrite(file, (tmp) => fs.promises.writeFile(tmp, data));
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
