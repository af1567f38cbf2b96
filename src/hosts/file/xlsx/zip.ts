/**
 * The smallest zip reader and writer an .xlsx package needs, on Node's native zlib.
 *
 * Why not JSZip (what ExcelJS uses): an assessed workbook keeps every input part as it was, so the
 * writer copies those parts' compressed bytes unchanged (no inflate, no deflate, byte for byte) and
 * deflates only the parts it writes, with zlib's native deflate. Reading walks the central directory.
 *
 * Supported: stored (0) and deflated (8) entries, data descriptors, UTF-8 names, reading ZIP64 archives
 * (some .NET writers use ZIP64 records even for small files). Not supported (an .xlsx never needs them):
 * encryption, multi-disk archives, writing parts of 4 GiB and more.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  /** Part name as in the archive, e.g. "xl/workbook.xml". */
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  /** The entry's bytes as stored in the archive (compressed when method = 8). */
  raw: Buffer;
  size: number;
  /** DOS modification time and date as the archive had them (absent: now). */
  dos?: { time: number; date: number };
}

/** Thrown for an archive this module cannot read; the host turns it into a file error. */
export class ZipError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOC = 0x07064b50;

/** A 64-bit little-endian size or offset (an .xlsx never comes near 2^53). */
function big(buf: Buffer, at: number): number {
  if (at + 8 > buf.length) throw new ZipError('truncated archive');
  return Number(buf.readBigUInt64LE(at));
}

let crcTable: Int32Array | null = null;
/** CRC-32 of a buffer (zlib's native one where Node has it). */
export function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The entries of a zip archive, in central-directory order. Throws ZipError when it is not one. */
export function readZip(buf: Buffer): ZipEntry[] {
  // End of central directory: the last signature within the final 64 KiB + 22 bytes (comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive (no end of central directory)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator just before the end record points to the ZIP64 end record.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOC) throw new ZipError('damaged ZIP64 archive');
    const rec = big(buf, loc + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_ZIP64_EOCD) throw new ZipError('damaged ZIP64 archive');
    count = big(buf, rec + 32);
    cdSize = big(buf, rec + 40);
    cdOffset = big(buf, rec + 48);
  }
  if (cdOffset + cdSize > buf.length) throw new ZipError('truncated archive');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CEN) throw new ZipError('damaged central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const dos = { time: buf.readUInt16LE(p + 12), date: buf.readUInt16LE(p + 14) };
    const crc = buf.readUInt32LE(p + 16);
    let csize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let local = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    if (size === 0xffffffff || csize === 0xffffffff || local === 0xffffffff) {
      // The ZIP64 extra field holds, in this order, the 64-bit values whose 32-bit fields are all ones.
      let x = p + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end) {
        const id = buf.readUInt16LE(x);
        const len = buf.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = big(buf, q);
            q += 8;
          }
          if (csize === 0xffffffff) {
            csize = big(buf, q);
            q += 8;
          }
          if (local === 0xffffffff) local = big(buf, q);
          break;
        }
        x += 4 + len;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError(`entry ${name} uses compression method ${method}`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== SIG_LOC) throw new ZipError(`damaged entry ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + csize > buf.length) throw new ZipError(`truncated entry ${name}`);
    if (name.endsWith('/')) continue; // a folder entry carries nothing
    entries.push({ name, method, crc, raw: buf.subarray(start, start + csize), size, dos });
  }
  return entries;
}

/** The uncompressed bytes of an entry. */
export function entryData(e: ZipEntry): Buffer {
  if (e.method === 0) return e.raw;
  try {
    return zlib.inflateRawSync(e.raw);
  } catch (err) {
    throw new ZipError(`damaged entry ${e.name}: ${(err as Error).message}`);
  }
}

/**
 * The first bytes of an entry's content, at least `want` when the entry has that many — without
 * inflating the whole of a large part (a truncated deflate stream, flushed, yields its prefix).
 */
export function entryPrefix(e: ZipEntry, want: number): Buffer {
  if (e.method === 0) return e.raw.subarray(0, want);
  let take = Math.min(e.raw.length, Math.max(4096, want >> 2));
  for (;;) {
    if (take >= e.raw.length) return entryData(e);
    const out = zlib.inflateRawSync(e.raw.subarray(0, take), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (out.length >= want) return out;
    take *= 4;
  }
}

const deflateRaw = (data: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.deflateRaw(data, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))));

/** A new deflated entry. Deflating runs on libuv's thread pool: several entries deflate in parallel. */
export async function deflateEntry(name: string, data: Buffer | string): Promise<ZipEntry> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const raw = await deflateRaw(bytes);
  return { name, method: 8, crc: crc32(bytes), raw, size: bytes.length };
}

/** DOS date and time of a Date (local time, as zip tools show it). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An archive of these entries, in this order (entries copied from an archive keep their dates). */
export function writeZip(entries: ZipEntry[], when = new Date()): Buffer {
  const now = dosTime(when);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { time, date } = e.dos ?? now;
    const name = Buffer.from(e.name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
    if (offset > 0xffffffff || e.raw.length > 0xffffffff) throw new ZipError('archive too large (ZIP64 is not supported)');
    // The fields from "version needed" to "extra length" are the same in both headers.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(utf8, 2);
    common.writeUInt16LE(e.method, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(e.crc >>> 0, 10);
    common.writeUInt32LE(e.raw.length, 14);
    common.writeUInt32LE(e.size, 18);
    common.writeUInt16LE(name.length, 22);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(SIG_LOC, 0);
    common.copy(loc, 4);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(SIG_CEN, 0);
    cen.writeUInt16LE(20, 4); // version made by
    common.copy(cen, 6);
    cen.writeUInt32LE(offset, 42);
    parts.push(loc, name, e.raw);
    central.push(cen, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  if (entries.length > 0xfffe) throw new ZipError('too many entries (ZIP64 is not supported)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
