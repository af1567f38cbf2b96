/**
 * A growing byte buffer for the XML of a large part: markup that is ASCII by construction (tags, cell
 * references, numbers, style ids) is stored byte by byte; everything else — escaped text — goes through
 * the platform's UTF-8 encoder (TextEncoder.encodeInto). The part comes out in chunks of about
 * CHUNK_BYTES, so a sheet of 100,000 rows never sits in memory as one string or one buffer.
 */
export const CHUNK_BYTES = 1 << 18;

export class XmlBytes {
  private buf = new Uint8Array(CHUNK_BYTES * 2);
  private pos = 0;
  private readonly encoder = new TextEncoder();

  /** Bytes held since the last take(). */
  get size(): number {
    return this.pos;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** Markup the caller knows to be ASCII (U+0000–U+007F): one byte per character. */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** A non-negative integer in decimal (row numbers, style ids). */
  uint(n: number): void {
    this.room(16);
    const b = this.buf;
    if (n < 10) {
      b[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let m = n; m > 0; m = Math.floor(m / 10)) b[--p] = 48 + (m % 10);
  }

  /** The bytes since the last take(), as a new array; the buffer is reused. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
