/**
 * The workbook page's small decisions about files, kept apart from the view so they can be tested alone:
 * what the downloads are called, which picked or dropped files a roll-up reads and in what order, how a
 * dropped folder is walked, and which language the page starts in.
 */
import type { Lang } from '../domain/types';

/** The two package kinds the file host reads. */
export const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** What a folder walk picks up (as `assess rollup` does): the two we read and the formats 报送情况 names as "save as .xlsx". */
export const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|et|ods)$/i;

export const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MIME_XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/**
 * The assessed workbook's name, as `assess` names its output: `<name>.assessed.xlsx` (`.xlsm` for a
 * macro-enabled workbook, whose macros are kept). A workbook the page changed without assessing it (the
 * template or a new rules sheet only) is `<name>.edited.xlsx`.
 */
export function downloadName(file: string, assessed: boolean): string {
  const base = baseName(file).replace(/\.(xlsx|xlsm|xls)$/i, '');
  const ext = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
  return `${base}.${assessed ? 'assessed' : 'edited'}${ext}`;
}

export function mimeOf(file: string): string {
  return /\.xlsm$/i.test(file) ? MIME_XLSM : MIME_XLSX;
}

/** The last segment of a path given with / or \ separators. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** A file the user picked or dropped, with the path 报送情况 shows (its folder's relative path when it came in a folder). */
export interface PickedFile {
  path: string;
  file: File;
  /** Came inside a folder (picked or dropped): then lock files, hidden files and non-spreadsheets are skipped. */
  inFolder: boolean;
}

/**
 * What a roll-up reads of the picked files, in order. As `assess rollup` walks a folder: inside folders,
 * Excel's and WPS's lock files (`~$…`), hidden files and folders (`.…`) and files that are not
 * spreadsheets are skipped; a file picked by itself is read whatever its name (a wrong file is then listed
 * as unreadable, with the reason). The order is the paths' order, folder by folder in code-point order of
 * the names — the order `assess rollup <folder>` reads the same folder — so the branches' order in the
 * summary is the files' order (prefixes such as 01-, 02- sort them). The same path twice is read once.
 */
export function rollupInputs(picked: readonly PickedFile[]): PickedFile[] {
  const seen = new Set<string>();
  const kept: PickedFile[] = [];
  for (const p of picked) {
    const segments = p.path.split('/');
    if (p.inFolder) {
      if (segments.some((s) => s.startsWith('.') || s.startsWith('~$'))) continue;
      if (!SPREADSHEET.test(segments[segments.length - 1])) continue;
    }
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    kept.push(p);
  }
  return kept.sort((a, b) => comparePaths(a.path, b.path));
}

/** Paths compared segment by segment, each in code-point order (a folder walk's order). */
export function comparePaths(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] !== sb[i]) {
      // A file and a folder at the same level sort by name, as a walk meets them.
      return sa[i] < sb[i] ? -1 : 1;
    }
  }
  return sa.length - sb.length;
}

/** Files from an `<input type=file>`: with `webkitdirectory`, each carries its path inside the chosen folder. */
export function pickedFromInput(files: ArrayLike<File>): PickedFile[] {
  const out: PickedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath;
    out.push({ path: rel || f.name, file: f, inFolder: !!rel });
  }
  return out;
}

/** The bytes of a File (Blob.arrayBuffer, or FileReader where a browser lacks it). Local: nothing is fetched. */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

// ───────────────────────────── dropped files and folders ─────────────────────────────

/** The parts of the File and Directory Entries API a drop gives (Chromium's webkitGetAsEntry). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail?: (e: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail?: (e: unknown) => void): void };
}

/**
 * What was dropped: files, and the files inside dropped folders (walked recursively). The entries are taken
 * from the drop event at once (the browser empties the DataTransfer when the handler returns); the walk
 * follows. Without entries (a synthetic drop, an older browser) the plain file list is used.
 */
export function droppedEntries(data: DataTransfer | null): { entries: Entry[]; files: File[] } {
  if (!data) return { entries: [], files: [] };
  const entries: Entry[] = [];
  const items = data.items;
  if (items) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as DataTransferItem & { webkitGetAsEntry?: () => Entry | null };
      if (item.kind !== 'file' || typeof item.webkitGetAsEntry !== 'function') continue;
      const entry = item.webkitGetAsEntry();
      if (entry) entries.push(entry);
    }
  }
  const files: File[] = [];
  for (let i = 0; i < (data.files?.length ?? 0); i++) files.push(data.files[i]);
  return { entries, files };
}

/** The dropped files, folders walked; each with its path (a folder's name first). */
export async function droppedFiles(drop: { entries: Entry[]; files: File[] }): Promise<PickedFile[]> {
  // A folder among the entries: walk them all. Otherwise the plain list (it has every file, entries or not).
  if (!drop.entries.some((e) => e.isDirectory)) return drop.files.map((file) => ({ path: file.name, file, inFolder: false }));
  const out: PickedFile[] = [];
  const walk = async (entry: Entry, inFolder: boolean): Promise<void> => {
    const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail));
      out.push({ path, file, inFolder });
    } else if (entry.isDirectory) {
      const reader = (entry as DirectoryEntry).createReader();
      // readEntries answers in batches (100 in Chromium) until an empty one.
      for (;;) {
        const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, true);
      }
    }
  };
  for (const e of drop.entries) await walk(e, false);
  return out;
}

// ───────────────────────────── language ─────────────────────────────

export const LANG_KEY = 'pga-page-language';

/**
 * The page's language: `?lang=` first (links and tests), then the user's last choice on this site, then
 * the browser's preferred language — Chinese for any zh*, English for anything else.
 */
export function pageLanguage(query: string | null, stored: string | null, browser: readonly string[]): Lang {
  for (const choice of [query, stored]) if (choice === 'zh-CN' || choice === 'en-US') return choice;
  const first = browser.find((l) => !!l) ?? '';
  if (!first) return 'zh-CN';
  return /^zh/i.test(first) ? 'zh-CN' : 'en-US';
}
