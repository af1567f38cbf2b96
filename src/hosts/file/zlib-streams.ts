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

class NodeCompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor(format: Format) {
    const o = { chunkSize: CHUNK_SIZE, level: 6 };
    ({ readable: this.readable, writable: this.writable } = pair(
      format === 'gzip' ? zlib.createGzip(o) : format === 'deflate-raw' ? zlib.createDeflateRaw(o) : zlib.createDeflate(o),
    ));
  }
}

class NodeDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor(format: Format) {
    const o = { chunkSize: CHUNK_SIZE };
    ({ readable: this.readable, writable: this.writable } = pair(
      format === 'gzip' ? zlib.createGunzip(o) : format === 'deflate-raw' ? zlib.createInflateRaw(o) : zlib.createInflate(o),
    ));
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
