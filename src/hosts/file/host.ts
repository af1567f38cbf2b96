/**
 * The file host: the WorkbookHost port over the bytes of an .xlsx package, in Node and in a browser.
 * `read()` gives the snapshot (read/ streams the parts it needs), `write(patch)` patches the package in
 * memory (write.ts: input parts copied verbatim, only owned sheets written). Saving a file is the
 * caller's (node.ts for the command-line tool, a download in the workbook page).
 *
 * Every failure is an AssessError naming the file: an unreadable package says why (damaged, encrypted,
 * over a stated limit…) and what to do; nothing is written anywhere.
 */
import { AssessError } from '../../domain/errors';
import { limitText, FILE_CODES, PACKAGE_CODES } from '../../i18n/file';
import { ownedSheets } from '../../workbook/meta';
import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import type { WorkbookHost } from '../../app/ports';
import { PACKAGE_LIMITS, PackageError } from './package/archive';
import type { PackageLimits } from './package/archive';
import { openWorkbook, readSnapshot } from './read';
import type { ReadOptions, WorkbookPackage } from './read';
import { emptyWorkbook, patchPackage } from './write';
import { CONFIG_CODES } from '../../i18n/config';

/** An OLE compound file (old .xls, or an encrypted .xlsx wrapped by Office): it starts D0 CF 11 E0. */
function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** A PackageError as the AssessError a user reads. */
export function packageFailure(e: PackageError, file: string): AssessError {
  const params = { part: e.part ?? '', detail: e.detail, limit: e.numbers.limit !== undefined ? limitText(e.code, e.numbers.limit) : '' };
  return new AssessError('file', PACKAGE_CODES[e.code], params, file, e);
}

/** A Word or PowerPoint file by its name (a.docx, b.pptx): the error that says what it is; null otherwise. */
export function officeDocumentByName(file: string): AssessError | null {
  const ext = /\.(docx|docm|pptx|pptm)$/i.exec(file)?.[1].toLowerCase();
  if (!ext) return null;
  return new AssessError('file', ext.startsWith('doc') ? PACKAGE_CODES.word_document : PACKAGE_CODES.powerpoint_document, {}, file);
}

export class FileHost implements WorkbookHost {
  /** Number of read() and write() calls (the use case makes exactly one of each). */
  reads = 0;
  writes = 0;
  private pkg: WorkbookPackage | null = null;
  private snapshot: WorkbookSnapshot | null = null;

  /**
   * @param data the package's bytes (null: a new, empty workbook)
   * @param file the name that messages give it
   * @param limits what a package may hold (tests pass smaller limits)
   */
  constructor(
    private data: Uint8Array | null,
    readonly file = '(workbook)',
    private readonly limits: PackageLimits = PACKAGE_LIMITS,
    /** What `read()` reads of the add-in's own output sheets (see ReadOptions: all, or the ledger only). */
    private readonly readOptions: ReadOptions = {},
  ) {}

  /** A host over a new, empty workbook (for the template). */
  static empty(): FileHost {
    return new FileHost(null);
  }

  /** Open the package (once) and check that it is a workbook. */
  private async open(): Promise<WorkbookPackage> {
    if (this.pkg) return this.pkg;
    try {
      if (!this.data) this.pkg = await emptyWorkbook();
      else {
        if (isCompoundFile(this.data)) {
          // Office stores an .xlsx with an open password inside a compound file ("EncryptedPackage" stream);
          // anything else in one is an old binary .xls.
          throw new AssessError('file', (await isEncryptedPackage(this.data)) ? FILE_CODES.encrypted : CONFIG_CODES.fileNotXlsx, { path: this.file }, this.file);
        }
        this.pkg = await openWorkbook(this.data, this.limits);
      }
    } catch (e) {
      throw this.failure(e);
    }
    return this.pkg;
  }

  /** A failure as the user reads it: a package error explained, and the file named. */
  private failure(e: unknown): unknown {
    if (e instanceof PackageError) return packageFailure(e, this.file);
    if (e instanceof AssessError && e.kind === 'file' && !e.where) return new AssessError(e.kind, e.code, e.params, this.file, e.inner);
    return e;
  }

  private async current(): Promise<WorkbookSnapshot> {
    if (!this.snapshot) {
      const pkg = await this.open();
      try {
        this.snapshot = await readSnapshot(pkg, this.readOptions);
      } catch (e) {
        throw this.failure(e);
      }
      if (this.data && pkg.sheets.every((s) => s.kind !== 'worksheet')) {
        throw new AssessError('file', FILE_CODES.noWorksheets, {}, this.file);
      }
    }
    return this.snapshot;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.current();
  }

  async write(patch: WorkbookPatch): Promise<void> {
    this.writes++;
    const snapshot = await this.current();
    const pkg = await this.open();
    try {
      this.data = await patchPackage(pkg, patch, ownedSheets(snapshot));
    } catch (e) {
      throw this.failure(e);
    } finally {
      // The package's DOM may have been edited: read the new bytes afresh next time.
      this.pkg = null;
      this.snapshot = null;
    }
  }

  /** The package's bytes as they stand (after write: the assessed workbook). */
  bytes(): Uint8Array {
    if (!this.data) throw new Error('FileHost: nothing written yet');
    return this.data;
  }
}

/** The compound-file reader, loaded on demand (only a file that is not a zip needs it); the page prefetches it. */
export const loadCfb = () => import('cfb');

/** Does a compound file hold an encrypted OOXML package (its "EncryptedPackage" stream)? */
async function isEncryptedPackage(data: Uint8Array): Promise<boolean> {
  // A chunk that cannot load (a browser gone offline) is that failure, not a damaged file.
  const CFB = await loadCfb();
  try {
    const container = CFB.read(data, { type: 'array' });
    return container.FileIndex.some((f) => f.name === 'EncryptedPackage' || f.name === 'EncryptionInfo');
  } catch {
    return false;
  }
}
