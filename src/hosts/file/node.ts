/**
 * The file host on a disk (Node only): open a workbook file, save one atomically.
 *
 * Saving writes a temporary file in the target's folder, then renames it over the target, so a failed
 * save never leaves half a file and never touches any other file. The temporary name is short (never
 * longer than the target's own name allows), and only a regular file (or nothing) may be replaced.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AssessError } from '../../domain/errors';
import { FileHost, officeDocumentByName } from './host';
import type { PackageLimits } from './package/archive';
import type { ReadOptions } from './read';
import { useNodeZlibStreams } from './zlib-streams';
import { CONFIG_CODES } from '../../i18n/config';
import { CLI_CODES } from '../../i18n/cli';
import { FILE_CODES } from '../../i18n/file';

// zip.js inflates and deflates through node:zlib streams with large chunks (zlib-streams.ts).
useNodeZlibStreams();

/** Read a workbook file into a host. AssessError 'file' when it is missing, a folder, or not .xlsx/.xlsm by name. */
export async function openWorkbookFile(file: string, limits?: PackageLimits, readOptions?: ReadOptions): Promise<FileHost> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AssessError('file', CONFIG_CODES.fileNotFound, { path: file }, file, e);
    throw new AssessError('file', CONFIG_CODES.fileUnreadable, { path: file, detail: code ?? String(e) }, file, e);
  }
  if (stat.isDirectory()) throw new AssessError('file', CONFIG_CODES.fileIsDirectory, { path: file }, file);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') throw officeDocumentByName(file) ?? new AssessError('file', CONFIG_CODES.fileNotXlsx, { path: file }, file);
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AssessError('file', CONFIG_CODES.fileUnreadable, { path: file, detail: code ?? String(e) }, file, e);
  }
  return new FileHost(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), file, limits, readOptions);
}

/**
 * An output path must be a regular file or not exist yet, in an existing, writable folder.
 * AssessError 'file' otherwise (a folder, a device such as /dev/null, a pipe…).
 */
export function checkOutputPath(file: string): void {
  const abs = path.resolve(file);
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AssessError('file', CLI_CODES.cannotWrite, { reason: (e as NodeJS.ErrnoException).code ?? String(e) }, file);
    }
  }
  if (st?.isDirectory()) throw new AssessError('file', CLI_CODES.cannotWrite, { reason: 'EISDIR' }, file);
  if (st && !st.isFile()) throw new AssessError('file', FILE_CODES.notRegularFile, {}, file);
  try {
    fs.accessSync(path.dirname(abs), fs.constants.W_OK);
  } catch (e) {
    throw new AssessError('file', CLI_CODES.cannotWrite, { reason: (e as NodeJS.ErrnoException).code ?? String(e) }, file);
  }
}

/** Write a file atomically: `produce` writes a temp file in the target's folder, which is then renamed. */
export async function atomicWrite(file: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const abs = path.resolve(file);
  checkOutputPath(abs);
  // Short and unique: a long target name must not make the temporary one too long for the file system.
  const tmp = path.join(path.dirname(abs), `.pga-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
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
    const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
    const reason = code ?? (e instanceof Error ? e.message : String(e));
    if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') throw new AssessError('file', FILE_CODES.diskFull, { reason }, file, e);
    throw new AssessError('file', CLI_CODES.cannotWrite, { reason }, file, e);
  }
}

/** Save a host's workbook to a file (atomically). */
export async function saveWorkbookFile(host: FileHost, file: string): Promise<void> {
  const data = host.bytes();
  await atomicWrite(file, (tmp) => fs.promises.writeFile(tmp, data));
}
