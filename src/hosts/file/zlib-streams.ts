/**
 * zip.js's codec streams in Node, over node:zlib with a larger output chunk (Node only; a browser keeps
 * its native streams).
 *
 * Node's own CompressionStream and DecompressionStream are exactly a zlib stream (createGzip,
 * createInflateRaw…) wrapped as a web stream pair — but with zlib's default 16 KiB output chunk, so the
 * 55 MB sheet of a 100,000-row workbook crosses the web-stream machinery about 3,400 times on its way in.
 * These are the same streams with CHUNK_SIZE chunks, handed to zip.js through its documented
 * `configure({ CompressionStream, DecompressionStream })` option. Same zlib and the same level (6, zlib's
 * default) so the bytes written are the same; zip.js keeps all the zip format work, CRC checks included.
 */
import { Duplex } from 'stream';
import * as zlib from 'zlib';
import * as zip from '@zip.js/zip.js';

const CHUNK_SIZE = 256 * 1024;

type Format = 'gzip' | 'deflate' | 'deflate-raw';

function pair(stream: Duplex): { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> } {
  const web = Duplex.toWeb(stream);
  return { readable: web.readable as unknown as ReadableStream<Uint8Array>, writable: web.writable as unknown as WritableStream<Uint8Array> };
}

/** The formats the native streams take; any other (zip.js asks for "deflate64-raw") is refused as they refuse it, so zip.js falls back as it would. */
function checked(format: string): Format {
  if (format === 'gzip' || format === 'deflate' || format === 'deflate-raw') return format;
  throw new TypeError(`Unsupported compression format: ${format}`);
}

export class NodeCompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor(format: string) {
    const o = { chunkSize: CHUNK_SIZE, level: 6 };
    const make = { gzip: zlib.createGzip, 'deflate-raw': zlib.createDeflateRaw, deflate: zlib.createDeflate }[checked(format)];
    ({ readable: this.readable, writable: this.writable } = pair(make(o)));
  }
}

export class NodeDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor(format: string) {
    const o = { chunkSize: CHUNK_SIZE };
    const make = { gzip: zlib.createGunzip, 'deflate-raw': zlib.createInflateRaw, deflate: zlib.createInflate }[checked(format)];
    ({ readable: this.readable, writable: this.writable } = pair(make(o)));
  }
}

let configured = false;

/** Give zip.js the Node codec streams (once per process or worker). */
export function useNodeZlibStreams(): void {
  if (configured) return;
  configured = true;
  zip.configure({
    CompressionStream: NodeCompressionStream as unknown as typeof CompressionStream,
    DecompressionStream: NodeDecompressionStream as unknown as typeof DecompressionStream,
  });
}
