/**
 * The ports: what a host provides to the use cases and the pane. Every host implements them — Office.js
 * (src/hosts/office), the file host over .xlsx bytes (src/hosts/file), the in-memory preview
 * (src/hosts/memory) — and nothing above the hosts knows which one it talks to.
 *
 * - `WorkbookHost`: `read` a snapshot, `write` a patch of owned sheets. Enough for `assessWorkbook`
 *   (src/app/assessWorkbook.ts): the ribbon, the file tool and the pane run the same use case over it.
 * - `WorkbookPort`: what the pane needs besides — `insert` sheets that must not exist yet, and optionally
 *   `editCells` (rule values into an existing sheet) and `select` (go to a cell). The pane service
 *   (src/app/pane-service.ts) plans every edit over a port, so every host edits alike.
 */
import type { RunNote } from '../workbook/render';
import type { OutputValue, WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';

/** What a write could not do as the patch asked (an Excel without page layout: no print setup), told with the run's notes. */
export interface WriteResult {
  notes: RunNote[];
}

/** The port every host implements: a snapshot in, a patch of owned sheets out. */
export interface WorkbookHost {
  read(): Promise<WorkbookSnapshot>;
  write(patch: WorkbookPatch): Promise<WriteResult | void>;
}

/** Which host a port is: Excel (Office.js), WPS 表格 (its JSAPI), the in-memory preview, or a workbook file (the page). */
export type HostKind = 'office' | 'wps' | 'preview' | 'file';

/** A single value written into an existing sheet (0-based row and column). */
export interface CellEdit {
  row: number;
  col: number;
  value: OutputValue;
}

/** What a host provides to the pane. */
export interface WorkbookPort extends WorkbookHost {
  readonly kind: HostKind;
  /** Add sheets that must not exist yet; refuses (changing nothing) when any of them exists. */
  insert(patch: WorkbookPatch): Promise<void>;
  /** Write single values into an existing sheet: strings as text (never formulas), numbers as numbers. */
  editCells?(sheet: string, cells: CellEdit[]): Promise<void>;
  /** Select a cell given as `Sheet!A5` (sheet name quoted or not) and bring it into view. */
  select?(address: string): Promise<void>;
}
