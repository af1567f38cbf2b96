/**
 * The zip container of an .xlsx package, read and written with zip.js (@zip.js/zip.js: a kept library
 * that runs in Node and in browsers, inflates with the platform's native CompressionStream and copies
 * entries verbatim with its `passThrough` option). No zip format code of ours lives here: this module
 * only adds what a package reader must refuse and the limits that keep a hostile file from exhausting
 * memory.
 *
 * - Part names are compared case-insensitively (OPC, ECMA-376 Part 2 §6.2.2.3): two entries whose names
 *   differ only in case, or a name given twice, make the package ambiguous and are refused.
 * - Every entry we inflate is checked against its CRC-32 (zip.js `checkCrc32`); entries copied
 *   verbatim are checked by `verify()` before they are copied, so damage is never passed on.
 * - Sizes are checked against the limits both as declared and as actually inflated (a declared size
 *   may lie), so a zip bomb stops at the limit, not at the end of memory.
 */
import * as zip from '@zip.js/zip.js';
import type { PackageErrorCode } from '../../../i18n/file';

zip.configure({ useWebWorkers: false });

/** A package the tool cannot read: a code (for the message), the part concerned and a detail. */
export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    readonly part: string | null = null,
    readonly detail: string = '',
    readonly numbers: Record<string, number> = {},
  ) {
    super(`${code}${part ? ` (${part})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'PackageError';
  }
}

/** Limits on what a package may hold (defaults in PACKAGE_LIMITS; tests pass smaller ones). */
export interface PackageLimits {
  /** Uncompressed bytes of one XML part that is read (a worksheet, the shared strings…). */
  maxPartBytes: number;
  /** Uncompressed bytes of all entries together, as declared by the archive. */
  maxTotalBytes: number;
  /** Cells held by all worksheets together (a row's cells counted up to its last one). */
  maxCells: number;
  /** Rows of one worksheet (Excel's own limit). */
  maxRows: number;
}

export const PACKAGE_LIMITS: PackageLimits = {
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 8_000_000,
  maxRows: 1_048_576,
};

/** One entry of the archive (a part, or a folder entry some producers write). */
export interface PackageEntry {
  /** The name as stored (no leading slash). */
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly directory: boolean;
  /** zip.js's entry, for reading and verbatim copying. */
  readonly zipEntry: zip.Entry;
}

/** A writer that hands each inflated chunk to a callback and enforces a byte limit. */
class ChunkSink extends zip.Writer<number> {
  private total = 0;
  /** What the callback threw (a parse error of the part's content), kept apart from zip.js's own errors. */
  failure: unknown = null;
  constructor(
    private readonly part: string,
    private readonly limit: number,
    private readonly onChunk: ((chunk: Uint8Array) => void) | null,
  ) {
    super();
  }
  override async writeUint8Array(chunk: Uint8Array): Promise<void> {
    this.total += chunk.length;
    if (this.total > this.limit) throw (this.failure = new PackageError('part_too_large', this.part, '', { limit: this.limit }));
    if (this.onChunk) {
      try {
        this.onChunk(chunk);
      } catch (e) {
        throw (this.failure = e);
      }
    }
  }
  override async getData(): Promise<number> {
    return this.total;
  }
}

