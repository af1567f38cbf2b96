/// <reference types="office-js" />
/**
 * OfficeHost: the WorkbookHost port inside Excel. A run is read (2 syncs) + write (1 sync; more only
 * when Excel on the web's 5 MB request limit forces chunks) = 3 round trips. The write re-checks
 * ownership against the meta sheet of the read it follows (or reads again when there was none), and the
 * run lock kept inside the workbook (write/claim.ts: co-authors) as that read found it.
 */
import type { Lang } from '../../domain/types';
import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import type { WorkbookHost, WriteResult } from '../../app/ports';
import { parseA1, splitSheetRef } from '../../workbook/a1';
import { TEXT_FORMAT, needsTextFormat } from '../../workbook/text-format';
import type { OfficeEnv } from './env';
import { defaultEnv, langOf, runExcel } from './env';
import type { ReadState } from './read';
import { readWorkbook } from './read';
import { writePatch } from './write';
import type { StopSignal, WriteGuard } from './write';
import type { RunLock } from './lock';
import { LOCK_TTL_MS, workbookLock } from './lock';
import { AssessError } from '../../domain/errors';
import { OFFICE_CODES, OFFICE_NOTE } from '../../i18n/office';

export interface OfficeHostOptions {
  /**
   * The workbook's run lock, shared with the other runtime (pane or ribbon): a write waits for nothing,
   * it is refused while another holder has the lock. Without one, a lock owned by this host is used.
   */
  lock?: RunLock;
  /**
   * Raised to stop the run at its next boundary (the ribbon, before Office's 5-minute limit): after the read
   * (nothing written), or between two write syncs (what is written is a prefix the next run repairs).
   */
  signal?: StopSignal;
}

export class OfficeHost implements WorkbookHost {
  private state: ReadState | null = null;
  private readonly envOrNull: OfficeEnv | null;
  private lockOrNull: RunLock | null;
  private readonly signal: StopSignal | null;

  /** Without an env, the Office globals are used (call after Office.onReady). */
  constructor(env?: OfficeEnv, options: OfficeHostOptions = {}) {
    this.envOrNull = env ?? null;
    this.lockOrNull = options.lock ?? null;
    this.signal = options.signal ?? null;
  }

  get env(): OfficeEnv {
    return this.envOrNull ?? defaultEnv();
  }

  get lock(): RunLock {
    this.lockOrNull ??= workbookLock(this.env.documentUrl, `host:${Math.random().toString(36).slice(2)}`);
    return this.lockOrNull;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.state = await readWorkbook(this.env);
    if (this.signal?.aborted) throw new AssessError('host', OFFICE_CODES.stopped);
    return this.state.snapshot;
  }

  async write(patch: WorkbookPatch): Promise<WriteResult> {
    const state = this.state ?? (await readWorkbook(this.env));
    this.state = null; // a later write must read again
    await this.locked(() => writePatch(this.env, state, patch, 'owned', () => this.lock.refresh(LOCK_TTL_MS), this.guard()));
    // Page layout (paper, orientation, one page wide, footer, print titles) is ExcelApi 1.9: an older Excel
    // writes the tables without it, and the run says so rather than leave the secretary to find out at the printer.
    const printSetup = patch.sheets.some((s) => s.page || s.landscape || s.printTitleRows);
    return { notes: printSetup && !this.env.isSetSupported('ExcelApi', '1.9') ? [{ msg: OFFICE_NOTE.noPrintSetup, params: {} }] : [] };
  }

  /** Add sheets that must not exist yet (the "insert template" action): refuses to replace any sheet. */
  async insert(patch: WorkbookPatch): Promise<void> {
    const state = await readWorkbook(this.env);
    await this.locked(() => writePatch(this.env, state, patch, 'create', () => this.lock.refresh(LOCK_TTL_MS), this.guard()));
  }

  /** The write's stop signal, and its lock inside the workbook (held by this host's run-lock owner: co-authors, see write/claim.ts). */
  private guard(): WriteGuard {
    return { signal: this.signal ?? undefined, claim: { owner: this.lock.owner, ttlMs: LOCK_TTL_MS } };
  }

  /** Writes hold the workbook's run lock: refused (nothing written) while the other runtime writes. */
  private async locked<T>(f: () => Promise<T>): Promise<T> {
    if (!this.lock.tryAcquire(LOCK_TTL_MS)) throw new AssessError('host', OFFICE_CODES.busy);
    try {
      return await f();
    } finally {
      this.lock.release();
    }
  }
}

/** Office's display language as zh-CN / en-US. */
export function displayLanguage(env: OfficeEnv = defaultEnv()): Lang {
  return langOf(env.displayLanguage);
}

/** Go to a cell given as `Sheet!A5` or `'My sheet'!A5`: activate its sheet and select it. */
export async function selectCell(address: string, env: OfficeEnv = defaultEnv()): Promise<void> {
  const { sheet, ref: cell } = splitSheetRef(address);
  parseA1(cell.split(':')[0]); // throws on a malformed address before touching Excel
  await runExcel(env, async (context) => {
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(cell).untrack().select();
    await context.sync();
  });
}

/**
 * Write single values into an existing sheet (the pane's rule editor): strings as text ("@" first when Excel
 * would read them as a formula, number or date), numbers as numbers, null clears. One sync.
 */
export async function writeCells(
  sheet: string,
  cells: Array<{ row: number; col: number; value: string | number | null }>,
  env: OfficeEnv = defaultEnv(),
): Promise<void> {
  await runExcel(env, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const c of cells) {
      const cell = ws.getRangeByIndexes(c.row, c.col, 1, 1);
      if (typeof c.value === 'string' && needsTextFormat(c.value)) cell.numberFormat = [[TEXT_FORMAT]];
      cell.values = [[c.value === null ? '' : c.value]];
    }
    await context.sync();
  });
}
