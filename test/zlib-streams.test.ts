/**
 * In Node, zip.js inflates and deflates through node:zlib streams with large chunks (src/hosts/file/zlib-streams.ts).
 * What a user would notice if that went wrong: a part written differently from level-6 deflate (bigger files, or
 * bytes that change between versions), a part read back differently, or damage no longer caught.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { PackageArchive, writeArchive } from '../src/hosts/file/package/archive';
import { NodeCompressionStream, NodeDecompressionStream, useNodeZlibStreams } from '../src/hosts/file/zlib-streams';

beforeAll(() => useNodeZlibStreams());

/** About 3 MB of sheet-like XML: many output chunks of the 256 KiB streams. */
function bigXml(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= 30000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}党小组</t></is></c><c r="B${r}"><v>${(r * 7) % 100}</v></c></row>`);
  return new TextEncoder().encode(`<sheetData>${rows.join('')}</sheetData>`);
}

test('a part is deflated exactly as zlib level 6 deflates it, and reads back whole', async () => {
  const data = bigXml();
  const out = await writeArchive([{ name: 'xl/worksheets/sheet1.xml', chunks: () => [data.subarray(0, 1000), data.subarray(1000)] }]);
  // The stored bytes, as another zip reader sees them.
  const zip = await JSZip.loadAsync(out);
  const entry = zip.file('xl/worksheets/sheet1.xml') as unknown as { _data: { compressedContent: Uint8Array; crc32: number } };
  expect(Buffer.from(entry._data.compressedContent).equals(zlib.deflateRawSync(data, { level: 6 }))).toBe(true);
  expect(Buffer.from(await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array')).equals(Buffer.from(data))).toBe(true);
  // And through the package reader, chunk by chunk.
  const archive = await PackageArchive.open(out);
  expect(Buffer.from(await archive.bytes('xl/worksheets/sheet1.xml')).equals(Buffer.from(data))).toBe(true);
});

test('a deflated part whose data does not match its CRC is refused, not passed on', async () => {
  const zip = new JSZip();
  zip.file('a.xml', bigXml());
  const bad = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  // The CRC-32 sits at offset 14 of the local header (the archive's first bytes) and 16 of the central record.
  const central = bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bad.writeUInt32LE((bad.readUInt32LE(14) ^ 1) >>> 0, 14);
  bad.writeUInt32LE((bad.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
  const archive = await PackageArchive.open(new Uint8Array(bad));
  await expect(archive.bytes('a.xml')).rejects.toMatchObject({ code: 'bad_crc' });
});

test('formats the native streams refuse are refused alike, so zip.js falls back as it would', () => {
  expect(() => new NodeDecompressionStream('deflate64-raw')).toThrow(/Unsupported compression format/);
  expect(() => new NodeCompressionStream('brotli')).toThrow(/Unsupported compression format/);
  expect(new NodeDecompressionStream('deflate-raw').readable).toBeInstanceOf(ReadableStream);
});
