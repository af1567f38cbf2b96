/**
 * A workbook file behind the pane, in the workbook page (a chunk loaded when the first file is opened: the
 * zip and XML libraries come with it). The file host (src/hosts/file) works on the file's bytes in memory,
 * exactly as the `assess` tool does on disk: it reads the parts it needs, copies every input part verbatim
 * and writes only the add-in's own sheets. Nothing leaves the browser; the result is offered as a download.
 *
 * The port is the file host's (`portOverHost`): read, write, insert — no cell edits (an existing rules
 * sheet is not changed here, 设置 says where to change it) and no selection (a file has no cursor).
 */
import { AssessError } from '../domain/errors';
import { FileHost, officeDocumentByName } from '../hosts/file/host';

import type { PaneHost } from '../app/pane-service';
import type { WorkbookPort } from '../app/ports';
import { paneHost, portOverHost } from '../app/pane-service';
import { META_SHEET, readMeta } from '../workbook/meta';
import type { SheetSnapshot, WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import { WORKBOOK, downloadName, mimeOf } from './files';
import { PAGE_CODES } from '../i18n/page';

export interface Download {
  bytes: Uint8Array;
  /** `<name>.assessed.xlsx` (or .xlsm); `<name>.edited.xlsx` when changed but not assessed. */
  name: string;
  mime: string;
  assessed: boolean;
}

export interface OpenedWorkbook {
  /** The file's name as the user picked it. */
  name: string;
  host: PaneHost;
  /** The workbook as it stands, to download; null while the page has not changed it. */
  download(): Promise<Download | null>;
}

/**
 * Open a workbook file's bytes for the pane. Throws the file host's AssessError, naming the file and
 * saying what to do, when it is not a workbook, damaged, encrypted, over a limit or holds no worksheet:
 * then there is nothing to show and nothing to download. `onChange` is called after every write. In the
 * page this runs in the engine worker (src/page/engine.worker.ts, through src/ui/worker/service.ts).
 */
export async function openWorkbookBytes(name: string, bytes: Uint8Array, onChange: () => void, changedBefore = false): Promise<OpenedWorkbook> {
  if (!WORKBOOK.test(name)) throw officeDocumentByName(name) ?? new AssessError('file', PAGE_CODES.notWorkbook, { file: name });
  // As the command-line tool reads: the last run's outputs by name and mark only (they are rewritten whole).
  const file = new FileHost(bytes, name, undefined, { outputs: false });
  // Whether the workbook holds a run's record (its download is then `.assessed`): read once here, then
  // followed through the patches written — not read again after a write, which would parse the whole
  // workbook a second time (a 20,000-row run: the file host drops its snapshot after writing).
  let assessed = isAssessed(await file.read());
  // `changedBefore`: these bytes are the page's own earlier changes (the worker made again after 取消).
  let changed = changedBefore;
  const base = portOverHost(file, 'file');
  const wrote = (patch: WorkbookPatch) => {
    assessed = assessedAfter(patch, assessed);
    changed = true;
    onChange();
  };
  const port: WorkbookPort = {
    kind: 'file',
    read: () => base.read(),
    async write(patch) {
      await base.write(patch);
      wrote(patch);
    },
    async insert(patch) {
      await base.insert(patch);
      wrote(patch);
    },
  };
  return {
    name,
    host: paneHost(port),
    async download() {
      if (!changed) return null;
      return { bytes: file.bytes(), name: downloadName(name, assessed), mime: mimeOf(name), assessed };
    },
  };
}

/** Does a workbook hold a run's record (the meta sheet, with the time of its run)? */
function isAssessed(snapshot: WorkbookSnapshot): boolean {
  const meta = readMeta(snapshot);
  return !!meta && meta.runAt !== '';
}

/**
 * After writing `patch`: the record it wrote (read as the file host will read it back: its values are the
 * cells written), none when it deleted the record, else as before.
 */
function assessedAfter(patch: WorkbookPatch, before: boolean): boolean {
  const meta = patch.sheets.find((s) => s.name === META_SHEET);
  if (meta) return isAssessed({ sheets: [{ name: meta.name, values: meta.values } as SheetSnapshot] });
  if (patch.deleteSheets.includes(META_SHEET)) return false;
  return before;
}