function translate(e: unknown, part: string | null): PackageError {
  if (e instanceof PackageError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (message === zip.ERR_INVALID_CRC32) return new PackageError('bad_crc', part);
  if (message === zip.ERR_ENCRYPTED || message === zip.ERR_INVALID_PASSWORD) return new PackageError('encrypted_entry', part);
  if (message === zip.ERR_UNSUPPORTED_COMPRESSION) return new PackageError('unsupported_method', part);
  if (part === null) return new PackageError('not_zip', null, message);
  return new PackageError('bad_data', part, message);
}

export class PackageArchive {
  private readonly byLower = new Map<string, PackageEntry>();
  private readonly verified = new Set<string>();

  private constructor(
    readonly entries: readonly PackageEntry[],
    readonly limits: PackageLimits,
  ) {
    for (const e of entries) this.byLower.set(e.name.toLowerCase(), e);
  }

  /** Open the archive: read its directory and refuse what no reader could take unambiguously. */
  static async open(bytes: Uint8Array, limits: PackageLimits = PACKAGE_LIMITS): Promise<PackageArchive> {
    let raw: zip.Entry[];
    try {
      const reader = new zip.ZipReader(new zip.Uint8ArrayReader(bytes), { checkCrc32: true });
      raw = await reader.getEntries();
    } catch (e) {
      throw translate(e, null);
    }
    const seen = new Set<string>();
    const entries: PackageEntry[] = [];
    let total = 0;
    for (const z of raw) {
      const name = z.filename.replace(/^\/+/, '');
      const key = name.toLowerCase();
      if (seen.has(key)) throw new PackageError('duplicate_part', name);
      seen.add(key);
      if (z.encrypted) throw new PackageError('encrypted_entry', name);
      total += z.uncompressedSize;
      if (total > limits.maxTotalBytes) throw new PackageError('package_too_large', null, '', { limit: limits.maxTotalBytes });
      entries.push({ name, size: z.uncompressedSize, compressedSize: z.compressedSize, directory: z.directory, zipEntry: z });
    }
    return new PackageArchive(entries, limits);
  }

  /** The entry of a part (case-insensitive, with or without a leading slash), or null. */
  get(name: string): PackageEntry | null {
    return this.byLower.get(name.replace(/^\/+/, '').toLowerCase()) ?? null;
  }

  /** Inflate a part chunk by chunk (CRC checked at the end; at most `maxPartBytes`). */
  async stream(name: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    const e = this.get(name);
    if (!e) throw new PackageError('missing_part', name);
    if (e.size > this.limits.maxPartBytes) throw new PackageError('part_too_large', e.name, '', { limit: this.limits.maxPartBytes });
    const sink = new ChunkSink(e.name, this.limits.maxPartBytes, onChunk);
    try {
      await (e.zipEntry as zip.FileEntry).getData(sink, { checkCrc32: true });
    } catch (err) {
      throw sink.failure ?? translate(err, e.name);
    }
    this.verified.add(e.name.toLowerCase());
  }

  /**
   * A part inflated as a stream, for a part copied with an edit: nothing is held but what the reader has not
   * taken yet. Its CRC is checked at the end and it may hold at most `maxPartBytes`; a failure errors the
   * stream and is handed to `failed` as the PackageError a user reads.
   */
  readable(name: string, failed: (e: PackageError) => void): ReadableStream<Uint8Array> {
    const e = this.get(name);
    if (!e) throw new PackageError('missing_part', name);
    const limit = this.limits.maxPartBytes;
    let total = 0;
    const sized = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.length;
        if (total > limit) throw new PackageError('part_too_large', e.name, '', { limit });
        controller.enqueue(chunk);
      },
    });
    (e.zipEntry as zip.FileEntry).getData(sized.writable, { checkCrc32: true }).catch((err: unknown) => failed(translate(err, e.name)));
    return sized.readable;
  }

  /** A whole part, inflated. */
  async bytes(name: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    await this.stream(name, (c) => {
      chunks.push(c.slice());
      length += c.length;
    });
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** Check a part's data against its CRC without keeping it (before it is copied verbatim). */
  async verify(name: string): Promise<void> {
    const e = this.get(name);
    if (!e || e.directory || this.verified.has(e.name.toLowerCase())) return;
    // Parts that are copied, not read, may be large media: the limit is the package's, not a part's.
    try {
      await (e.zipEntry as zip.FileEntry).getData(new ChunkSink(e.name, this.limits.maxTotalBytes, null), { checkCrc32: true });
    } catch (err) {
      throw translate(err, e.name);
    }
    this.verified.add(e.name.toLowerCase());
  }

  /** The compressed bytes of an entry as stored, for a verbatim copy. */
  async raw(e: PackageEntry): Promise<Uint8Array> {
    try {
      return await (e.zipEntry as zip.FileEntry).getData(new zip.Uint8ArrayWriter(), { passThrough: true });
    } catch (err) {
      throw translate(err, e.name);
    }
  }
}

/** One entry of an archive to write: a copy of an input entry, new content, or new content produced chunk by chunk. */
export type OutputPart =
  | { name: string; copy: PackageEntry; from: PackageArchive }
  | { name: string; data: Uint8Array }
  | { name: string; chunks: () => Iterable<Uint8Array> }
  | { name: string; stream: () => ReadableStream<Uint8Array> };

/** Chunks of a part as a stream, produced as the deflater asks for them. */
function chunkStream(chunks: () => Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  let it: Iterator<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      it ??= chunks()[Symbol.iterator]();
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

/**
 * Write an archive: copied entries keep their compressed bytes, CRC, dates and attributes (zip.js
 * `passThrough` with the source `entry`); new parts are deflated. Entries are written in the order given.
 */
export async function writeArchive(parts: readonly OutputPart[]): Promise<Uint8Array> {
  const writer = new zip.ZipWriter(new zip.Uint8ArrayWriter(), { keepOrder: true, bufferedWrite: true, useWebWorkers: false });
  // New parts carry the date Excel gives every part it writes (1980-01-01), so a re-run gives the same bytes.
  const date = new Date(1980, 0, 1);
  // The raw bytes of copied entries and the deflation of new ones run concurrently; the order is kept.
  await Promise.all(
    parts.map(async (p) => {
      if ('copy' in p && p.copy.directory) {
        await writer.add(p.name, undefined, { directory: true, entry: p.copy.zipEntry });
      } else if ('copy' in p) {
        const raw = await p.from.raw(p.copy);
        await writer.add(p.name, new zip.Uint8ArrayReader(raw), { passThrough: true, entry: p.copy.zipEntry });
      } else if ('stream' in p) {
        await writer.add(p.name, p.stream(), { level: 6, lastModDate: date, extendedTimestamp: false, dataDescriptor: false, uncompressedSize: 0 });
      } else if ('chunks' in p) {
        // The size is measured while writing; a size hint below 4 GB keeps the entry out of Zip64 format.
        await writer.add(p.name, chunkStream(p.chunks), { level: 6, lastModDate: date, extendedTimestamp: false, dataDescriptor: false, uncompressedSize: 0 });
      } else {
        await writer.add(p.name, new zip.Uint8ArrayReader(p.data), { level: 6, lastModDate: date, extendedTimestamp: false, dataDescriptor: false });
      }
    }),
  );
  return writer.close();
}
